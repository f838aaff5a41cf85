import { describe, expect, it } from 'vitest'
import { BrailleError, paginate, toBraille, toBrailleAscii, toBrf } from '~/modules/braille'

const b = (text: string) => text.replaceAll(' ', '\u2800')

describe('Braille ASCII', () => {
  it.each([
    ['⠀', ' '],
    ['⠁⠃⠉', 'ABC'], // dots 1, 12, 14
    ['⠼', '#'], // number sign, dots 3456
    ['⠿', '='], // all six dots
    ['⠞⠍⠴', 'TM0'], // 他们 in 通用盲文
    ['⠐⠆', '"2'], // 。
    ['⠰⠂', ';1'], // ！
  ])('%s → %s', (cells, ascii) => expect(toBrailleAscii(cells)).toBe(ascii))

  it('rejects characters that are not braille and eight-dot cells', () => {
    expect(() => toBrailleAscii('A')).toThrow(expect.objectContaining({ key: 'notBraille' }))
    expect(() => toBrailleAscii('⣿')).toThrow(expect.objectContaining({ key: 'eightDotCell' }))
  })
})

describe('BRF pagination', () => {
  const opts = { cellsPerLine: 10, linesPerPage: 2 }

  it('ends every line with CR LF', () => {
    expect(toBrf('⠞⠍⠴')).toBe('TM0\r\n')
  })

  it('wraps at blank cells', () => {
    expect(toBrf(b('⠁⠁⠁⠁ ⠃⠃⠃⠃ ⠉⠉⠉⠉'), { cellsPerLine: 10 })).toBe('AAAA BBBB\r\nCCCC\r\n')
  })

  it('fills a line exactly to its width', () => {
    expect(toBrf(b('⠁⠁⠁⠁ ⠃⠃⠃⠃⠃'), { cellsPerLine: 10 })).toBe('AAAA BBBBB\r\n')
  })

  it('cuts a word longer than a line', () => {
    expect(toBrf('⠁'.repeat(25), { cellsPerLine: 10 })).toBe('AAAAAAAAAA\r\nAAAAAAAAAA\r\nAAAAA\r\n')
  })

  it('puts a form feed between pages, not after the last', () => {
    expect(toBrf(b('⠁⠁⠁⠁⠁⠁ ⠃⠃⠃⠃⠃⠃ ⠉⠉⠉⠉⠉⠉'), opts)).toBe('AAAAAA\r\nBBBBBB\r\n\fCCCCCC\r\n')
  })

  it('starts a new line at a source line break', () => {
    expect(toBrf('⠁\n⠃', opts)).toBe('A\r\nB\r\n')
  })

  it('defaults to 30 cells × 25 lines', () => {
    const pages = paginate(Array.from({ length: 26 }, () => '⠁').join('\n'))
    expect(pages.map((page) => page.length)).toEqual([25, 1])
    const line = paginate(b(Array.from({ length: 10 }, () => '⠁⠁').join(' ')))[0]?.[0]
    expect(line).toHaveLength(29) // ten 2-cell words and 9 blanks
  })

  it('lays out converted text: whole words, no line too long', () => {
    const text = '我们一起去银行，他很行。小明的妈妈是老师。'.repeat(12)
    const { cells } = toBraille(text)
    const words = new Set(cells.split('\u2800'))
    const pages = paginate(cells, { cellsPerLine: 20, linesPerPage: 5 })
    for (const line of pages.flat()) {
      expect(line.length).toBeLessThanOrEqual(20)
      for (const word of line.split('\u2800')) expect(words.has(word)).toBe(true)
    }
    expect(pages.flat().join('\u2800')).toBe(cells)
    expect(toBrf(cells, { cellsPerLine: 20, linesPerPage: 5 }).split('\f')).toHaveLength(pages.length)
  })

  it('returns nothing for empty input', () => {
    expect(toBrf('')).toBe('')
  })

  it.each([
    ['cellsPerLine', 0],
    ['cellsPerLine', 5],
    ['cellsPerLine', 101],
    ['cellsPerLine', 30.5],
    ['cellsPerLine', Number.NaN],
    ['linesPerPage', 0],
    ['linesPerPage', 1000],
    ['linesPerPage', -25],
  ] as const)('rejects %s = %s', (name, value) => {
    const call = () => toBrf('⠁', { [name]: value })
    expect(call).toThrow(BrailleError)
    expect(call).toThrow(expect.objectContaining({ key: 'invalidPageSize', params: expect.objectContaining({ name }) }))
  })
})
