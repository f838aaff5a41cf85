import { pinyin } from 'pinyin-pro'

/** What a term is searched by: toneless pinyin run together ("laoshi") and its initials ("ls"). */
export function searchKeysOf(word: string): { pinyin: string; initials: string } {
  const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
  const initials = pinyin(word, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
  return { pinyin: normaliseQuery(syllables.join('')), initials: normaliseQuery(initials.join('')) }
}

/** The pinyin shown beside a word, with tone marks ("lǎo shī"). */
export const pinyinOf = (word: string) => pinyin(word, { nonZh: 'consecutive' })

/** A query as the keys are stored: lower case, no spaces or tone-less ü written as v. */
export const normaliseQuery = (text: string) => text.toLowerCase().replace(/ü/g, 'v').replace(/\s+/g, '')
