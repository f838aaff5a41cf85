import type { Segment } from './document'
import { indexWords, isHan, isPinyinLike, pinyinOf, queryWords, synonymsOf } from './words.server'

/** One way a query word may match: a lexeme in the index, whole or as a prefix. */
export interface Alternative {
  lexeme: string
  prefix: boolean
}

export interface PlannedWord {
  word: string
  alternatives: Alternative[]
  /** Words to mark in results when this word matched. */
  marks: string[]
  /** Pinyin the word may be, for marking titles: `gudu` marks 孤独症. */
  pinyinPrefix?: string
}

/**
 * Every query word must match (AND); each may match through any of its alternatives (OR): itself,
 * its synonyms, a prefix when it is a single character or the last word still being typed, and for a
 * Latin word the pinyin or initials of a Chinese word.
 */
export function planQuery(q: string, options: { typing?: boolean } = {}): PlannedWord[] {
  const words = queryWords(q)
  return words.map((word, i) => {
    const typing = options.typing === true && i === words.length - 1
    const alternatives: Alternative[] = [{ lexeme: word, prefix: typing || [...word].length === 1 }]
    const marks = [word]
    // Every synonym is in the segmenter's dictionary, so documents hold it as one word.
    for (const synonym of synonymsOf(word)) {
      alternatives.push({ lexeme: synonym, prefix: false })
      marks.push(synonym)
    }
    const planned: PlannedWord = { word, alternatives, marks }
    if (isPinyinLike(word) && word.length >= 2) {
      alternatives.push({ lexeme: `py:${word}`, prefix: typing }, { lexeme: `pi:${word}`, prefix: typing })
      planned.pinyinPrefix = word
    }
    return planned
  })
}

/** Adds a close word found in the index as another way to match: 孤读症 may be 孤独症. */
export function withCorrection(word: PlannedWord, correction: string): PlannedWord {
  return {
    ...word,
    alternatives: [...word.alternatives, { lexeme: correction, prefix: false }, ...synonymsOf(correction).map((s) => ({ lexeme: s, prefix: false }))],
    marks: [...word.marks, correction, ...synonymsOf(correction)],
  }
}

/** Han words of three or more characters may be one character off (a typo or a wrong homophone pick). */
export const mayCorrect = (word: string) => isHan(word) && [...word].length >= 3

/** The LIKE patterns of every word one character away: 孤读症 → _读症, 孤_症, 孤读_. */
export function oneOffPatterns(word: string): string[] {
  const chars = [...word]
  return chars.map((_, i) => chars.map((c, j) => (i === j ? '_' : c.replace(/[\\%_]/g, '\\$&'))).join(''))
}

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/** PostgreSQL tsquery text, built from lexemes as they are (no parser in between). */
export function toTsquery(plan: PlannedWord[]): string {
  return plan
    .map((word) => `(${word.alternatives.map((a) => `${quote(a.lexeme)}${a.prefix ? ':*' : ''}`).join(' | ')})`)
    .join(' & ')
}

/** The words to mark in one hit's title and text: the plan's marks and title words its pinyin matched. */
export function marksFor(plan: PlannedWord[], title: string): string[] {
  const marks = new Set(plan.flatMap((w) => w.marks.filter((m) => !m.startsWith('py:') && !m.startsWith('pi:'))))
  const prefixes = plan.flatMap((w) => (w.pinyinPrefix ? [w.pinyinPrefix] : []))
  if (prefixes.length) {
    for (const word of indexWords(title)) {
      if (!isHan(word)) continue
      const { full, initials } = pinyinOf(word)
      if (prefixes.some((p) => full.startsWith(p) || initials.startsWith(p))) marks.add(word)
    }
  }
  return [...marks].filter(Boolean)
}

/** Splits text into marked and unmarked pieces; longer marks win where they overlap. */
export function highlight(text: string, marks: string[]): Segment[] {
  if (!text) return []
  const lower = text.normalize('NFKC').toLowerCase()
  // NFKC can change lengths (e.g. ㈠); mark nothing rather than the wrong characters then.
  if (lower.length !== text.length || marks.length === 0) return [{ text, match: false }]
  const sorted = [...new Set(marks)].sort((a, b) => b.length - a.length)
  const marked = new Array<boolean>(text.length).fill(false)
  for (const mark of sorted) {
    for (let at = lower.indexOf(mark); at !== -1; at = lower.indexOf(mark, at + mark.length)) {
      for (let i = at; i < at + mark.length; i++) marked[i] = true
    }
  }
  const segments: Segment[] = []
  for (let i = 0; i < text.length; i++) {
    const last = segments.at(-1)
    if (last && last.match === marked[i]) last.text += text[i]
    else segments.push({ text: text[i]!, match: marked[i]! })
  }
  return segments
}

/** About `length` characters of `text` around its first mark, with ellipses where it was cut. */
export function snippet(text: string, marks: string[], length = 120): Segment[] {
  const lower = text.normalize('NFKC').toLowerCase()
  const first = Math.min(...marks.map((m) => lower.indexOf(m)).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER)
  const start = first === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, first - Math.floor(length / 3))
  const piece = text.slice(start, start + length)
  const segments = highlight(piece, marks)
  if (start > 0) segments.unshift({ text: '…', match: false })
  if (start + length < text.length) segments.push({ text: '…', match: false })
  return segments
}

/** The marked title and snippet of one hit: the snippet comes from the summary when a mark is in it, else the body. */
export function highlightsFor(plan: PlannedWord[], hit: { title: string; summary: string; body: string }): { title: Segment[]; snippet: Segment[] } {
  const marks = marksFor(plan, hit.title)
  const inSummary = marks.some((m) => hit.summary.toLowerCase().includes(m))
  return { title: highlight(hit.title, marks), snippet: snippet(inSummary || !hit.body ? hit.summary : hit.body, marks) }
}
