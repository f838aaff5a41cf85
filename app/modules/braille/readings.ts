import { pinyin } from 'pinyin-pro'

/**
 * Dictionary readings, one numbered pinyin per character (`le0`, `hang2`), resolved in the context
 * of the whole run by pinyin-pro's word dictionary (银行 hang2, 行走 xing2). Tone sandhi is off:
 * the braille rules use the dictionary tone (一 yi1, 不 bu4). A character without a reading gets ''.
 */
export function readingsOf(run: string): string[] {
  const chars = Array.from(run)
  const readings = pinyin(run, { type: 'array', toneType: 'num', toneSandhi: false, v: false })
  return chars.map((char, i) => {
    const reading = readings[i] ?? ''
    return reading === char || !/^[a-zü]+[0-4]$/.test(reading) ? '' : reading
  })
}
