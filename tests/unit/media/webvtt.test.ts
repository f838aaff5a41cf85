import { describe, expect, it } from 'vitest'
import { activeCues, captionFormatOf, cuePlainText, currentCueIndex, parseCaptions, parseSrt, parseTimestamp, parseWebVtt, toWebVtt, transcriptText } from '../../../app/modules/media/webvtt'

const lines = (problems: { key: string; params: { line: number } }[]) => problems.map((p) => `${p.params.line}:${p.key.replace('media.errors.', '')}`)

describe('WebVTT and SRT', () => {
  it('reads timestamps in both notations and refuses impossible ones', () => {
    expect(parseTimestamp('00:01:02.500')).toBe(62.5)
    expect(parseTimestamp('01:02.500')).toBe(62.5)
    expect(parseTimestamp('100:00:00.000')).toBe(360000)
    expect(parseTimestamp('00:00:01,250', 'srt')).toBe(1.25)
    expect(parseTimestamp('0:0:1,5', 'srt')).toBe(1.5)
    expect(parseTimestamp('00:61:00.000')).toBeNull()
    expect(parseTimestamp('00:00:01,000')).toBeNull()
    expect(parseTimestamp('1.5')).toBeNull()
  })

  it('parses WebVTT with ids, settings, notes and styles', () => {
    const text = 'WEBVTT - 第一课\n\nNOTE 说明\n\nSTYLE\n::cue { color: red }\n\nintro\n00:00:01.000 --> 00:00:02.000 line:80%\n<v 老师>同学们好\n\n00:02.000 --> 00:03.500\n今天学颜色\n'
    const { cues, problems } = parseWebVtt(text)
    expect(problems).toEqual([])
    expect(cues).toEqual([
      { start: 1, end: 2, text: '<v 老师>同学们好' },
      { start: 2, end: 3.5, text: '今天学颜色' },
    ])
  })

  it('reports every problem with its line number', () => {
    const text = 'WEBVT\n\n00:00:01.000 --> 00:00:02.000\n好\n\n00:00:03.000 -> 00:00:04.000\n坏\n\n00:00:05.000 --> 00:00:04.000\n倒\n\n00:00:06.000 --> 00:00:07.000\n\n00:00:08.000 --> 00:00:0x.000\n错\n'
    expect(lines(parseWebVtt(text).problems)).toEqual(['1:captionHeader', '6:captionTiming', '9:captionOrder', '12:captionText', '14:captionTiming'])
  })

  it('converts SRT (with its numbers, commas, font tags and CRLF) to the same cues', () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:02,000\r\n<font color="red">红色</font>\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\n{\\an8}<i>黄色</i>\r\n'
    const { cues, problems } = parseSrt(srt)
    expect(problems).toEqual([])
    expect(cues).toEqual([
      { start: 1, end: 2, text: '红色' },
      { start: 2, end: 3, text: '<i>黄色</i>' },
    ])
    expect(toWebVtt(cues)).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n红色\n\n00:00:02.000 --> 00:00:03.000\n<i>黄色</i>\n')
  })

  it('reports SRT problems by line', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n好\n\nx\n00:00:02,000 --> 00:00:03,000\n坏\n\n3\n00:00:04,000 --> 00:00:03,000\n倒\n'
    expect(lines(parseSrt(srt).problems)).toEqual(['5:captionNumber', '10:captionOrder'])
  })

  it('calls a file without cues empty', () => {
    expect(lines(parseCaptions('WEBVTT\n', 'vtt').problems)).toEqual(['1:captionEmpty'])
  })

  it('tells the format from the name, else from the content', () => {
    expect(captionFormatOf('a.SRT', '')).toBe('srt')
    expect(captionFormatOf('a.txt', '\uFEFFWEBVTT\n')).toBe('vtt')
    expect(captionFormatOf('a.txt', '1\n00:00:01,000 --> 00:00:02,000\n')).toBe('srt')
    expect(captionFormatOf('a.txt', 'hello')).toBeNull()
  })

  it('never lets cue text break the file it is written into', () => {
    const vtt = toWebVtt([{ start: 0, end: 1, text: 'a --> b\n\nc' }])
    expect(parseWebVtt(vtt)).toEqual({ cues: [{ start: 0, end: 1, text: 'a → b\nc' }], problems: [] })
  })

  it('finds the showing cues and the transcript line, and renders plain text', () => {
    const cues = [
      { start: 0, end: 2, text: '一' },
      { start: 1, end: 3, text: '二' },
      { start: 5, end: 6, text: '<b>三</b> &amp; 四' },
    ]
    expect(activeCues(cues, 1.5).map((c) => c.text)).toEqual(['一', '二'])
    expect(currentCueIndex(cues, 4)).toBe(1)
    expect(currentCueIndex(cues, -1)).toBe(-1)
    expect(cuePlainText(cues[2]!.text)).toBe('三 & 四')
    expect(transcriptText(cues)).toBe('[00:00] 一\n[00:01] 二\n[00:05] 三 & 四\n')
  })
})
