/**
 * Pinyin syllable → braille cells (initial, final; tones are decided in `tones.ts`).
 * Cells as listed in the shared scheme notes; both schemes use the same symbols.
 */

export const INITIAL_CELLS = {
  b: '⠃', p: '⠏', m: '⠍', f: '⠋', d: '⠙', t: '⠞', n: '⠝', l: '⠇',
  g: '⠛', k: '⠅', h: '⠓', j: '⠛', q: '⠅', x: '⠓',
  zh: '⠌', ch: '⠟', sh: '⠱', r: '⠚', z: '⠵', c: '⠉', s: '⠎',
} as const satisfies Record<string, string>

export type Initial = keyof typeof INITIAL_CELLS

/** Finals in their full (non y-/w-) spelling; ü written as `ü`. */
export const FINAL_CELLS = {
  a: '⠔', o: '⠢', e: '⠢', i: '⠊', u: '⠥', ü: '⠬', er: '⠗',
  ai: '⠪', ao: '⠖', ei: '⠮', ou: '⠷', ia: '⠫', iao: '⠜', ie: '⠑', iu: '⠳',
  ua: '⠿', uai: '⠽', ui: '⠺', uo: '⠕', üe: '⠾',
  an: '⠧', ang: '⠦', en: '⠴', eng: '⠼', ian: '⠩', iang: '⠭', in: '⠣', ing: '⠡',
  uan: '⠻', uang: '⠶', un: '⠒', ong: '⠲', üan: '⠯', ün: '⠸', iong: '⠹',
  // Decision (not in the scheme notes): rare syllables spelled from existing cells.
  io: '⠊⠢', // 哟 yo = i + o
  ê: '⠢', // 欸 ê = the o/e cell
  '': '', // zhi chi shi ri zi ci si: the final -i is not written
} as const satisfies Record<string, string>

export type Final = keyof typeof FINAL_CELLS

export type Tone = 0 | 1 | 2 | 3 | 4

export const TONE_CELLS = { 1: '⠁', 2: '⠂', 3: '⠄', 4: '⠆' } as const satisfies Record<Exclude<Tone, 0>, string>

export interface Syllable {
  /** The toneless pinyin as written, e.g. `yi`, `zhuang`, `nü`. */
  readonly base: string
  /** Pinyin initial; y and w are not initials. */
  readonly initial: Initial | ''
  readonly final: Final
  /** Dictionary tone; 0 is the neutral tone. */
  readonly tone: Tone
}

/** y-/w- spellings of zero-initial syllables, mapped to the finals they write. */
const Y_W_FINALS: Readonly<Record<string, Final>> = {
  yi: 'i', ya: 'ia', ye: 'ie', yao: 'iao', you: 'iu', yan: 'ian', yang: 'iang', yin: 'in', ying: 'ing',
  yong: 'iong', yu: 'ü', yue: 'üe', yuan: 'üan', yun: 'ün', yo: 'io',
  wu: 'u', wa: 'ua', wo: 'uo', wai: 'uai', wei: 'ui', wan: 'uan', wang: 'uang', wen: 'un', weng: 'ong',
}

/** After j q x the written u is ü. */
const J_Q_X_FINALS: Readonly<Record<string, Final>> = { u: 'ü', ue: 'üe', uan: 'üan', un: 'ün' }

/** Syllabic nasals (嗯 ng, 呣 m, 唔 n): decision — spelled with the nearest cells. */
const NASAL_SYLLABLES: Readonly<Record<string, Pick<Syllable, 'initial' | 'final'>>> = {
  ng: { initial: '', final: 'eng' },
  n: { initial: '', final: 'en' },
  m: { initial: 'm', final: '' },
  hm: { initial: 'h', final: '' },
  hng: { initial: 'h', final: 'eng' },
}

const SIBILANTS = new Set<string>(['zh', 'ch', 'sh', 'r', 'z', 'c', 's'])
const INITIAL_PATTERN = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcs])?(.*)$/

/** Parses numbered pinyin such as `zhuang4`, `nü3`, `lve4`, `me0`; returns null if it is not a syllable. */
export function parseSyllable(numbered: string): Syllable | null {
  const match = /^([a-zêü]+)([0-5]?)$/.exec(numbered.toLowerCase().replace(/v/g, 'ü'))
  if (!match) return null
  const base = match[1] ?? ''
  const tone = (Number(match[2] || 0) % 5) as Tone
  const nasal = NASAL_SYLLABLES[base]
  if (nasal) return { base, tone, ...nasal }
  const yw = Y_W_FINALS[base]
  if (yw) return { base, initial: '', final: yw, tone }
  const [, initial = '', rest = ''] = INITIAL_PATTERN.exec(base) ?? []
  let final: string = rest
  if (initial === 'j' || initial === 'q' || initial === 'x') final = J_Q_X_FINALS[final] ?? final
  if (SIBILANTS.has(initial) && final === 'i') final = ''
  else if (final === '') return null
  if (!(final in FINAL_CELLS)) return null
  return { base, initial: initial as Initial | '', final: final as Final, tone }
}

/** Initial and final cells, without any tone. */
export function spellSyllable({ initial, final }: Syllable): string {
  return (initial ? INITIAL_CELLS[initial] : '') + FINAL_CELLS[final]
}
