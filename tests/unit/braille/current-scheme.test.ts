import { describe, expect, it } from 'vitest'
import { braille, cells, type Row } from './helpers'

/**
 * 现行盲文: the same cells, no abbreviated characters, and (decision 002) no tone marks.
 * Each row: [text, 现行, 通用] — the 通用 column shows what the newer scheme changes.
 */
const BOTH: ReadonlyArray<readonly [string, string, string]> = [
  ['他们。', '⠞⠔⠍⠴⠐⠆', '⠞⠍⠴⠐⠆'],
  ['我/的/书。', '⠕⠙⠢ ⠱⠥⠐⠆', '⠕⠙ ⠱⠥⠁⠐⠆'],
  ['你/好。', '⠝⠊ ⠓⠖⠐⠆', '⠝ ⠓⠖⠄⠐⠆'],
  ['她/去/学校。', '⠞⠔ ⠅⠬ ⠓⠾⠓⠜⠐⠆', '⠞⠁ ⠅⠬⠆ ⠓⠾⠂⠓⠜⠐⠆'],
  ['它/是/猫。', '⠞⠔ ⠱ ⠍⠖⠐⠆', '⠈⠞ ⠱ ⠍⠖⠁⠐⠆'],
  ['什么。', '⠱⠴⠍⠢⠐⠆', '⠱⠴⠂⠍⠐⠆'],
  ['快乐。', '⠅⠽⠇⠢⠐⠆', '⠅⠽⠇⠢⠆⠐⠆'],
  ['汉字。', '⠓⠧⠵⠐⠆', '⠓⠧⠆⠵⠆⠐⠆'],
  ['一/个/人。', '⠊⠛⠢ ⠚⠴⠐⠆', '⠊⠛⠢ ⠚⠴⠐⠆'],
  ['我们/在/银行。', '⠕⠍⠴ ⠵⠪ ⠣⠓⠦⠐⠆', '⠕⠍⠴ ⠵⠪ ⠣⠂⠓⠦⠐⠆'],
  ['我/8岁。', '⠕ ⠼⠓ ⠎⠺⠐⠆', '⠕ ⠼⠓ ⠎⠺⠐⠆'],
  ['他/说：“/你/好！”', '⠞⠔ ⠱⠕⠤ ⠘⠝⠊ ⠓⠖⠰⠂⠘', '⠞ ⠱⠕⠁⠤ ⠘⠝ ⠓⠖⠄⠰⠂⠘'],
  ['CCTV新闻', '⠠⠠⠉⠉⠞⠧ ⠓⠣⠒', '⠠⠠⠉⠉⠞⠧ ⠓⠣⠁⠒⠂'],
  ['女儿/写/字。', '⠝⠬⠗ ⠓⠑ ⠵⠐⠆', '⠝⠬⠄⠗ ⠓⠑⠄ ⠵⠆⠐⠆'],
  ['熊猫/在/睡觉。', '⠓⠹⠍⠖ ⠵⠪ ⠱⠺⠛⠜⠐⠆', '⠓⠹⠂⠍⠖⠁ ⠵⠪ ⠱⠺⠛⠜⠐⠆'],
  ['头发。', '⠞⠷⠋⠔⠐⠆', '⠞⠷⠂⠋⠔⠐⠆'],
  ['饿/了。', '⠢⠇⠢⠐⠆', '⠢⠆⠇⠢⠐⠆'],
  ['其他。', '⠅⠊⠞⠔⠐⠆', '⠅⠊⠞⠐⠆'],
  ['飞机/在/天上/飞。', '⠋⠮⠛⠊ ⠵⠪ ⠞⠩⠱⠦ ⠋⠮⠐⠆', '⠋⠮⠛⠊⠁ ⠵⠪ ⠞⠩⠁⠱⠦ ⠋⠮⠐⠆'],
  ['那么/多。', '⠝⠔⠍⠢ ⠙⠕⠐⠆', '⠝⠔⠆⠍ ⠙⠕⠁⠐⠆'],
]

describe('现行盲文', () => {
  it.each(BOTH)('%s', (marked, current) => expect(braille(marked, 'current')).toBe(cells(current)))
})

describe('通用盲文 beside 现行盲文', () => {
  it.each(BOTH)('%s', (marked, _current, common) => expect(braille(marked, 'common')).toBe(cells(common)))
})
