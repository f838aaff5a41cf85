import { OutputFormat, segment as pinyinProSegment } from 'pinyin-pro'
import type { Segmenter } from './han-words'

/**
 * Browser-safe segmenters for runs of Chinese characters.
 * The default is the platform's dictionary word segmenter (Intl.Segmenter, ICU's Chinese
 * dictionary: in every current browser and in Node); where that is missing, pinyin-pro's
 * segmentation, which only groups the words of its pinyin dictionary. On the server, prefer
 * jieba (`segment.server.ts`).
 */

let intl: Intl.Segmenter | undefined

export const intlSegmenter: Segmenter = (text) => {
  intl ??= new Intl.Segmenter('zh-CN', { granularity: 'word' })
  return Array.from(intl.segment(text), (part) => part.segment)
}

export const pinyinProSegmenter: Segmenter = (text) =>
  pinyinProSegment(text, { format: OutputFormat.ZhSegment, segmentit: 2 /* MaxProbability */ })

export const defaultSegmenter: Segmenter =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? intlSegmenter : pinyinProSegmenter

/** One word per character: no 分词连写 beyond the joining rules. */
export const characterSegmenter: Segmenter = (text) => Array.from(text)
