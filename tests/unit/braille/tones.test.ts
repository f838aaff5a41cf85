import { describe, expect, it } from 'vitest'
import { braille, cells, type Row } from './helpers'

// 国家通用盲文 tone omission: dictionary tone, no sandhi, neutral tone never written.

/** b d l g j k x z zh s sh and no initial: the 4th tone is left out, the others written. */
const FOURTH_DROPPED: Row[] = [
  ['大地。', '⠙⠔⠙⠊⠐⠆'], // da4 di4
  ['爸爸/拔/草。', '⠃⠔⠃⠔ ⠃⠔⠂ ⠉⠖⠄⠐⠆'], // ba2 written
  ['把/书/给/我。', '⠃⠔⠄ ⠱⠥⠁ ⠛⠮⠄ ⠕⠐⠆'], // ba3, shu1, gei3
  ['路/很/近。', '⠇⠥ ⠓⠴⠄ ⠛⠣⠐⠆'], // lu4, jin4
  ['贵客。', '⠛⠺⠅⠢⠐⠆'], // gui4 ke4
  ['谢谢。', '⠓⠑⠓⠑⠐⠆'], // xie4 xie0
  ['坐下。', '⠵⠕⠓⠫⠐⠆'], // zuo4 xia4
  ['树/很/大。', '⠱⠥ ⠓⠴⠄ ⠙⠔⠐⠆'], // shu4
  ['住/在/这里。', '⠌⠥ ⠵⠪ ⠌⠢⠇⠊⠄⠐⠆'], // zhu4, zai4, zhe4 li3
  ['送/他/一/本/书。', '⠎⠲ ⠞ ⠊⠃⠴⠄ ⠱⠥⠁⠐⠆'], // song4, yi1 ben3
  ['傲慢。', '⠖⠍⠧⠆⠐⠆'], // ao4 (no initial), man4 written
  ['物理。', '⠥⠇⠊⠄⠐⠆'], // wu4, li3
  ['无数。', '⠥⠂⠱⠥⠐⠆'], // wu2 written
  ['阿姨。', '⠔⠁⠊⠂⠐⠆'], // a1, yi2
  ['晚安。', '⠻⠄⠧⠁⠐⠆'], // wan3, an1
]

/** p m t n h q c ch r: the 2nd tone is left out. */
const SECOND_DROPPED: Row[] = [
  ['爬/山。', '⠏⠔ ⠱⠧⠁⠐⠆'], // pa2
  ['怕/冷。', '⠏⠔⠆ ⠇⠼⠄⠐⠆'], // pa4 written
  ['门/没/关。', '⠍⠴ ⠍⠮⠛⠻⠁⠐⠆'], // men2, mei2
  ['题目/难。', '⠞⠊⠍⠥⠆ ⠝⠧⠐⠆'], // ti2 mu4, nan2
  ['太阳。', '⠞⠪⠆⠭⠂⠐⠆'], // tai4, yang2 = iang
  ['男孩。', '⠝⠧⠓⠪⠐⠆'], // nan2 hai2
  ['喝/茶。', '⠓⠢⠁ ⠟⠔⠐⠆'], // he1, cha2
  ['唱歌。', '⠟⠦⠆⠛⠢⠁⠐⠆'], // chang4 ge1
  ['骑/车。', '⠅⠊ ⠟⠢⠁⠐⠆'], // qi2, che1
  ['词语。', '⠉⠬⠄⠐⠆'], // ci2, yu3
  ['菜/很/香。', '⠉⠪⠆ ⠓⠴⠄ ⠓⠭⠁⠐⠆'], // cai4, xiang1
  ['吃/肉。', '⠟⠁ ⠚⠷⠆⠐⠆'], // rou4
  ['能/拿。', '⠝⠼ ⠝⠔⠐⠆'], // neng2, na2
  ['可能/奇怪。', '⠅⠢⠄⠝⠼ ⠅⠊⠛⠽⠐⠆'], // k drops the 4th, q the 2nd: ke3 | qi2 guai4
  ['和谐。', '⠓⠢⠓⠑⠂⠐⠆'], // h drops the 2nd, x the 4th: he2 xie2
  ['去/举/旗。', '⠅⠬⠆ ⠛⠬⠄ ⠅⠊⠐⠆'], // qu4 | ju3 | qi2
]

/** f: the 1st tone is left out. */
const FIRST_DROPPED: Row[] = [
  ['飞机。', '⠋⠮⠛⠊⠁⠐⠆'], // fei1 ji1
  ['分/饭。', '⠋⠴ ⠋⠧⠆⠐⠆'], // fen1, fan4
  ['法国。', '⠋⠔⠄⠛⠕⠂⠐⠆'], // fa3
  ['父母。', '⠋⠥⠆⠍⠥⠄⠐⠆'], // fu4 mu3
  ['佛像。', '⠋⠢⠂⠓⠭⠐⠆'], // fo2 xiang4
]

/** le4 zi4 tou2 keep their tone; yi er wo/ye/you e have their own rule. */
const EXCEPTIONS: Row[] = [
  ['快乐。', '⠅⠽⠇⠢⠆⠐⠆'], // le4 written
  ['走/了。', '⠵⠷⠄⠇⠢⠐⠆'], // le0 never written
  ['勒索。', '⠇⠢⠆⠎⠕⠄⠐⠆'], // le4 written
  ['汉字。', '⠓⠧⠆⠵⠆⠐⠆'], // zi4 written
  ['自己。', '⠵⠆⠛⠊⠄⠐⠆'], // zi4 ji3
  ['紫色。', '⠵⠄⠎⠢⠐⠆'], // zi3, se4 dropped
  ['孩子。', '⠓⠪⠵⠐⠆'], // zi0
  ['头发。', '⠞⠷⠂⠋⠔⠐⠆'], // tou2 written, fa0
  ['石头。', '⠱⠂⠞⠷⠐⠆'], // tou0
  ['偷/钱。', '⠞⠷⠁ ⠅⠩⠐⠆'], // tou1, qian2
  ['透明。', '⠞⠷⠆⠍⠡⠐⠆'], // tou4, ming2
  ['额头。', '⠢⠂⠞⠷⠂⠐⠆'], // e2, tou2
  ['一/天。', '⠊⠞⠩⠁⠐⠆'], // yi1 dropped
  ['医生。', '⠊⠱⠼⠁⠐⠆'], // yi1 sheng1
  ['意见。', '⠊⠆⠛⠩⠐⠆'], // yi4 written, jian4
  ['椅子。', '⠊⠄⠵⠐⠆'], // yi3
  ['一/个/人。', '⠊⠛⠢ ⠚⠴⠐⠆'], // yi1, no sandhi
  ['不/对。', '⠃⠥⠙⠺⠐⠆'], // bu4, no sandhi
  ['儿子。', '⠗⠵⠐⠆'], // er2 dropped
  ['二十。', '⠗⠆⠱⠂⠐⠆'], // er4 written, shi2
  ['而且。', '⠗⠅⠑⠄⠐⠆'], // er2, qie3
  ['我/握手。', '⠕ ⠕⠆⠱⠷⠄⠐⠆'], // wo3 dropped, wo4 written
  ['鸟窝。', '⠝⠜⠄⠕⠁⠐⠆'], // wo1 written
  ['也/有。', '⠑ ⠳⠐⠆'], // ye3, you3 dropped
  ['夜里。', '⠑⠆⠇⠊⠄⠐⠆'], // ye4 written
  ['又/来/了。', '⠳⠆ ⠇⠪⠂⠇⠢⠐⠆'], // you4 written
  ['优秀。', '⠳⠁⠓⠳⠐⠆'], // you1, xiu4
  ['饿/了。', '⠢⠆⠇⠢⠐⠆'], // e4 written
  ['恶心。', '⠢⠄⠓⠣⠁⠐⠆'], // e3
  ['天鹅。', '⠞⠩⠁⠢⠂⠐⠆'], // e2
]

/** Polyphones resolved from the context by pinyin-pro's dictionary. */
const POLYPHONES: Row[] = [
  ['银行。', '⠣⠂⠓⠦⠐⠆'], // hang2
  ['行走。', '⠓⠡⠂⠵⠷⠄⠐⠆'], // xing2
  ['长大。', '⠌⠦⠄⠙⠔⠐⠆'], // zhang3
  ['长江。', '⠟⠦⠛⠭⠁⠐⠆'], // chang2
  ['重要。', '⠌⠲⠜⠐⠆'], // zhong4
  ['重复。', '⠟⠲⠋⠥⠆⠐⠆'], // chong2
  ['了解。', '⠇⠜⠄⠛⠑⠄⠐⠆'], // liao3
  ['目的。', '⠍⠥⠆⠙⠊⠐⠆'], // di4: not the abbreviated 的
  ['的确。', '⠙⠊⠂⠅⠾⠆⠐⠆'], // di2 que4
  ['觉得。', '⠛⠾⠂⠙⠢⠐⠆'], // jue2 de0
  ['着急。', '⠌⠖⠂⠛⠊⠂⠐⠆'], // zhao2 ji2
  ['看/着。', '⠅⠧⠌⠢⠐⠆'], // zhe0, joined
  ['认真/地/学习。', '⠚⠴⠆⠌⠴⠁⠙⠢ ⠓⠾⠂⠓⠊⠂⠐⠆'], // 地 de0, joined
  ['跑/得/快。', '⠏⠖⠄⠙⠢ ⠅⠽⠐⠆'], // 得 de0, joined
  ['地上。', '⠙⠊⠱⠦⠐⠆'], // di4
]

const GROUPS = { FOURTH_DROPPED, SECOND_DROPPED, FIRST_DROPPED, EXCEPTIONS, POLYPHONES }

for (const [name, rows] of Object.entries(GROUPS)) {
  describe(`通用盲文 tones: ${name}`, () => {
    it.each(rows)('%s', (marked, expected) => expect(braille(marked)).toBe(cells(expected)))
  })
}
