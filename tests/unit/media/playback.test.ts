import { describe, expect, it } from 'vitest'
import { commandForKey, defaultPreferences, followerCorrection, nextRate, readPreferences, repeatJump, setRepeatPoint } from '../../../app/modules/media/playback'
import { TransferMeter, formatBytes, formatDuration } from '../../../app/modules/media/transfer'
import { parseTusMetadata } from '../../../app/modules/media/uploads.server'

describe('player decisions', () => {
  it('reads saved preferences, dropping what is no longer valid', () => {
    expect(readPreferences(null)).toEqual(defaultPreferences)
    expect(readPreferences('not json')).toEqual(defaultPreferences)
    const prefs = readPreferences(JSON.stringify({ captionLanguage: 'en', captionSize: 'huge', captionColor: 'yellow', rate: 3, volume: 7, signLayout: 'side', signWindow: { x: -1, y: 0.5, width: 2 }, speakDescriptions: true }))
    expect(prefs).toEqual({ ...defaultPreferences, captionLanguage: 'en', captionColor: 'yellow', volume: 1, signLayout: 'side', signWindow: { x: 0, y: 0.5, width: 0.6 }, speakDescriptions: true })
  })

  it('steps the speed between 0.5× and 2×', () => {
    expect(nextRate(1, 1)).toBe(1.25)
    expect(nextRate(1, -1)).toBe(0.75)
    expect(nextRate(2, 1)).toBe(2)
    expect(nextRate(0.5, -1)).toBe(0.5)
  })

  it('repeats a forward segment A–B, whichever point is set first', () => {
    let range = setRepeatPoint({ a: null, b: null }, 'b', 10)
    expect(repeatJump(range, 12)).toBeNull()
    range = setRepeatPoint(range, 'a', 4)
    expect(range).toEqual({ a: 4, b: 10 })
    expect(repeatJump(range, 9.9)).toBeNull()
    expect(repeatJump(range, 10)).toBe(4)
    expect(setRepeatPoint({ a: 8, b: null }, 'b', 3)).toEqual({ a: 3, b: 8 })
    expect(setRepeatPoint({ a: 8, b: null }, 'b', 8.1)).toEqual({ a: 8, b: 8.5 })
  })

  it('keeps a follower in step: seeks only past the tolerance, never beyond its own end', () => {
    expect(followerCorrection({ time: 10, paused: false, rate: 1.5 }, { time: 10.1, duration: 60 })).toEqual({ seekTo: null, play: true, rate: 1.5 })
    expect(followerCorrection({ time: 10, paused: true, rate: 1 }, { time: 9, duration: 60 })).toEqual({ seekTo: 10, play: false, rate: 1 })
    expect(followerCorrection({ time: 70, paused: false, rate: 1 }, { time: 30, duration: 60 })).toEqual({ seekTo: 59.95, play: false, rate: 1 })
  })

  it('maps keys to commands but leaves fields, sliders and buttons their own keys', () => {
    expect(commandForKey('k', { tag: 'DIV' })).toEqual({ type: 'toggle' })
    expect(commandForKey(' ', { tag: 'DIV' })).toEqual({ type: 'toggle' })
    expect(commandForKey(' ', { tag: 'BUTTON' })).toBeNull()
    expect(commandForKey('ArrowRight', { tag: 'INPUT', type: 'range' })).toBeNull()
    expect(commandForKey('ArrowRight', { tag: 'BUTTON' })).toEqual({ type: 'seekBy', seconds: 5 })
    expect(commandForKey('k', { tag: 'INPUT', type: 'search' })).toBeNull()
    expect(commandForKey('c', { tag: 'SELECT' })).toBeNull()
    expect(commandForKey('>', { tag: 'BUTTON' })).toEqual({ type: 'rate', direction: 1 })
    expect(commandForKey('[', { tag: 'BUTTON' })).toEqual({ type: 'repeat', point: 'a' })
    expect(commandForKey('\\', { tag: 'BUTTON' })).toEqual({ type: 'clearRepeat' })
    expect(commandForKey('x', { tag: 'DIV' })).toBeNull()
  })
})

describe('upload figures', () => {
  it('measures speed over the last seconds, so it follows the connection', () => {
    const meter = new TransferMeter(5000)
    expect(meter.sample(0, 0)).toBeNull()
    expect(meter.sample(1_000_000, 1000)).toBe(1_000_000)
    expect(meter.sample(2_000_000, 2000)).toBe(1_000_000)
    // The connection slows to 100 kB/s; after the window only the slow samples count.
    let bytes = 2_000_000
    let rate = 0
    for (let t = 3000; t <= 9000; t += 1000) rate = meter.sample((bytes += 100_000), t)!
    expect(rate).toBeCloseTo(100_000, -3)
  })

  it('formats sizes and time left', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(4 * 1024 ** 3)).toBe('4.0 GB')
    expect(formatDuration(0.2)).toBe('0:01')
    expect(formatDuration(3725)).toBe('1:02:05')
  })

  it('reads tus metadata', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64')
    expect(parseTusMetadata(`filename ${b64('第一课.mp4')},filetype ${b64('video/mp4')},empty`)).toEqual({ filename: '第一课.mp4', filetype: 'video/mp4', empty: '' })
    expect(parseTusMetadata(null)).toEqual({})
  })
})
