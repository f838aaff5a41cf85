import type { Syllable } from './syllable'
import { writesToneCommon, writesToneCurrent } from './tones'

export interface SchemeRules {
  /** Whether the abbreviated characters (的 么 你 他 她 它) are used. */
  readonly abbreviations: boolean
  readonly writesTone: (syllable: Syllable) => boolean
}

export const SCHEMES = {
  /** 国家通用盲文 (GF 0019-2018). */
  common: { abbreviations: true, writesTone: writesToneCommon },
  /** 现行盲文: same symbols, older tone conventions, no abbreviated characters. */
  current: { abbreviations: false, writesTone: writesToneCurrent },
} as const satisfies Record<string, SchemeRules>

export type SchemeId = keyof typeof SCHEMES

export const SCHEME_IDS = Object.keys(SCHEMES) as SchemeId[]

export function isSchemeId(value: unknown): value is SchemeId {
  return typeof value === 'string' && Object.hasOwn(SCHEMES, value)
}
