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
  resource: {
    title: 'Braille version: {{title}}',
    link: 'Braille version',
    back: 'Back to the resource',
    intro: 'The print text of this resource beside its braille. The BRF download goes straight to a braille embosser.',
    corrected: 'This braille was corrected by {{name}} on {{at}}.',
    correctedStale: 'Note: the resource has changed since it was corrected; the correction may need updating.',
    automatic: 'This is the automatic conversion; nobody has corrected it yet.',
    correct: 'Correct the braille',
    correctHint: 'Edit the braille cells below (with a braille keyboard or by pasting). Spaces become blank cells; six-dot braille only.',
    save: 'Save correction',
    saved: 'Correction saved; BRF downloads now use it.',
    restore: 'Restore automatic conversion',
    restored: 'Back to the automatic conversion.',
    layout: 'Page layout',
    apply: 'Apply',
  },
  errors: {
    ...brailleMessages.en,
    emptyText: 'Enter the text to convert.',
    emptyCorrection: 'The corrected braille cannot be empty. To go back to the automatic conversion, use “Restore automatic conversion”.',
    textTooLongForRequest: 'At most 200,000 characters at a time.',
  },
}
