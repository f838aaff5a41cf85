import { BLANK, BRAILLE_FIRST } from './cells'
import { BrailleError } from './errors'

/** North American Braille ASCII: the character for cell U+2800+i is the i-th character. */
export const BRAILLE_ASCII = ' A1B\'K2L@CIF/MSP"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)='

export const PAGE_LIMITS = {
  cellsPerLine: { min: 10, max: 100, default: 30 },
  linesPerPage: { min: 1, max: 100, default: 25 },
} as const

export interface PageOptions {
  cellsPerLine?: number
  linesPerPage?: number
}

/**
 * Lays Unicode braille out in pages of lines. Source line breaks (`\n`) start a new line; lines
 * are wrapped at blank cells, and a word longer than a line is cut at the line's end.
 * Blank cells at the start and end of a wrapped line are dropped.
 */
export function paginate(unicode: unknown, options: PageOptions = {}): string[][] {
  if (typeof unicode !== 'string') throw new BrailleError('invalidText')
  const cellsPerLine = checkedSize('cellsPerLine', options.cellsPerLine)
  const linesPerPage = checkedSize('linesPerPage', options.linesPerPage)
  if (unicode === '') return []
  const lines = unicode.split(/\r\n|\r|\n/).flatMap((paragraph) => wrap(paragraph, cellsPerLine))
  const pages: string[][] = []
  for (let i = 0; i < lines.length; i += linesPerPage) pages.push(lines.slice(i, i + linesPerPage))
  return pages
}

/** BRF for embossers: CR LF after every line, a form feed between pages. */
export function toBrf(unicode: unknown, options: PageOptions = {}): string {
  return paginate(unicode, options)
    .map((page) => page.map((line) => toBrailleAscii(line) + '\r\n').join(''))
    .join('\f')
}

/** Six-dot Unicode braille (one line, no line breaks) → Braille ASCII. */
export function toBrailleAscii(cells: string): string {
  let ascii = ''
  for (const char of cells) {
    const index = (char.codePointAt(0) ?? 0) - BRAILLE_FIRST
    if (index < 0 || index > 0xff) throw new BrailleError('notBraille', { char })
    const mapped = BRAILLE_ASCII[index]
    if (mapped === undefined) throw new BrailleError('eightDotCell', { char })
    ascii += mapped
  }
  return ascii
}

function checkedSize(name: keyof typeof PAGE_LIMITS, value: number | undefined): number {
  const { min, max, default: fallback } = PAGE_LIMITS[name]
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BrailleError('invalidPageSize', { name, min, max })
  }
  return value
}

function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of paragraph.split(BLANK).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length <= width) {
      line += BLANK + word
      continue
    }
    if (line !== '') lines.push(line)
    line = word
    while (line.length > width) {
      lines.push(line.slice(0, width))
      line = line.slice(width)
    }
  }
  lines.push(line)
  return lines
}
