import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import type { Segmenter } from './han-words'

/**
 * jieba (native, server only) with its bundled dictionary (`@node-rs/jieba/dict` reads dict.txt
 * from the package) and its HMM for words missing from the dictionary (names such as 小明; it
 * sometimes glues two words, e.g. 很行). The dictionary is loaded on first use, once per process.
 */
let jieba: Jieba | undefined

export const jiebaSegmenter: Segmenter = (text) => {
  jieba ??= Jieba.withDict(dict)
  return jieba.cut(text, true)
}
