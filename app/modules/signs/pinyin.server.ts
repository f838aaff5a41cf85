import { pinyin } from 'pinyin-pro'

/** What a term is searched by: toneless pinyin run together ("laoshi") and its initials ("ls"). */
export function searchKeysOf(word: string): { pinyin: string; initials: string } {
  const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
  const initials = pinyin(word, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
  return { pinyin: normaliseQuery(syllables.join('')), initials: normaliseQuery(initials.join('')) }
}

/** The pinyin shown beside a word, with tone marks ("lǎo shī"). */
export const pinyinOf = (word: string) => pinyin(word, { nonZh: 'consecutive' })

/** A query as the keys are stored: lower case, no spaces, no tone marks, ü written as v ("Lǚ xíng" → "lvxing"). */
export const normaliseQuery = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '')
