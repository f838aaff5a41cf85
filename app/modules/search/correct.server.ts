import { oneOffPatterns } from './query.server'

/** What the correction needs from the index: which words it holds, and which match LIKE patterns. */
export interface TermLookup {
  existing(words: string[]): Promise<Set<string>>
  like(patterns: string[], lengths: number[]): Promise<string[]>
}

const longestWindow = 8

/**
 * Reads a query with one wrong character in a word of three or more characters as the word the index
 * holds: 孤读症 → 孤独症, 结沟化教学 → 结构化教学. Works on runs of Han characters rather than on
 * segmented words, because a typo usually breaks the segmentation too (孤读症 → 孤读 / 症). Longer
 * windows win; a window that is itself a known word is left alone.
 */
export async function correctQuery(q: string, terms: TermLookup): Promise<{ q: string; corrections: { from: string; to: string }[] }> {
  const runs = q.normalize('NFKC').match(/\p{Script=Han}{3,}/gu) ?? []
  const windows: string[] = []
  for (const run of runs) {
    const chars = [...run]
    for (let length = Math.min(chars.length, longestWindow); length >= 3; length--) {
      for (let start = 0; start + length <= chars.length; start++) windows.push(chars.slice(start, start + length).join(''))
    }
  }
  if (!windows.length) return { q, corrections: [] }
  const known = await terms.existing(windows)
  const unknown = windows.filter((w) => !known.has(w))
  const candidates = await terms.like(
    [...new Set(unknown.flatMap(oneOffPatterns))],
    [...new Set(unknown.map((w) => [...w].length))],
  )
  const corrections: { from: string; to: string }[] = []
  let corrected = q.normalize('NFKC')
  for (const run of runs) {
    // windows are already longest first within each run
    const runWindows = unknown.filter((w) => run.includes(w))
    for (const window of runWindows) {
      const match = candidates.find((c) => oneCharacterOff(window, c))
      if (match) {
        corrections.push({ from: window, to: match })
        corrected = corrected.replace(window, match)
        break
      }
    }
  }
  return { q: corrected, corrections }
}

function oneCharacterOff(a: string, b: string): boolean {
  const x = [...a]
  const y = [...b]
  if (x.length !== y.length) return false
  let differences = 0
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && ++differences > 1) return false
  return differences === 1
}
