import { diffArrays } from 'diff'
import type { RichNode } from '~/modules/library/rich-text'

/**
 * A readable comparison of two lesson plans (Tiptap JSON): first block by block (headings, paragraphs,
 * list items, table cells, each with what kind of block it is), then, inside a block that was changed,
 * word by word. Chinese has no spaces, so the caller hands in a segmenter (the server uses jieba, the
 * search module's); without one the text is compared character by character. Pure and isomorphic.
 */

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'quote' | 'tableCell' | 'code' | 'image' | 'rule'

export interface PlanBlock {
  kind: BlockKind
  text: string
}

export type Segment = { op: 'same' | 'ins' | 'del'; text: string }

export interface DiffBlock {
  change: 'same' | 'added' | 'removed' | 'changed'
  kind: BlockKind
  segments: Segment[]
}

export interface PlanDiff {
  blocks: DiffBlock[]
  counts: { added: number; removed: number; changed: number; same: number }
}

export type Segmenter = (text: string) => string[]

export const characters: Segmenter = (text) => Array.from(text)

function textOf(node: RichNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(textOf).join('')
}

/** The plan as a flat list of blocks, in reading order. */
export function planBlocks(doc: RichNode): PlanBlock[] {
  const blocks: PlanBlock[] = []
  const walk = (node: RichNode, context: BlockKind | null) => {
    switch (node.type) {
      case 'paragraph':
        blocks.push({ kind: context ?? 'paragraph', text: textOf(node) })
        return
      case 'heading':
        blocks.push({ kind: 'heading', text: textOf(node) })
        return
      case 'codeBlock':
        blocks.push({ kind: 'code', text: textOf(node) })
        return
      case 'image':
        blocks.push({ kind: 'image', text: String(node.attrs?.alt ?? '') })
        return
      case 'horizontalRule':
        blocks.push({ kind: 'rule', text: '' })
        return
      case 'listItem':
        for (const child of node.content ?? []) walk(child, 'listItem')
        return
      case 'blockquote':
        for (const child of node.content ?? []) walk(child, 'quote')
        return
      case 'tableCell':
      case 'tableHeader':
        for (const child of node.content ?? []) walk(child, 'tableCell')
        return
      default:
        for (const child of node.content ?? []) walk(child, context)
    }
  }
  walk(doc, null)
  // An empty paragraph is spacing, not content.
  return blocks.filter((b) => b.text.trim() !== '' || b.kind === 'image' || b.kind === 'rule')
}

function pushSegment(segments: Segment[], op: Segment['op'], text: string) {
  if (!text) return
  const last = segments.at(-1)
  if (last && last.op === op) last.text += text
  else segments.push({ op, text })
}

/** Word-level changes inside one block. */
export function diffText(before: string, after: string, segment: Segmenter = characters): Segment[] {
  const segments: Segment[] = []
  for (const part of diffArrays(segment(before), segment(after))) {
    pushSegment(segments, part.added ? 'ins' : part.removed ? 'del' : 'same', part.value.join(''))
  }
  return segments
}

/**
 * Two blocks are "the same block, edited" when they are of one kind and share at least a third of
 * their characters in order; otherwise one was removed and another added.
 */
function related(a: PlanBlock, b: PlanBlock): boolean {
  if (a.kind !== b.kind) return false
  const shared = diffArrays(Array.from(a.text), Array.from(b.text))
    .filter((p) => !p.added && !p.removed)
    .reduce((n, p) => n + p.count!, 0)
  return shared * 3 >= Math.max(Array.from(a.text).length, Array.from(b.text).length)
}

export function diffPlans(before: RichNode, after: RichNode, segment: Segmenter = characters): PlanDiff {
  const a = planBlocks(before)
  const b = planBlocks(after)
  const parts = diffArrays(a, b, { comparator: (x, y) => x.kind === y.kind && x.text === y.text })
  const blocks: DiffBlock[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    if (!part.added && !part.removed) {
      for (const block of part.value) blocks.push({ change: 'same', kind: block.kind, segments: [{ op: 'same', text: block.text }] })
      continue
    }
    // A removed run followed by an added run: pair related blocks as edits, the rest stay removed/added.
    const removed = part.removed ? part.value : []
    const next = parts[i + 1]
    const added = part.removed && next?.added ? (i++, next.value) : part.added ? part.value : []
    let j = 0
    for (const old of removed) {
      const match = added.slice(j).findIndex((candidate) => related(old, candidate))
      if (match === -1) {
        blocks.push({ change: 'removed', kind: old.kind, segments: [{ op: 'del', text: old.text }] })
        continue
      }
      for (const skipped of added.slice(j, j + match)) blocks.push({ change: 'added', kind: skipped.kind, segments: [{ op: 'ins', text: skipped.text }] })
      const edited = added[j + match]!
      blocks.push({ change: 'changed', kind: edited.kind, segments: diffText(old.text, edited.text, segment) })
      j += match + 1
    }
    for (const rest of added.slice(j)) blocks.push({ change: 'added', kind: rest.kind, segments: [{ op: 'ins', text: rest.text }] })
  }
  const counts = { added: 0, removed: 0, changed: 0, same: 0 }
  for (const block of blocks) counts[block.change]++
  return { blocks, counts }
}
