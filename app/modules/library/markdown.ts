import type { RichDoc, RichNode } from './rich-text'

/**
 * The small Markdown the starter corpus is written in, as Tiptap JSON: `##`/`###` headings,
 * paragraphs, `-` and `1.` lists, `> [!adaptation]` (or tip, caution) callouts, `|` tables,
 * **bold**, *italic* and [links](https://…). Anything else stays plain text.
 */
export function markdownToDoc(markdown: string): RichDoc {
  return { type: 'doc', content: blocks(markdown.replace(/\r\n/g, '\n').split('\n')) }
}

function blocks(lines: string[]): RichNode[] {
  const out: RichNode[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (!line.trim()) {
      i++
      continue
    }
    const heading = line.match(/^(#{2,4})\s+(.*)$/)
    if (heading) {
      out.push({ type: 'heading', attrs: { level: heading[1]!.length }, content: inline(heading[2]!) })
      i++
      continue
    }
    if (line.startsWith('>')) {
      const quoted: string[] = []
      while (i < lines.length && lines[i]!.startsWith('>')) quoted.push(lines[i++]!.replace(/^>\s?/, ''))
      const kind = quoted[0]?.match(/^\[!(adaptation|tip|caution)\]\s*$/i)?.[1]?.toLowerCase()
      if (kind) out.push({ type: 'callout', attrs: { kind }, content: blocks(quoted.slice(1)) })
      else out.push({ type: 'blockquote', content: blocks(quoted) })
      continue
    }
    if (/^\s*[-*]\s+/.test(line) || /^\s*\d+[.)]\s+/.test(line)) {
      const ordered = /^\s*\d+[.)]\s+/.test(line)
      const items: RichNode[] = []
      while (i < lines.length && (ordered ? /^\s*\d+[.)]\s+/ : /^\s*[-*]\s+/).test(lines[i]!)) {
        const text = lines[i++]!.replace(ordered ? /^\s*\d+[.)]\s+/ : /^\s*[-*]\s+/, '')
        items.push({ type: 'listItem', content: [{ type: 'paragraph', content: inline(text) }] })
      }
      out.push(ordered ? { type: 'orderedList', attrs: { start: 1 }, content: items } : { type: 'bulletList', content: items })
      continue
    }
    if (line.trim().startsWith('|')) {
      const rows: string[][] = []
      while (i < lines.length && lines[i]!.trim().startsWith('|')) {
        const cells = lines[i++]!.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim())
        if (cells.every((c) => /^:?-{2,}:?$/.test(c))) continue
        rows.push(cells)
      }
      out.push({
        type: 'table',
        content: rows.map((cells, r) => ({
          type: 'tableRow',
          content: cells.map((cell) => ({ type: r === 0 ? 'tableHeader' : 'tableCell', content: [{ type: 'paragraph', content: inline(cell) }] })),
        })),
      })
      continue
    }
    const paragraph: string[] = []
    while (i < lines.length && lines[i]!.trim() && !/^(#{2,4}\s|>|\s*[-*]\s|\s*\d+[.)]\s|\s*\|)/.test(lines[i]!)) paragraph.push(lines[i++]!.trim())
    out.push({ type: 'paragraph', content: inline(paragraph.join('')) })
  }
  return out
}

function inline(text: string): RichNode[] {
  const nodes: RichNode[] = []
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*|\[(.+?)\]\(((?:https?:|mailto:|\/)[^)\s]+)\)/g
  let last = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) nodes.push({ type: 'text', text: text.slice(last, m.index) })
    if (m[1]) nodes.push({ type: 'text', text: m[1], marks: [{ type: 'bold' }] })
    else if (m[2]) nodes.push({ type: 'text', text: m[2], marks: [{ type: 'italic' }] })
    else nodes.push({ type: 'text', text: m[3]!, marks: [{ type: 'link', attrs: { href: m[4]! } }] })
    last = m.index + m[0].length
  }
  if (last < text.length) nodes.push({ type: 'text', text: text.slice(last) })
  return nodes
}
