import { matchPunctuation, type PunctuationId } from './punctuation'

/** A stretch of the source text of one kind. `spaceBefore`: white space preceded it in the source. */
export type Run =
  | { kind: 'han'; text: string; spaceBefore: boolean }
  | { kind: 'number'; text: string; spaceBefore: boolean }
  | { kind: 'latin'; text: string; spaceBefore: boolean }
  | { kind: 'punctuation'; text: string; id: PunctuationId; spaceBefore: boolean }
  | { kind: 'newline'; text: string; spaceBefore: boolean }
  | { kind: 'unknown'; text: string; spaceBefore: boolean }

const PATTERNS = {
  han: /^\p{Script=Han}+/u,
  number: /^[0-9]+(?:\.[0-9]+)?/,
  latin: /^[A-Za-z]+/,
} as const

const NEWLINE = /^(?:\r\n|\r|\n)/
const SPACE = /^[^\S\r\n]+/

/** Full-width digits and letters (０–９, Ａ–Ｚ, ａ–ｚ) are read as their ASCII forms. */
function normalizeWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  )
}

export function tokenize(source: string): Run[] {
  const text = normalizeWidth(source)
  const runs: Run[] = []
  let index = 0
  let spaceBefore = false
  let quoteOpen = false
  while (index < text.length) {
    const rest = text.slice(index)
    const space = SPACE.exec(rest)
    if (space) {
      spaceBefore = true
      index += space[0].length
      continue
    }
    const run = readRun(text, index, rest, quoteOpen, spaceBefore)
    if (run.kind === 'punctuation' && (run.id === 'openQuote' || run.id === 'closeQuote')) {
      quoteOpen = run.id === 'openQuote'
    }
    runs.push(run)
    index += run.text.length
    spaceBefore = false
  }
  return runs
}

function readRun(text: string, index: number, rest: string, quoteOpen: boolean, spaceBefore: boolean): Run {
  const newline = NEWLINE.exec(rest)
  if (newline) return { kind: 'newline', text: newline[0], spaceBefore }
  for (const kind of ['han', 'number', 'latin'] as const) {
    const match = PATTERNS[kind].exec(rest)
    if (match) return { kind, text: match[0], spaceBefore }
  }
  const mark = matchPunctuation(text, index, quoteOpen)
  if (mark) return { kind: 'punctuation', text: rest.slice(0, mark.length), id: mark.id, spaceBefore }
  return { kind: 'unknown', text: String.fromCodePoint(rest.codePointAt(0) ?? 0), spaceBefore }
}
