/**
 * 国家通用盲文 abbreviated characters. Each applies only in the reading given (的 as de, not the
 * di of 目的/的确), whatever its tone, inside words too (你们 ⠝⠍⠴, 其他 ⠅⠊⠞).
 */
export const ABBREVIATIONS = {
  的: { base: 'de', cells: '⠙' },
  么: { base: 'me', cells: '⠍' },
  你: { base: 'ni', cells: '⠝' },
  他: { base: 'ta', cells: '⠞' },
  她: { base: 'ta', cells: '⠞⠁' },
  它: { base: 'ta', cells: '⠈⠞' },
} as const satisfies Record<string, { base: string; cells: string }>

export function abbreviationFor(char: string, base: string): string | null {
  if (!Object.hasOwn(ABBREVIATIONS, char)) return null
  const entry = ABBREVIATIONS[char as keyof typeof ABBREVIATIONS]
  return entry.base === base ? entry.cells : null
}
