/** The empty cell (U+2800) that separates words. */
export const BLANK = '\u2800'

/** Braille Unicode block: U+2800 + bitmask, dot n sets bit n−1. */
export const BRAILLE_FIRST = 0x2800
export const BRAILLE_LAST = 0x28ff

export function isBrailleCell(char: string): boolean {
  const code = char.codePointAt(0) ?? -1
  return char.length === 1 && code >= BRAILLE_FIRST && code <= BRAILLE_LAST
}
