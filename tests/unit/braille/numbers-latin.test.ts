import { describe, expect, it } from 'vitest'
import { braille, cells, type Row } from './helpers'

/** Number sign ⠼ + a–j; a blank after the number before Chinese. */
const NUMBERS: Row[] = [
  ['我/8岁。', '⠕ ⠼⠓ ⠎⠺⠐⠆'],
  ['2018年。', '⠼⠃⠚⠁⠓ ⠝⠩⠐⠆'], // nian2
  ['3.5米。', '⠼⠉⠨⠑ ⠍⠊⠄⠐⠆'], // decimal point ⠨ (decision)
  ['第/10/课。', '⠙⠊ ⠼⠁⠚ ⠅⠢⠐⠆'],
  ['买/3本书。', '⠍⠪⠄ ⠼⠉ ⠃⠴⠄ ⠱⠥⠁⠐⠆'], // a measure word after a number is its own word
  ['1234567890', '⠼⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚'],
  ['共/100人，50人/来/了。', '⠛⠲ ⠼⠁⠚⠚ ⠚⠴⠐ ⠼⠑⠚ ⠚⠴ ⠇⠪⠂⠇⠢⠐⠆'],
  ['３个/苹果', '⠼⠉ ⠛⠢ ⠏⠡⠛⠕⠄'], // full-width digit
  ['今天/是/5月1日。', '⠛⠣⠁⠞⠩⠁ ⠱ ⠼⠑ ⠾ ⠼⠁ ⠚⠆⠐⠆'],
]

/** ⠰ lower-case, ⠠ capital, ⠠⠠ all capitals; a blank between letters and Chinese. */
const LATIN: Row[] = [
  ['我/爱/Apple。', '⠕ ⠪ ⠠⠁⠏⠏⠇⠑⠐⠆'],
  ['学/abc/很/容易。', '⠓⠾⠂ ⠰⠁⠃⠉ ⠓⠴⠄ ⠚⠲⠊⠆⠐⠆'],
  ['CCTV新闻', '⠠⠠⠉⠉⠞⠧ ⠓⠣⠁⠒⠂'], // xin1 wen2
  ['iPhone手机', '⠰⠊⠠⠏⠓⠕⠝⠑ ⠱⠷⠄⠛⠊⠁'],
  ['A级', '⠠⠁ ⠛⠊⠂'],
  ['Hello world。', '⠠⠓⠑⠇⠇⠕ ⠰⠺⠕⠗⠇⠙⠐⠆'],
  ['A4纸', '⠠⠁⠼⠙ ⠌⠄'], // letters and digits touching stay together
  ['用/Word/写', '⠹ ⠠⠺⠕⠗⠙ ⠓⠑⠄'],
  ['我/用/ＰＰＴ。', '⠕ ⠹ ⠠⠠⠏⠏⠞⠐⠆'], // full-width letters
]

describe('numbers', () => {
  it.each(NUMBERS)('%s', (marked, expected) => expect(braille(marked)).toBe(cells(expected)))
})

describe('Latin letters', () => {
  it.each(LATIN)('%s', (marked, expected) => expect(braille(marked)).toBe(cells(expected)))
})
