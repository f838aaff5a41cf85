import { describe, expect, it } from 'vitest'
import { interpretProbe } from '../../../app/modules/media/ffmpeg.server'

const video = (extra: Record<string, unknown> = {}) => ({ codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, avg_frame_rate: '30000/1001', sample_aspect_ratio: '1:1', ...extra })
const audio = { codec_type: 'audio', codec_name: 'aac', channels: 2, sample_rate: '48000' }

describe('what ffprobe says, as the worker understands it', () => {
  it('reads a normal video', () => {
    const result = interpretProbe({ streams: [video(), audio], format: { format_name: 'mov,mp4', duration: '12.5' } })
    expect(result).toMatchObject({ ok: true, probe: { durationMs: 12500, video: { displayWidth: 1920, displayHeight: 1080, rotation: 0 }, audio: { channels: 2 } } })
    if (result.ok) expect(result.probe.video!.frameRate).toBeCloseTo(29.97, 2)
  })

  it('turns a rotated phone video upright and applies a non-square pixel shape', () => {
    const rotated = interpretProbe({ streams: [video({ side_data_list: [{ rotation: -90 }] })], format: { duration: '3' } })
    expect(rotated).toMatchObject({ ok: true, probe: { video: { rotation: 270, displayWidth: 1080, displayHeight: 1920 } } })
    const anamorphic = interpretProbe({ streams: [video({ width: 720, height: 576, sample_aspect_ratio: '16:11' })], format: { duration: '3' } })
    expect(anamorphic).toMatchObject({ ok: true, probe: { video: { displayWidth: 1047, displayHeight: 576 } } })
  })

  it('treats cover art as no video', () => {
    const result = interpretProbe({ streams: [audio, video({ disposition: { attached_pic: 1 } })], format: { format_name: 'mp3', duration: '200' } })
    expect(result).toMatchObject({ ok: true, probe: { audio: { codec: 'aac' } } })
    if (result.ok) expect(result.probe.video).toBeUndefined()
  })

  it('refuses what is not a video with a reason', () => {
    const reason = (json: Parameters<typeof interpretProbe>[0]) => {
      const result = interpretProbe(json)
      return result.ok ? 'ok' : result.reason.key
    }
    expect(reason({ streams: [], format: { duration: '1' } })).toBe('media.errors.notMedia')
    expect(reason({ streams: [video()], format: { format_name: 'png_pipe', duration: '0.04' } })).toBe('media.errors.notMedia')
    expect(reason({ streams: [video()], format: {} })).toBe('media.errors.noDuration')
    expect(reason({ streams: [video()], format: { duration: String(7 * 3600) } })).toBe('media.errors.tooLong')
    expect(reason({ streams: [video({ width: 10000 })], format: { duration: '1' } })).toBe('media.errors.tooLarge')
  })
})
