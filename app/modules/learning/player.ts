import type { RichNode } from '~/modules/library/rich-text'
import { signTermMark } from '~/modules/signs/marks'

/**
 * Read-aloud for the lesson player: the text is split into sentences (on 。！？；!? and at the end of
 * each paragraph or heading), and every text node of the document is cut into pieces that know
 * which sentence they belong to, so the renderer can mark the sentence being read. Pure and isomorphic.
 */

const terminators = '。！？；!?'
const closers = '”’」』）)"\''
const sentencePattern = new RegExp(`[^${terminators}]*[${terminators}]+[${closers}]*|[^${terminators}]+$`, 'gu')

/** Cuts text after each sentence end, keeping the punctuation (and a closing quote) with its sentence. */
export function splitKeep(text: string): string[] {
  return text.match(sentencePattern) ?? []
}

const endsSentence = (piece: string) => new RegExp(`[${terminators}][${closers}]*\\s*$`, 'u').test(piece)

/** The sentences of a plain text (line breaks end a sentence too), trimmed, without empty ones. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .flatMap(splitKeep)
    .map((s) => s.trim())
    .filter((s) => s !== '' && /[\p{L}\p{N}]/u.test(s))
}

export interface SentencePiece {
  text: string
  sentence: number
  /** The first piece of its sentence (easy-read starts a new line there). */
  start: boolean
}

export interface SentenceMap {
  sentences: string[]
  pieces: Map<RichNode, SentencePiece[]>
}

const textBlocks = new Set(['paragraph', 'heading', 'codeBlock'])

/** Sentences of a (sanitized) document and, for each of its text nodes, its pieces by sentence. */
export function annotateSentences(doc: RichNode): SentenceMap {
  const sentences: string[] = []
  const pieces = new Map<RichNode, SentencePiece[]>()
  const block = (node: RichNode) => {
    let current = ''
    const flush = () => {
      if (/[\p{L}\p{N}]/u.test(current)) sentences.push(current.trim())
      current = ''
    }
    for (const child of node.content ?? []) {
      if (child.type === 'hardBreak') {
        flush()
        continue
      }
      if (child.type !== 'text' || !child.text) continue
      // A word marked with a sign stays whole: it is one button.
      const whole = child.marks?.some((m) => m.type === signTermMark) ?? false
      const parts = whole ? [child.text] : splitKeep(child.text)
      const list: SentencePiece[] = []
      for (const part of parts) {
        list.push({ text: part, sentence: sentences.length, start: !/[\p{L}\p{N}]/u.test(current) })
        current += part
        if (!whole && endsSentence(part)) flush()
      }
      pieces.set(child, list)
    }
    flush()
  }
  const walk = (node: RichNode) => {
    if (textBlocks.has(node.type)) block(node)
    else for (const child of node.content ?? []) walk(child)
  }
  walk(doc)
  return { sentences, pieces }
}

/** The voice to read with: one for the page's language (zh-CN first for Chinese), else none. */
export function chooseVoice<V extends { lang: string; default?: boolean; localService?: boolean }>(voices: readonly V[], locale: string): V | null {
  const norm = (lang: string) => lang.replace('_', '-').toLowerCase()
  const want = norm(locale)
  const base = want.split('-')[0]!
  const exact = voices.filter((v) => norm(v.lang) === want)
  const family = voices.filter((v) => norm(v.lang).split('-')[0] === base)
  // For Chinese, a Mandarin mainland voice before Cantonese or Taiwanese ones.
  const pool = exact.length ? exact : base === 'zh' ? [...family.filter((v) => /cn|hans/i.test(v.lang)), ...family] : family
  return pool.find((v) => v.localService) ?? pool.find((v) => v.default) ?? pool[0] ?? null
}
