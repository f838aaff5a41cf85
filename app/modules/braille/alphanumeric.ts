/** Digits, Latin letters and their signs. */

export const NUMBER_SIGN = '⠼'
/** Decision (not in the scheme notes): the decimal point inside a number is ⠨ (dots 4-6). */
export const DECIMAL_POINT = '⠨'
export const LOWER_CASE_SIGN = '⠰'
export const CAPITAL_SIGN = '⠠'
export const ALL_CAPITALS_SIGN = '⠠⠠'

export const LETTER_CELLS = {
  a: '⠁', b: '⠃', c: '⠉', d: '⠙', e: '⠑', f: '⠋', g: '⠛', h: '⠓', i: '⠊', j: '⠚',
  k: '⠅', l: '⠇', m: '⠍', n: '⠝', o: '⠕', p: '⠏', q: '⠟', r: '⠗', s: '⠎', t: '⠞',
  u: '⠥', v: '⠧', w: '⠺', x: '⠭', y: '⠽', z: '⠵',
} as const satisfies Record<string, string>

/** Digits are the letters a–j: 1⠁ … 9⠊, 0⠚. */
const DIGIT_LETTERS = 'jabcdefghi'

/** `3.14` → ⠼⠉⠨⠁⠙ */
export function numberCells(digits: string): string {
  let cells = NUMBER_SIGN
  for (const char of digits) {
    cells += char === '.' ? DECIMAL_POINT : letterCells(DIGIT_LETTERS[Number(char)] ?? '')
  }
  return cells
}

function letterCells(letter: string): string {
  return LETTER_CELLS[letter as keyof typeof LETTER_CELLS] ?? ''
}

/**
 * One Latin word: ⠰ before a lower-case word, ⠠ before a capital, ⠠⠠ before an all-capitals
 * word of two or more letters; a capital inside a lower-case word gets its own ⠠ (iPhone ⠰⠊⠠⠏⠓⠕⠝⠑).
 */
export function latinWordCells(word: string): string {
  if (word.length > 1 && word === word.toUpperCase()) {
    return ALL_CAPITALS_SIGN + [...word.toLowerCase()].map(letterCells).join('')
  }
  let cells = word[0] === word[0]?.toUpperCase() ? '' : LOWER_CASE_SIGN
  for (const char of word) {
    const lower = char.toLowerCase()
    cells += (char === lower ? '' : CAPITAL_SIGN) + letterCells(lower)
  }
  return cells
}
