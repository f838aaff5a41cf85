import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import type { Segmenter } from './han-words'

/**
 * jieba (native, server only) with its bundled dictionary (`@node-rs/jieba/dict` reads dict.txt
 * from the package), dictionary words only (no HMM guessing, which glues words such as 很行).
 * The dictionary is loaded on first use, once per process.
 */
let jieba: Jieba | undefined

export const jiebaSegmenter: Segmenter = (text) => {
  jieba ??= Jieba.withDict(dict)
  return jieba.cut(text, false)
}
