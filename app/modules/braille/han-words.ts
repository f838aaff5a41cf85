import { BrailleError } from './errors'
import { readingsOf } from './readings'

/** Splits a run of Chinese characters into words; the words must add up to the run. */
export type Segmenter = (text: string) => string[]

export interface HanWord {
  readonly text: string
  /** Numbered pinyin per character; '' where no reading is known. */
  readonly readings: readonly string[]
}

/**
 * Segment, read, then apply the word-joining rules of 分词连写. After a number (`3本书`) a leading
 * measure word is its own word, so that a segmenter cannot read 本书 as "this book".
 */
export function hanWords(run: string, segment: Segmenter, afterNumber = false): HanWord[] {
  const first = Array.from(run)[0] ?? ''
  const segments =
    afterNumber && MEASURE_WORDS.has(first) && run.length > first.length
      ? [first, ...checkedSegments(run.slice(first.length), segment)]
      : checkedSegments(run, segment)
  const readings = readingsOf(run)
  let offset = 0
  const words = segments.map((text) => {
    const length = Array.from(text).length
    const word = { text, readings: readings.slice(offset, offset + length) }
    offset += length
    return word
  })
  return joinWords(fixParticleReadings(words))
}

const PRONOUNS = new Set(['我', '你', '他', '她', '它', '您', '咱', '我们', '你们', '他们', '她们', '它们', '咱们', '大家'])
const LOCALIZERS = new Set(['里', '中', '内', '外', '旁'])
const NUMERALS = /^[零〇一二三四五六七八九十百千万亿两几半]+$/u
const DEMONSTRATIVES = new Set(['这', '那', '哪', '每', '某', '几', '各'])
const MEASURE_WORDS = new Set(
  '个只本支张条件位名次天年岁斤米元块角双把辆匹棵朵片层座间所家句篇首节杯碗瓶封份群种样套台部架颗粒根枝盏行排场遍回趟'
    .split(''),
)
const NEGATIONS = new Set(['不', '没', '别'])

/**
 * Particles written together with the word before them, with the reading they must have
 * (null: any reading). 过 only after a one-character verb (去过, 看过), never after a pronoun.
 */
const PARTICLES: Readonly<Record<string, string | null>> = {
  的: 'de0', 地: 'de0', 得: 'de0', 着: 'zhe0', 了: 'le0', 过: null, 们: null,
  吗: null, 呢: null, 吧: null, 啊: null, 呀: null, 啦: null, 嘛: null, 哇: null, 呗: null,
}

/**
 * pinyin-pro reads a lone 地 as di4 and a lone 得 as de2 even as particles. As a separate word
 * after a longer word (认真地, 唱得), they are the particles de0; 地 before a localizer (地上) stays di4,
 * and 得 after a pronoun (我得走) is left as read.
 */
function fixParticleReadings(words: HanWord[]): HanWord[] {
  return words.map((word, i) => {
    const prev = words[i - 1]
    const next = words[i + 1]
    if (!prev) return word
    const isDi = word.text === '地' && prev.text.length >= 2 && next !== undefined && !LOCALIZERS.has(next.text) && next.text !== '上' && next.text !== '下'
    const isDe = word.text === '得' && !PRONOUNS.has(prev.text)
    return isDi || isDe ? { ...word, readings: ['de0'] } : word
  })
}

function checkedSegments(run: string, segment: Segmenter): string[] {
  const segments = segment(run).filter((word) => word.length > 0)
  if (segments.join('') !== run) throw new BrailleError('segmenterMismatch', { text: run })
  return segments
}

type JoinRule = (prev: HanWord, next: HanWord) => boolean

/** GB/T 15720 分词连写: when a word is written together with the one before it. */
const JOIN_RULES: Readonly<Record<string, JoinRule>> = {
  particle: (prev, next) => {
    if (!Object.hasOwn(PARTICLES, next.text)) return false
    const reading = PARTICLES[next.text]
    if (reading && next.readings[0] !== reading) return false
    if (next.text === '过') return prev.text.length === 1 && !PRONOUNS.has(prev.text)
    return true
  },
  localizer: (prev, next) => LOCALIZERS.has(next.text) && !PRONOUNS.has(prev.text),
  numeralMeasure: (prev, next) =>
    MEASURE_WORDS.has(next.text) && (NUMERALS.test(prev.text) || DEMONSTRATIVES.has(prev.text)),
  negation: (prev, next) => NEGATIONS.has(prev.text) && Array.from(next.text).length === 1 && !Object.hasOwn(PARTICLES, next.text),
}

function joinWords(words: HanWord[]): HanWord[] {
  const joined: HanWord[] = []
  for (const word of words) {
    const prev = joined[joined.length - 1]
    if (prev && Object.values(JOIN_RULES).some((rule) => rule(prev, word))) {
      joined[joined.length - 1] = { text: prev.text + word.text, readings: [...prev.readings, ...word.readings] }
    } else {
      joined.push(word)
    }
  }
  return joined
}
