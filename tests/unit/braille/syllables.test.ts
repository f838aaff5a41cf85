import { describe, expect, it } from 'vitest'
import { braille, cells, type Row } from './helpers'

// 国家通用盲文. Every initial and every final, with the 通用 tone rules applied.

/** One sentence per pinyin initial (g/j, k/q, h/x share a cell but not a tone group). */
const INITIALS: Row[] = [
  ['爸爸/不/在。', '⠃⠔⠃⠔ ⠃⠥⠵⠪⠐⠆'], // b: ba4 ba0 | 不在 joined, bu4 zai4 (4th dropped)
  ['婆婆/跑步。', '⠏⠢⠏⠢ ⠏⠖⠄⠃⠥⠐⠆'], // p: po2 (2nd dropped) po0 | pao3 bu4
  ['妈妈/买/米。', '⠍⠔⠁⠍⠔ ⠍⠪⠄ ⠍⠊⠄⠐⠆'], // m: ma1 ma0 | mai3 | mi3
  ['风/很/大。', '⠋⠼ ⠓⠴⠄ ⠙⠔⠐⠆'], // f: feng1 (1st dropped) | hen3 | da4
  ['房子/很/肥。', '⠋⠦⠂⠵ ⠓⠴⠄ ⠋⠮⠂⠐⠆'], // f: fang2 zi0 | fei2
  ['弟弟/读书。', '⠙⠊⠙⠊ ⠙⠥⠂⠱⠥⠁⠐⠆'], // d: di4 di0 | du2 shu1
  ['天/很/热。', '⠞⠩⠁ ⠓⠴⠄ ⠚⠢⠆⠐⠆'], // t: tian1 | r: re4 written
  ['奶奶/拿/牛奶。', '⠝⠪⠄⠝⠪ ⠝⠔ ⠝⠳⠝⠪⠄⠐⠆'], // n: nai3 nai0 | na2 | niu2 nai3
  ['老师/来/了。', '⠇⠖⠄⠱⠁ ⠇⠪⠂⠇⠢⠐⠆'], // l: lao3 shi1 | lai2 + le0
  ['哥哥/高。', '⠛⠢⠁⠛⠢ ⠛⠖⠁⠐⠆'], // g: ge1 ge0 | gao1
  ['看/课本。', '⠅⠧ ⠅⠢⠃⠴⠄⠐⠆'], // k: kan4 | ke4 ben3
  ['花/很/红。', '⠓⠿⠁ ⠓⠴⠄ ⠓⠲⠐⠆'], // h: hua1 | hong2 (2nd dropped)
  ['姐姐/家/近。', '⠛⠑⠄⠛⠑ ⠛⠫⠁ ⠛⠣⠐⠆'], // j: jie3 jie0 | jia1 | jin4
  ['请/去/前面。', '⠅⠡⠄ ⠅⠬⠆ ⠅⠩⠍⠩⠆⠐⠆'], // q: qing3 | qu4 written (q drops the 2nd) | qian2 mian4
  ['学校/很/新。', '⠓⠾⠂⠓⠜ ⠓⠴⠄ ⠓⠣⠁⠐⠆'], // x: xue2 xiao4 | xin1
  ['这/是/桌子。', '⠌⠢ ⠱ ⠌⠕⠁⠵⠐⠆'], // zh: zhe4 | shi4 | zhuo1 zi0
  ['吃/苹果。', '⠟⠁ ⠏⠡⠛⠕⠄⠐⠆'], // ch: chi1 | ping2 guo3
  ['叔叔/上班。', '⠱⠥⠁⠱⠥ ⠱⠦⠃⠧⠁⠐⠆'], // sh: shu1 shu0 | shang4 ban1
  ['人/很/多。', '⠚⠴ ⠓⠴⠄ ⠙⠕⠁⠐⠆'], // r: ren2 | duo1
  ['早上/走路。', '⠵⠖⠄⠱⠦ ⠵⠷⠄⠇⠥⠐⠆'], // z: zao3 shang | zou3 lu4
  ['草/很/绿。', '⠉⠖⠄ ⠓⠴⠄ ⠇⠬⠐⠆'], // c: cao3 | lü4
  ['三/岁。', '⠎⠧⠁⠎⠺⠐⠆'], // s: san1 + sui4 (numeral + measure joined)
]

/** Finals, including the y-/w- spellings and the unwritten -i after zh ch sh r z c s. */
const FINALS: Row[] = [
  ['快/回/家。', '⠅⠽ ⠓⠺ ⠛⠫⠁⠐⠆'], // uai, ui, ia
  ['两/只/小/羊。', '⠇⠭⠄⠌⠁ ⠓⠜⠄ ⠭⠂⠐⠆'], // iang, -i, iao, yang = iang
  ['黄色/的/床。', '⠓⠶⠎⠢⠙ ⠟⠶⠐⠆'], // uang, e, 的, uang
  ['春天/来/了。', '⠟⠒⠁⠞⠩⠁ ⠇⠪⠂⠇⠢⠐⠆'], // un, ian, ai
  ['公园/很/远。', '⠛⠲⠁⠯⠂ ⠓⠴⠄ ⠯⠄⠐⠆'], // ong, yuan = üan
  ['群众。', '⠅⠸⠌⠲⠐⠆'], // qun = ün (2nd dropped)
  ['军人。', '⠛⠸⠁⠚⠴⠐⠆'], // jun = ün
  ['熊猫/在/睡觉。', '⠓⠹⠂⠍⠖⠁ ⠵⠪ ⠱⠺⠛⠜⠐⠆'], // iong, ao, ui, iao
  ['女儿/写/字。', '⠝⠬⠄⠗ ⠓⠑⠄ ⠵⠆⠐⠆'], // ü, er, ie
  ['耳朵。', '⠗⠄⠙⠕⠐⠆'], // er3, uo
  ['鸭子/游泳。', '⠫⠁⠵ ⠳⠂⠹⠄⠐⠆'], // ya, you2, yong3
  ['爷爷/要/眼镜。', '⠑⠂⠑ ⠜ ⠩⠄⠛⠡⠐⠆'], // ye, yao, yan, ing
  ['音乐/很/好听。', '⠣⠁⠾ ⠓⠴⠄ ⠓⠖⠄⠞⠡⠁⠐⠆'], // yin, yue
  ['下雨/了。', '⠓⠫⠬⠄⠇⠢⠐⠆'], // ia, yu
  ['英语/课。', '⠡⠁⠬⠄ ⠅⠢⠐⠆'], // ying, yu
  ['白云。', '⠃⠪⠂⠸⠂⠐⠆'], // ai, yun
  ['五/只/乌鸦。', '⠥⠄⠌⠁ ⠥⠁⠫⠁⠐⠆'], // wu, ya
  ['娃娃/在/外面。', '⠿⠂⠿ ⠵⠪ ⠽⠍⠩⠆⠐⠆'], // wa, wai
  ['晚上/问/问题。', '⠻⠄⠱⠦ ⠒ ⠒⠞⠊⠐⠆'], // wan, wen = un
  ['国王/喂/鱼。', '⠛⠕⠂⠶⠂ ⠺ ⠬⠂⠐⠆'], // uo, wang, wei, yu
  ['老翁。', '⠇⠖⠄⠲⠁⠐⠆'], // weng = ong
  ['我/卧/床。', '⠕ ⠕⠆ ⠟⠶⠐⠆'], // wo
  ['一/只/鹅。', '⠊⠌⠁ ⠢⠂⠐⠆'], // yi, e
  ['四/次。', '⠎⠉⠆⠐⠆'], // si, ci: no final written
  ['日子。', '⠚⠆⠵⠐⠆'], // ri4 written (r drops the 2nd)
  ['吃饭。', '⠟⠁⠋⠧⠆⠐⠆'], // chi1, an
  ['水/很/冷。', '⠱⠺⠄ ⠓⠴⠄ ⠇⠼⠄⠐⠆'], // ui, eng
  ['欧洲。', '⠷⠁⠌⠷⠁⠐⠆'], // ou
  ['奥运会。', '⠖⠸⠓⠺⠆⠐⠆'], // ao, yun, ui
  ['安全。', '⠧⠁⠅⠯⠐⠆'], // an, quan = üan
  ['恩情。', '⠴⠁⠅⠡⠐⠆'], // en, ing
  ['爱国。', '⠪⠛⠕⠂⠐⠆'], // ai, uo
  ['黑板。', '⠓⠮⠁⠃⠧⠄⠐⠆'], // ei, an
  ['月亮。', '⠾⠇⠭⠐⠆'], // yue, iang
]

describe('通用盲文: initials', () => {
  it.each(INITIALS)('%s', (marked, expected) => expect(braille(marked)).toBe(cells(expected)))
})

describe('通用盲文: finals', () => {
  it.each(FINALS)('%s', (marked, expected) => expect(braille(marked)).toBe(cells(expected)))
})
