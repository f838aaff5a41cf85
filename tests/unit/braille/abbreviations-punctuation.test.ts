import { describe, expect, it } from 'vitest'
import { braille, cells, type Row } from './helpers'

/** 通用盲文 abbreviated characters: 的⠙ 么⠍ 你⠝ 他⠞ 她⠞⠁ 它⠈⠞, inside words too. */
const ABBREVIATIONS: Row[] = [
  ['我/的/书。', '⠕⠙ ⠱⠥⠁⠐⠆'],
  ['你/好。', '⠝ ⠓⠖⠄⠐⠆'],
  ['你们/好。', '⠝⠍⠴ ⠓⠖⠄⠐⠆'],
  ['他们。', '⠞⠍⠴⠐⠆'],
  ['她/笑/了。', '⠞⠁ ⠓⠜⠇⠢⠐⠆'],
  ['它/是/猫。', '⠈⠞ ⠱ ⠍⠖⠁⠐⠆'],
  ['什么。', '⠱⠴⠂⠍⠐⠆'],
  ['怎么/了？', '⠵⠴⠄⠍⠇⠢⠐⠄'],
  ['她们/的/家。', '⠞⠁⠍⠴⠙ ⠛⠫⠁⠐⠆'],
  ['其他。', '⠅⠊⠞⠐⠆'],
  ['这么/好。', '⠌⠢⠍ ⠓⠖⠄⠐⠆'],
  ['它们。', '⠈⠞⠍⠴⠐⠆'],
]

/** Marks: trailing ones sit against the word before and take a blank after; opening ones the reverse. */
const PUNCTUATION: Row[] = [
  ['你/好，/老师！', '⠝ ⠓⠖⠄⠐ ⠇⠖⠄⠱⠁⠰⠂'],
  ['你/去/哪里？', '⠝ ⠅⠬⠆ ⠝⠔⠄⠇⠊⠄⠐⠄'],
  ['红、/黄、/蓝。', '⠓⠲⠈ ⠓⠶⠈ ⠇⠧⠂⠐⠆'],
  ['天/黑/了；/风/停/了。', '⠞⠩⠁ ⠓⠮⠁⠇⠢⠰ ⠋⠼ ⠞⠡⠇⠢⠐⠆'],
  ['他/说：“/你/好！”', '⠞ ⠱⠕⠁⠤ ⠘⠝ ⠓⠖⠄⠰⠂⠘'],
  ['我/读/《红楼梦》。', '⠕ ⠙⠥⠂ ⠐⠤⠓⠲⠇⠷⠂⠍⠼⠆⠤⠂⠐⠆'],
  ['北京（首都）很/美。', '⠃⠮⠄⠛⠡⠁ ⠰⠄⠱⠷⠄⠙⠥⠁⠠⠆ ⠓⠴⠄ ⠍⠮⠄⠐⠆'],
  ['【注意】小心。', '⠰⠆⠌⠥⠊⠆⠰⠆ ⠓⠜⠄⠓⠣⠁⠐⠆'],
  ['我/想……', '⠕ ⠓⠭⠄⠐⠐⠐'],
  ['他/来/了——/真/好。', '⠞ ⠇⠪⠂⠇⠢⠠⠤ ⠌⠴⠁ ⠓⠖⠄⠐⠆'],
  ['你/好, 老师!', '⠝ ⠓⠖⠄⠐ ⠇⠖⠄⠱⠁⠰⠂'], // ASCII marks read as Chinese ones
  ['他/说:"好!"', '⠞ ⠱⠕⠁⠤ ⠘⠓⠖⠄⠰⠂⠘'], // ASCII quotes alternate open/close
  ['“好”，/他/说。', '⠘⠓⠖⠄⠘⠐ ⠞ ⠱⠕⠁⠐⠆'],
  ['真/的？！', '⠌⠴⠁⠙⠐⠄⠰⠂'],
  ['你/好。/再见。', '⠝ ⠓⠖⠄⠐⠆ ⠵⠪⠛⠩⠐⠆'],
  ['等等...', '⠙⠼⠄⠙⠼⠄⠐⠐⠐'], // deng3 deng3; ASCII ... is the ellipsis
]

describe('通用盲文: abbreviated characters', () => {
  it.each(ABBREVIATIONS)('%s', (marked, expected) => expect(braille(marked)).toBe(cells(expected)))
})

describe('punctuation', () => {
  it.each(PUNCTUATION)('%s', (marked, expected) => expect(braille(marked)).toBe(cells(expected)))
})
