import { describe, expect, it } from 'vitest'
import { toBraille } from '~/modules/braille'
import { jiebaSegmenter } from '~/modules/braille/segment.server'
import { braille, cells, type Row } from './helpers'

/** GB/T 15720 分词连写 rules applied on top of the segmenter's words. */
const JOINING: Row[] = [
  ['我/买/了/三/本/书。', '⠕ ⠍⠪⠄⠇⠢ ⠎⠧⠁⠃⠴⠄ ⠱⠥⠁⠐⠆'], // 了 after the verb, numeral + measure
  ['这/个/苹果/很/甜。', '⠌⠢⠛⠢ ⠏⠡⠛⠕⠄ ⠓⠴⠄ ⠞⠩⠐⠆'], // demonstrative + measure
  ['我/不/去。', '⠕ ⠃⠥⠅⠬⠆⠐⠆'], // 不 + one-character verb
  ['教室/里/很/安静。', '⠛⠜⠱⠇⠊⠄ ⠓⠴⠄ ⠧⠁⠛⠡⠐⠆'], // localizer 里
  ['你/吃/饭/了/吗？', '⠝ ⠟⠁ ⠋⠧⠆⠇⠢⠍⠔⠐⠄'], // 了 and 吗 both join
  ['我/去/过/北京。', '⠕ ⠅⠬⠆⠛⠕ ⠃⠮⠄⠛⠡⠁⠐⠆'], // 过 after a one-character verb
  ['他/过/马路。', '⠞ ⠛⠕ ⠍⠔⠄⠇⠥⠐⠆'], // 过 after a pronoun is a verb
  ['好/吧。', '⠓⠖⠄⠃⠔⠐⠆'], // modal particle
  ['我/没/来。', '⠕ ⠍⠮⠇⠪⠂⠐⠆'], // 没 + verb
  ['别/走！', '⠃⠑⠂⠵⠷⠄⠰⠂'], // 别 + verb
  ['每/天/上学。', '⠍⠮⠄⠞⠩⠁ ⠱⠦⠓⠾⠂⠐⠆'], // 每 + measure
  ['在/学习/中/进步。', '⠵⠪ ⠓⠾⠂⠓⠊⠂⠌⠲⠁ ⠛⠣⠃⠥⠐⠆'], // localizer 中
  ['他/在/看/书/呢。', '⠞ ⠵⠪ ⠅⠧ ⠱⠥⠁⠝⠢⠐⠆'], // 呢
  ['我们/走/吧！', '⠕⠍⠴ ⠵⠷⠄⠃⠔⠰⠂'],
  ['两/个/孩子/在/唱歌/呀。', '⠇⠭⠄⠛⠢ ⠓⠪⠵ ⠵⠪ ⠟⠦⠆⠛⠢⠁⠫⠐⠆'],
]

describe('分词连写 joining rules', () => {
  it.each(JOINING)('%s', (marked, expected) => expect(braille(marked)).toBe(cells(expected)))
})

describe('segmenters', () => {
  it('default (browser) segmenter: 我们是中国人。', () => {
    expect(toBraille('我们是中国人。').cells).toBe(cells('⠕⠍⠴ ⠱ ⠌⠲⠁⠛⠕⠂⠚⠴⠐⠆'))
  })

  it('jieba: 我们一起去银行。', () => {
    expect(toBraille('我们一起去银行。', { segment: jiebaSegmenter }).cells).toBe(
      cells('⠕⠍⠴ ⠊⠅⠊⠄ ⠅⠬⠆ ⠣⠂⠓⠦⠐⠆'),
    )
  })

  it('jieba: 小明的妈妈是老师。', () => {
    expect(toBraille('小明的妈妈是老师。', { segment: jiebaSegmenter }).cells).toBe(
      cells('⠓⠜⠄⠍⠡⠙ ⠍⠔⠁⠍⠔ ⠱ ⠇⠖⠄⠱⠁⠐⠆'),
    )
  })

  it('keeps source line breaks', () => {
    expect(braille('你好。\n再见。')).toBe(cells('⠝⠓⠖⠄⠐⠆\n⠵⠪⠛⠩⠐⠆'))
  })

  it('reports words with their context-resolved pinyin', () => {
    const { words } = toBraille('银行。', { segment: () => ['银行'] })
    expect(words).toEqual([
      { kind: 'han', text: '银行', pinyin: ['yin2', 'hang2'], braille: '⠣⠂⠓⠦' },
      { kind: 'punctuation', text: '。', pinyin: [], braille: '⠐⠆' },
    ])
  })

  it('defaults to 国家通用盲文', () => {
    const segment = () => ['他们']
    expect(toBraille('他们', { segment }).cells).toBe(toBraille('他们', { segment, scheme: 'common' }).cells)
  })
})
