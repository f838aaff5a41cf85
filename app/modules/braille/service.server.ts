import { z } from 'zod'
import { AppError, parseInput } from '~/platform/errors'
import { PAGE_LIMITS, paginate, toBraille, toBrf, BrailleError, type BrailleResult } from './index'
import { jiebaSegmenter } from './segment.server'

export const brailleRequest = z.object({
  text: z.string().min(1, 'braille.errors.emptyText').max(200_000, 'braille.errors.textTooLongForRequest'),
  scheme: z.enum(['common', 'current']).default('common'),
  format: z.enum(['unicode', 'brf']).default('unicode'),
  cellsPerLine: z.coerce.number().int().min(PAGE_LIMITS.cellsPerLine.min).max(PAGE_LIMITS.cellsPerLine.max).default(PAGE_LIMITS.cellsPerLine.default),
  linesPerPage: z.coerce.number().int().min(PAGE_LIMITS.linesPerPage.min).max(PAGE_LIMITS.linesPerPage.max).default(PAGE_LIMITS.linesPerPage.default),
})
export type BrailleRequest = z.output<typeof brailleRequest>

export interface BrailleConversion {
  scheme: BrailleRequest['scheme']
  format: BrailleRequest['format']
  /** Unicode braille, words separated by ⠀ and source lines by \n (format unicode). */
  braille?: string
  /** Braille ASCII with CR LF line ends and form feeds between pages (format brf). */
  brf?: string
  pages: string[][]
  words: BrailleResult['words']
  unsupported: string[]
}

/** Converts with jieba's segmentation (server side); converter errors become 400s with their message. */
export function convertText(input: unknown): BrailleConversion {
  const request = parseInput(brailleRequest, input)
  try {
    const result = toBraille(request.text, { scheme: request.scheme, segment: jiebaSegmenter })
    const layout = { cellsPerLine: request.cellsPerLine, linesPerPage: request.linesPerPage }
    return {
      scheme: request.scheme,
      format: request.format,
      ...(request.format === 'brf' ? { brf: toBrf(result.cells, layout) } : { braille: result.cells }),
      pages: paginate(result.cells, layout),
      words: result.words,
      unsupported: [...new Set(result.unsupported)],
    }
  } catch (error) {
    if (error instanceof BrailleError) throw new AppError(400, { key: `braille.errors.${error.key}`, params: { ...error.params } })
    throw error
  }
}
