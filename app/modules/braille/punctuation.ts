/**
 * Punctuation marks. `position` says how a mark sits between words:
 * - `trailing`: written against the preceding word, blank cell after it (most marks);
 * - `opening`: blank cell before it, written against the following word.
 * Half-width ASCII forms are read as their full-width Chinese counterparts.
 */
export const PUNCTUATION = {
  comma: { chars: ['，', ','], cells: '⠐', position: 'trailing' },
  period: { chars: ['。', '.', '．'], cells: '⠐⠆', position: 'trailing' },
  question: { chars: ['？', '?'], cells: '⠐⠄', position: 'trailing' },
  exclamation: { chars: ['！', '!'], cells: '⠰⠂', position: 'trailing' },
  enumeration: { chars: ['、'], cells: '⠈', position: 'trailing' },
  semicolon: { chars: ['；', ';'], cells: '⠰', position: 'trailing' },
  colon: { chars: ['：', ':'], cells: '⠤', position: 'trailing' },
  openQuote: { chars: ['“'], cells: '⠘', position: 'opening' },
  closeQuote: { chars: ['”'], cells: '⠘', position: 'trailing' },
  openParen: { chars: ['（', '('], cells: '⠰⠄', position: 'opening' },
  closeParen: { chars: ['）', ')'], cells: '⠠⠆', position: 'trailing' },
  openBracket: { chars: ['【'], cells: '⠰⠆', position: 'opening' },
  closeBracket: { chars: ['】'], cells: '⠰⠆', position: 'trailing' },
  openTitle: { chars: ['《'], cells: '⠐⠤', position: 'opening' },
  closeTitle: { chars: ['》'], cells: '⠤⠂', position: 'trailing' },
  ellipsis: { chars: ['……', '…', '...'], cells: '⠐⠐⠐', position: 'trailing' },
  dash: { chars: ['——', '—'], cells: '⠠⠤', position: 'trailing' },
} as const satisfies Record<string, { chars: readonly string[]; cells: string; position: 'trailing' | 'opening' }>

export type PunctuationId = keyof typeof PUNCTUATION

/** Every spelling of every mark, longest first so that `……` wins over `…`. */
const SPELLINGS: ReadonlyArray<readonly [string, PunctuationId]> = (
  Object.entries(PUNCTUATION) as Array<[PunctuationId, (typeof PUNCTUATION)[PunctuationId]]>
)
  .flatMap(([id, mark]) => mark.chars.map((spelling) => [spelling, id] as const))
  .sort(([a], [b]) => b.length - a.length)

/** The mark spelled at `text[index]`, with its length; ASCII `"` alternates open and close. */
export function matchPunctuation(
  text: string,
  index: number,
  quoteOpen: boolean,
): { id: PunctuationId; length: number } | null {
  if (text[index] === '"') return { id: quoteOpen ? 'closeQuote' : 'openQuote', length: 1 }
  for (const [spelling, id] of SPELLINGS) {
    if (text.startsWith(spelling, index)) return { id, length: spelling.length }
  }
  return null
}
