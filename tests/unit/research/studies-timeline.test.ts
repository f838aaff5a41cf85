import { describe, expect, it } from 'vitest'
import { formatTime, markerPosition, noteLabel, parseTime } from '../../../app/modules/research/studies/timeline'

describe('video times', () => {
  it('writes and reads back times', () => {
    expect(formatTime(0)).toBe('00:00')
    expect(formatTime(195)).toBe('03:15')
    expect(formatTime(195.9)).toBe('03:15')
    expect(formatTime(3725)).toBe('1:02:05')
    expect(parseTime('03:15')).toBe(195)
    expect(parseTime('3:15')).toBe(195)
    expect(parseTime('3：15')).toBe(195)
    expect(parseTime('1:02:05')).toBe(3725)
    expect(parseTime('195')).toBe(195)
    expect(parseTime('3:75')).toBeNull()
    expect(parseTime('1:75:00')).toBeNull()
    expect(parseTime('abc')).toBeNull()
    expect(parseTime('')).toBeNull()
  })

  it('places markers along the timeline and labels them with time, author and the start of the note', () => {
    expect(markerPosition(30, 120)).toBe(25)
    expect(markerPosition(200, 120)).toBe(100)
    expect(markerPosition(5, 0)).toBe(0)
    expect(noteLabel({ atSeconds: 195, author: '王老师', body: '学生主动举手回答' })).toBe('03:15 王老师：学生主动举手回答')
    expect(noteLabel({ atSeconds: 5, author: '李教研', body: '一二三四五六七八九十' }, 4)).toBe('00:05 李教研：一二三四…')
  })
})
