import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import { pinyin } from 'pinyin-pro'

/**
 * Chinese words for the index and for queries: jieba with its own dictionary plus our special-education
 * vocabulary and every synonym, so 随班就读 or 唱游与律动 stay one word (and search mode still yields
 * their parts). Both data files live next to this module and are read once per process.
 */
const dataDir = path.resolve('app/modules/search')

let jieba: Jieba | undefined
function segmenter(): Jieba {
  if (jieba) return jieba
  const instance = Jieba.withDict(dict)
  const synonymWords = synonymGroups()
    .flat()
    .filter((word) => /\p{Script=Han}/u.test(word))
    .map((word) => `${word} 10000 n`)
  instance.loadDict(Buffer.from([readFileSync(path.join(dataDir, 'vocabulary.txt'), 'utf8'), ...synonymWords].join('\n')))
  jieba = instance
  return instance
}

let groups: string[][] | undefined
/** The synonym groups from synonyms.txt, normalised as queries and documents are. */
export function synonymGroups(): string[][] {
  groups ??= readFileSync(path.join(dataDir, 'synonyms.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(/\s+/).map(normalise))
  return groups
}

let synonymIndex: Map<string, string[]> | undefined
/** The other words of every group a word belongs to. */
export function synonymsOf(word: string): string[] {
  if (!synonymIndex) {
    synonymIndex = new Map()
    for (const group of synonymGroups()) {
      for (const member of group) synonymIndex.set(member, [...new Set([...(synonymIndex.get(member) ?? []), ...group])])
    }
  }
  return (synonymIndex.get(word) ?? []).filter((other) => other !== word)
}

/** Full-width forms to half-width, Latin to lower case, runs of space to one. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

const stopWords = new Set('的 了 和 与 及 以及 在 是 等 或 对 把 被 之 其 中 为 有 也 都 就 并 而 着 个 这 那 你 我 他 她 它 们 吗 呢 吧 啊'.split(' '))

/** A token worth indexing or matching: has a letter, digit or Han character and is not a stop word. */
function meaningful(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token) && !stopWords.has(token)
}

/**
 * The whole text cut into words, nothing dropped (spaces and punctuation are tokens too), so the
 * pieces join back into the text: for word-level comparisons such as the lesson-study plan diff.
 */
export function cutWords(text: string): string[] {
  return segmenter().cut(text, true)
}

/** Index words in search mode: 孤独症儿童 → 孤独, 孤独症, 儿童, so compounds are found by their parts. */
export function indexWords(text: string): string[] {
  const normalised = normalise(text)
  if (!normalised) return []
  return segmenter().cutForSearch(normalised, true).map((t) => t.trim()).filter(meaningful)
}

/** The words a query asks for, in order: precise mode for Chinese; a Latin or digit run stays whole. */
export function queryWords(query: string): string[] {
  const words: string[] = []
  for (const chunk of normalise(query).split(' ')) {
    if (!chunk) continue
    if (/^[\p{Script=Latin}\p{N}'-]+$/u.test(chunk)) {
      words.push(chunk)
      continue
    }
    for (const token of segmenter().cut(chunk, true)) {
      const word = token.trim()
      if (meaningful(word)) words.push(word)
    }
  }
  return [...new Set(words)]
}

export const isHan = (word: string) => /^\p{Script=Han}+$/u.test(word)
export const isPinyinLike = (word: string) => /^[a-z]+$/.test(word)

/** Full pinyin and initials of a Han word, toneless: 孤独症 → { full: 'guduzheng', initials: 'gdz' }. */
export function pinyinOf(word: string): { full: string; initials: string } {
  const { syllables, initials } = syllablesOf(word)
  return { full: syllables.join(''), initials: initials.join('') }
}

function syllablesOf(word: string) {
  return {
    syllables: pinyin(word, { toneType: 'none', type: 'array', v: true }),
    initials: pinyin(word, { pattern: 'first', toneType: 'none', type: 'array' }),
  }
}

/**
 * Pinyin keys of a document's title and keyword words, namespaced so they never collide with English.
 * Every syllable boundary is a key of its own (孤独症 → py:gu, py:gudu, py:guduzheng, pi:gd, pi:gdz),
 * so `gudu` or `gd` are exact lookups in the index rather than prefix scans.
 */
export function pinyinKeys(words: string[]): string[] {
  const keys = new Set<string>()
  for (const word of words) {
    if (!isHan(word)) continue
    const { syllables, initials } = syllablesOf(word)
    for (let n = 1; n <= syllables.length; n++) {
      keys.add(`py:${syllables.slice(0, n).join('')}`)
      if (n > 1) keys.add(`pi:${initials.slice(0, n).join('')}`)
    }
  }
  return [...keys]
}

/** A document's words as both indexes hold them: title (with keywords and subject), summary, body, and the title's pinyin keys. */
export function documentWords(doc: { title: string; summary: string; body: string; keywords: string[]; subject: string | null }) {
  const title = [...indexWords(doc.title), ...doc.keywords.flatMap(indexWords), ...(doc.subject ? indexWords(doc.subject) : [])]
  return { title, summary: indexWords(doc.summary), body: indexWords(doc.body), pinyin: pinyinKeys([...title, ...doc.keywords]) }
}
