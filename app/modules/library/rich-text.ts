/**
 * Tiptap JSON as the library stores and shows it. Everything a document may hold is listed here;
 * `sanitizeDoc` keeps only that (unknown nodes are unwrapped to their text, unsafe links and images
 * dropped), and it runs both when a document is saved and before one is rendered, so user input is
 * never trusted as markup. Pure and isomorphic: the React renderer is in app/components/rich-text.tsx.
 */
import { cleanSignTermAttrs, signTermMark } from '~/modules/signs/marks'

export interface RichNode {
  type: string
  attrs?: Record<string, unknown>
  content?: RichNode[]
  marks?: { type: string; attrs?: Record<string, unknown> }[]
  text?: string
}
export interface RichDoc extends RichNode {
  type: 'doc'
  content: RichNode[]
}

export const calloutKinds = ['adaptation', 'tip', 'caution'] as const
export type CalloutKind = (typeof calloutKinds)[number]

const blockTypes = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'horizontalRule', 'table', 'image', 'callout', 'codeBlock'])
const markTypes = new Set(['bold', 'italic', 'underline', 'strike', 'code', 'link', signTermMark])
/** Which children each container may hold. */
const childrenOf: Record<string, Set<string>> = {
  doc: blockTypes,
  blockquote: blockTypes,
  callout: blockTypes,
  listItem: blockTypes,
  bulletList: new Set(['listItem']),
  orderedList: new Set(['listItem']),
  table: new Set(['tableRow']),
  tableRow: new Set(['tableHeader', 'tableCell']),
  tableHeader: blockTypes,
  tableCell: blockTypes,
  paragraph: new Set(['text', 'hardBreak']),
  heading: new Set(['text', 'hardBreak']),
  codeBlock: new Set(['text']),
}
const leafTypes = new Set(['horizontalRule', 'image', 'hardBreak', 'text'])

const MAX_DEPTH = 24
const MAX_NODES = 20_000

export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null
  const value = href.trim()
  if (/^(https?:|mailto:)/i.test(value)) return value
  if (/^\/(?!\/)/.test(value)) return value
  return null
}

export function safeImageSrc(src: unknown): string | null {
  if (typeof src !== 'string') return null
  const value = src.trim()
  if (/^https:\/\//i.test(value)) return value
  if (/^\/library\/files\/[0-9a-f-]{36}(\/[a-z]+)?$/i.test(value)) return value
  return null
}

const clampInt = (value: unknown, min: number, max: number, fallback: number) => {
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback
}

function cleanAttrs(type: string, attrs: Record<string, unknown> | undefined): Record<string, unknown> | undefined | null {
  const a = attrs ?? {}
  switch (type) {
    case 'heading':
      return { level: clampInt(a.level, 2, 4, a.level === 1 ? 2 : 3) }
    case 'orderedList':
      return { start: clampInt(a.start, 1, 10_000, 1) }
    case 'tableCell':
    case 'tableHeader':
      return { colspan: clampInt(a.colspan, 1, 20, 1), rowspan: clampInt(a.rowspan, 1, 50, 1) }
    case 'image': {
      const src = safeImageSrc(a.src)
      if (!src) return null
      return { src, alt: typeof a.alt === 'string' ? a.alt.slice(0, 500) : '' }
    }
    case 'callout':
      return { kind: (calloutKinds as readonly string[]).includes(a.kind as string) ? a.kind : 'adaptation' }
    default:
      return undefined
  }
}

function cleanMarks(marks: RichNode['marks']): RichNode['marks'] {
  if (!Array.isArray(marks)) return undefined
  const kept: NonNullable<RichNode['marks']> = []
  for (const mark of marks) {
    if (!mark || typeof mark !== 'object' || !markTypes.has(mark.type)) continue
    if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href)
      if (href) kept.push({ type: 'link', attrs: { href } })
    } else if (mark.type === signTermMark) {
      const attrs = cleanSignTermAttrs(mark.attrs)
      if (attrs && !kept.some((m) => m.type === signTermMark)) kept.push({ type: signTermMark, attrs })
    } else if (!kept.some((m) => m.type === mark.type)) kept.push({ type: mark.type })
  }
  return kept.length ? kept : undefined
}

/** The allow-listed copy of any JSON value; anything that is not a document becomes an empty one. */
export function sanitizeDoc(input: unknown): RichDoc {
  let budget = MAX_NODES
  const clean = (node: unknown, parent: string, depth: number): RichNode[] => {
    if (!node || typeof node !== 'object' || budget-- <= 0 || depth > MAX_DEPTH) return []
    const n = node as RichNode
    const allowed = childrenOf[parent]
    if (n.type === 'text') {
      if (typeof n.text !== 'string' || n.text === '') return []
      if (!allowed?.has('text')) return wrapText(parent, n.text)
      const marks = parent === 'codeBlock' ? undefined : cleanMarks(n.marks)
      return [marks ? { type: 'text', text: n.text, marks } : { type: 'text', text: n.text }]
    }
    if (!allowed?.has(n.type)) {
      // An unknown or misplaced node keeps its text, in whatever this parent may hold.
      const inner = Array.isArray(n.content) ? n.content.flatMap((child) => clean(child, parent, depth + 1)) : []
      return inner
    }
    const attrs = cleanAttrs(n.type, n.attrs)
    if (attrs === null) return []
    const out: RichNode = { type: n.type }
    if (attrs) out.attrs = attrs
    if (!leafTypes.has(n.type)) {
      const content = Array.isArray(n.content) ? n.content.flatMap((child) => clean(child, n.type, depth + 1)) : []
      if (content.length === 0 && !['paragraph', 'heading', 'codeBlock', 'tableCell', 'tableHeader'].includes(n.type)) return []
      if (content.length) out.content = content
    }
    return [out]
  }
  const doc = input as RichNode | null
  const content = doc && typeof doc === 'object' && doc.type === 'doc' && Array.isArray(doc.content) ? doc.content.flatMap((child) => clean(child, 'doc', 1)) : []
  return { type: 'doc', content }
}

function wrapText(parent: string, text: string): RichNode[] {
  const allowed = childrenOf[parent]
  if (allowed?.has('paragraph')) return [{ type: 'paragraph', content: [{ type: 'text', text }] }]
  return []
}

export const emptyDoc = (): RichDoc => ({ type: 'doc', content: [] })

export const isEmptyDoc = (doc: RichDoc) => plainText(doc).trim() === '' && !JSON.stringify(doc).includes('"image"')

/** How many images have no text alternative. */
export function imagesWithoutAlt(doc: RichNode): number {
  const own = doc.type === 'image' && !String(doc.attrs?.alt ?? '').trim() ? 1 : 0
  return own + (doc.content ?? []).reduce((n, child) => n + imagesWithoutAlt(child), 0)
}

/** The document's text, block by block, for search indexing, summaries and print. */
export function plainText(doc: RichNode): string {
  const blocks: string[] = []
  const walk = (node: RichNode, into: string[]): string => {
    if (node.type === 'text') return node.text ?? ''
    if (node.type === 'hardBreak') return '\n'
    const inner = (node.content ?? []).map((child) => walk(child, into)).join('')
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
      into.push(inner)
      return ''
    }
    if (node.type === 'tableRow') return ''
    return inner
  }
  walk(doc, blocks)
  return blocks.filter((b) => b.trim() !== '').join('\n')
}

/** A document made of plain paragraphs, one per line: for text that arrives without structure. */
export function docFromText(text: string): RichDoc {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  return { type: 'doc', content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) }
}
