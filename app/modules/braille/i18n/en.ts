import { brailleMessages } from '../messages'
import type { brailleZhCN } from './zh-CN'

type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

export const brailleEn: Messages<typeof brailleZhCN> = {
  nav: 'Braille',
  title: 'Braille conversion',
  intro: 'Convert Chinese text (with digits, letters and punctuation) to braille, preview print and braille side by side, and download a BRF file for braille embossers.',
  text: 'Text to convert',
  scheme: 'Braille scheme',
  schemes: { common: 'National common braille (GF 0019-2018)', current: 'Current Chinese braille' },
  cellsPerLine: 'Cells per line',
  linesPerPage: 'Lines per page',
  convert: 'Convert',
  download: 'Download BRF',
  print: 'Print text',
  braille: 'Braille',
  pageN: 'Page {{n}}',
  pages: '{{count}} pages ({{cells}} cells per line, {{lines}} lines per page)',
  unsupported: 'These characters have no braille form and were left out: {{chars}}',
  errors: {
    ...brailleMessages.en,
    emptyText: 'Enter the text to convert.',
    textTooLongForRequest: 'At most 200,000 characters at a time.',
  },
}
