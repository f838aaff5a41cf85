import { toBraille, type SchemeId, type Segmenter } from '~/modules/braille'

/**
 * Fixture notation.
 * - Input: `/` marks the word boundaries the segmenter reports (`我们/去/银行。`); the converter's
 *   own joining rules (的 了 吗, numeral + measure word, 不 + verb, …) still apply on top.
 * - Expected: a space stands for the blank cell ⠀ (U+2800); everything else is Unicode braille.
 * Expected strings are spelled by hand from the scheme's tables, never copied from the converter.
 */
export function markedSegmenter(marked: string): { text: string; segment: Segmenter } {
  const boundaries = new Set<number>()
  let text = ''
  for (const char of marked) {
    if (char === '/') boundaries.add(text.length)
    else text += char
  }
  let cursor = 0
  const segment: Segmenter = (run) => {
    const start = text.indexOf(run, cursor)
    if (start < 0) throw new Error(`fixture segmenter: "${run}" not found after ${cursor}`)
    cursor = start + run.length
    const words: string[] = []
    let word = ''
    for (let i = 0; i < run.length; i++) {
      if (i > 0 && boundaries.has(start + i)) {
        words.push(word)
        word = ''
      }
      word += run[i]
    }
    words.push(word)
    return words
  }
  return { text, segment }
}

export function braille(marked: string, scheme: SchemeId = 'common'): string {
  const { text, segment } = markedSegmenter(marked)
  return toBraille(text, { scheme, segment }).cells
}

export function cells(expected: string): string {
  return expected.replaceAll(' ', '\u2800')
}

export type Row = readonly [marked: string, expected: string]
