import type { Syllable, Tone } from './syllable'

/**
 * 国家通用盲文 (GF 0019-2018) tone omission: each initial group leaves out one tone; the dictionary
 * tone is used (no sandhi) and the neutral tone is never written. Grouped by the pinyin initial,
 * not by the shared cell (j drops the 4th, q the 2nd).
 */
const DROPPED_TONE_BY_INITIAL = {
  b: 4, d: 4, l: 4, g: 4, j: 4, k: 4, x: 4, z: 4, zh: 4, s: 4, sh: 4,
  p: 2, m: 2, t: 2, n: 2, h: 2, q: 2, c: 2, ch: 2, r: 2,
  f: 1,
  '': 4,
} as const satisfies Record<Syllable['initial'], Tone>

/** Whole syllables that break their group's rule; null = every tone is written. */
const DROPPED_TONE_EXCEPTIONS: Readonly<Record<string, Tone | null>> = {
  le: null, // le4 keeps its tone (乐 勒)
  zi: null, // zi4 keeps its tone (字 自)
  tou: null, // tou2 keeps its tone (头 投)
  yi: 1,
  er: 2,
  wo: 3,
  ye: 3,
  you: 3,
  e: null, // e always written
}

function droppedTone(syllable: Syllable): Tone | null {
  const exception = DROPPED_TONE_EXCEPTIONS[syllable.base]
  return exception !== undefined ? exception : DROPPED_TONE_BY_INITIAL[syllable.initial]
}

export function writesToneCommon(syllable: Syllable): boolean {
  return syllable.tone !== 0 && syllable.tone !== droppedTone(syllable)
}

/**
 * 现行盲文: tone marks are optional and, in general reading matter, left out (他们 ⠞⠔⠍⠴).
 * Decision (docs/decisions/002-braille-conversion.md): the converter writes no tone in this scheme.
 */
export function writesToneCurrent(_syllable: Syllable): boolean {
  return false
}
