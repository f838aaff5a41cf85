import { abbreviationFor } from './abbreviations'
import { latinWordCells, numberCells } from './alphanumeric'
import { BLANK } from './cells'
import { BrailleError } from './errors'
import { hanWords, type HanWord, type Segmenter } from './han-words'
import { PUNCTUATION } from './punctuation'
import { isSchemeId, SCHEMES, type SchemeId, type SchemeRules } from './schemes'
import { defaultSegmenter } from './segment'
import { parseSyllable, spellSyllable, TONE_CELLS } from './syllable'
import { tokenize, type Run } from './tokenize'

export const MAX_TEXT_LENGTH = 1_000_000

export interface ToBrailleOptions {
  /** `common` 国家通用盲文 (default) or `current` 现行盲文. */
  scheme?: SchemeId
  /** Word segmenter for runs of Chinese characters; defaults to the browser-safe one. */
  segment?: Segmenter
  /** What to do with characters that have no braille form: leave them out (default) or throw. */
  onUnsupported?: 'skip' | 'throw'
}

export type BrailleWordKind = 'han' | 'number' | 'latin' | 'punctuation' | 'newline'

export interface BrailleWord {
  kind: BrailleWordKind
  text: string
  /** Numbered pinyin per character for Chinese words; empty otherwise. */
  pinyin: string[]
  /** Unicode braille of this word alone (no blank cells). */
  braille: string
}

export interface BrailleResult {
  /** Unicode braille; words separated by ⠀ (U+2800), source line breaks kept as `\n`. */
  cells: string
  words: BrailleWord[]
  /** Characters left out because they have no braille form (when `onUnsupported` is `skip`). */
  unsupported: string[]
}

interface Placed extends BrailleWord {
  spaceBefore: boolean
  /** For punctuation: whether it sits against the word before it or the word after it. */
  position?: 'trailing' | 'opening'
}

export function toBraille(text: unknown, options: ToBrailleOptions = {}): BrailleResult {
  if (typeof text !== 'string') throw new BrailleError('invalidText')
  if (text.length > MAX_TEXT_LENGTH) throw new BrailleError('textTooLong', { max: MAX_TEXT_LENGTH })
  const schemeId: unknown = options.scheme ?? 'common'
  if (!isSchemeId(schemeId)) throw new BrailleError('unknownScheme', { scheme: String(schemeId) })
  const segment = options.segment ?? defaultSegmenter
  if (typeof segment !== 'function') throw new BrailleError('invalidSegmenter')

  const scheme: SchemeRules = SCHEMES[schemeId]
  const unsupported: string[] = []
  const skip = (char: string) => {
    if (options.onUnsupported === 'throw') throw new BrailleError('unsupportedCharacter', { char })
    unsupported.push(char)
  }
  const runs = tokenize(text)
  const placed = runs
    .flatMap((run, i) => placeRun(run, runs[i - 1], scheme, segment, skip))
    .filter((word) => word.braille !== '') // a word made only of unsupported characters
  return {
    cells: joinWords(placed),
    words: placed.map(({ kind, text, pinyin, braille }) => ({ kind, text, pinyin, braille })),
    unsupported,
  }
}

function placeRun(
  run: Run,
  prevRun: Run | undefined,
  scheme: SchemeRules,
  segment: Segmenter,
  skip: (char: string) => void,
): Placed[] {
  const { spaceBefore, text } = run
  switch (run.kind) {
    case 'han':
      return hanWords(text, segment, prevRun?.kind === 'number' && !spaceBefore).map((word, i) => ({
        kind: 'han',
        text: word.text,
        pinyin: [...word.readings],
        braille: spellHanWord(word, scheme, skip),
        spaceBefore: i === 0 && spaceBefore,
      }))
    case 'number':
      return [{ kind: 'number', text, pinyin: [], braille: numberCells(text), spaceBefore }]
    case 'latin':
      return [{ kind: 'latin', text, pinyin: [], braille: latinWordCells(text), spaceBefore }]
    case 'punctuation': {
      const { cells, position } = PUNCTUATION[run.id]
      return [{ kind: 'punctuation', text, pinyin: [], braille: cells, spaceBefore, position }]
    }
    case 'newline':
      return [{ kind: 'newline', text, pinyin: [], braille: '\n', spaceBefore }]
    case 'unknown':
      skip(text)
      return []
  }
}

function spellHanWord(word: HanWord, scheme: SchemeRules, skip: (char: string) => void): string {
  return Array.from(word.text)
    .map((char, i) => {
      const syllable = parseSyllable(word.readings[i] ?? '')
      if (!syllable) {
        skip(char)
        return ''
      }
      const abbreviation = scheme.abbreviations ? abbreviationFor(char, syllable.base) : null
      if (abbreviation) return abbreviation
      const tone = syllable.tone !== 0 && scheme.writesTone(syllable) ? TONE_CELLS[syllable.tone] : ''
      return spellSyllable(syllable) + tone
    })
    .join('')
}

/**
 * Blank cells between words: Chinese words are separated from each other and from numbers and
 * Latin words (so a number or letter run is followed by a blank before Chinese); a number and a
 * letter run that touch in the source stay together; trailing marks sit against the word before
 * them and are followed by a blank; opening marks sit against the word after them.
 */
function needsBlank(prev: Placed, next: Placed): boolean {
  if (prev.kind === 'newline' || next.kind === 'newline') return false
  if (next.position === 'trailing') return false
  if (prev.position) return prev.position === 'trailing'
  if (next.kind === 'punctuation') return true
  if (prev.kind !== 'han' && next.kind !== 'han') return next.spaceBefore
  return true
}

function joinWords(words: Placed[]): string {
  let cells = ''
  words.forEach((word, i) => {
    const prev = words[i - 1]
    if (prev && needsBlank(prev, word)) cells += BLANK
    cells += word.braille
  })
  return cells
}
