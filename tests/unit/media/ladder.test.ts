import { describe, expect, it } from 'vitest'
import { h264Level, ladderArguments, masterPlaylist, measurePlaylist, outputFrameRate, planLadder, planRungs, planStoryboard, storyboardVtt, videoCodecString } from '../../../app/modules/media/ladder'

const names = (w: number, h: number) => planRungs(w, h).map((r) => `${r.name}:${r.width}x${r.height}`)

describe('the ladder', () => {
  it('goes from the source down to 240p and never above the source', () => {
    expect(names(1920, 1080)).toEqual(['1080p:1920x1080', '720p:1280x720', '480p:854x480', '360p:640x360', '240p:426x240'])
    expect(names(3840, 2160)[0]).toBe('1080p:1920x1080')
    expect(names(1280, 720)).toEqual(['720p:1280x720', '480p:854x480', '360p:640x360', '240p:426x240'])
    expect(names(640, 360)).toEqual(['360p:640x360', '240p:426x240'])
  })

  it('names portrait rungs by their short side and keeps them portrait', () => {
    expect(names(1080, 1920)).toEqual(['1080p:1080x1920', '720p:720x1280', '480p:480x854', '360p:360x640', '240p:240x426'])
  })

  it('gives a source between rungs a rung of its own, and a tiny one exactly its size, always even', () => {
    expect(names(720, 576)).toEqual(['576p:720x576', '480p:600x480', '360p:450x360', '240p:300x240'])
    expect(names(160, 120)).toEqual(['120p:160x120'])
    expect(names(321, 241)).toEqual(['240p:320x240'])
    expect(names(99, 51)).toEqual(['50p:98x50'])
    for (const rung of planRungs(1001, 777)) expect([rung.width % 2, rung.height % 2]).toEqual([0, 0])
  })

  it('keeps the low-bandwidth rung small', () => {
    const low = planRungs(1920, 1080).at(-1)!
    expect(low.bitrateKbps).toBeLessThanOrEqual(300)
  })

  it('halves high frame rates and keeps NTSC rates exact', () => {
    expect(outputFrameRate(60)).toEqual([30, 1])
    expect(outputFrameRate(59.94)).toEqual([30000, 1001])
    expect(outputFrameRate(29.97)).toEqual([30000, 1001])
    expect(outputFrameRate(50)).toEqual([25, 1])
    expect(outputFrameRate(23.976)).toEqual([24000, 1001])
    expect(outputFrameRate(0)).toEqual([30, 1])
    expect(outputFrameRate(Number.NaN)).toEqual([30, 1])
  })

  it('picks the H.264 level from frame size and rate', () => {
    expect(h264Level(1920, 1080, 30)).toBe(40)
    expect(h264Level(1080, 1920, 30)).toBe(40)
    expect(h264Level(1280, 720, 30)).toBe(31)
    expect(h264Level(426, 240, 30)).toBe(30)
    expect(videoCodecString({ name: '720p', width: 1280, height: 720, bitrateKbps: 2500, level: 31 })).toBe('avc1.64001f')
  })

  it('plans a storyboard of at most 100 tiles that covers the whole video', () => {
    expect(planStoryboard(30, 1280, 720)).toEqual({ intervalSeconds: 1, count: 30, columns: 10, rows: 3, tileWidth: 160, tileHeight: 90 })
    const long = planStoryboard(3600, 1280, 720)!
    expect(long.count).toBeLessThanOrEqual(100)
    expect(long.count * long.intervalSeconds).toBeGreaterThanOrEqual(3600)
    expect(planStoryboard(10, 360, 640)).toMatchObject({ tileWidth: 90, tileHeight: 160 })
    expect(storyboardVtt(planStoryboard(2.5, 640, 360)!, 2.5)).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nstoryboard.jpg#xywh=0,0,160,90\n\n00:00:01.000 --> 00:00:02.000\nstoryboard.jpg#xywh=160,0,160,90\n\n00:00:02.000 --> 00:00:02.500\nstoryboard.jpg#xywh=320,0,160,90\n',
    )
  })

  it('decodes once: one input, one split feeding every rung, the poster and the storyboard', () => {
    const plan = planLadder({ container: 'mov', durationMs: 10_000, video: { codec: 'h264', width: 1280, height: 720, displayWidth: 1280, displayHeight: 720, rotation: 0, frameRate: 25 }, audio: { codec: 'aac', channels: 2, sampleRate: 48000 } })
    const args = ladderArguments(plan, 'in.mp4', 'out')
    expect(args.filter((a) => a === '-i')).toHaveLength(1)
    const graph = args[args.indexOf('-filter_complex') + 1]!
    expect(graph).toMatch(/^\[0:v:0\]fps=25\/1,format=yuv420p,split=6/)
    expect(args.filter((a) => a === 'libx264')).toHaveLength(4)
    expect(args.filter((a) => a === 'aac')).toHaveLength(1)
    expect(args).toContain('out/240p/index.m3u8')
    expect(args).toContain('out/audio/index.m3u8')
  })

  it('makes an audio-only source into an audio-only playlist', () => {
    const plan = planLadder({ container: 'mp3', durationMs: 5000, audio: { codec: 'mp3', channels: 1, sampleRate: 44100 } })
    expect(plan.rungs).toEqual([])
    expect(ladderArguments(plan, 'in', 'out')).not.toContain('-filter_complex')
    expect(masterPlaylist(plan, { rungs: [], audio: { peak: 100_000, average: 90_000 } })).toBe(
      '#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-STREAM-INF:BANDWIDTH=100000,AVERAGE-BANDWIDTH=90000,CODECS="mp4a.40.2"\naudio/index.m3u8\n',
    )
  })

  it('writes the multivariant playlist from measured bit rates, with the audio group', () => {
    const plan = planLadder({ container: 'mov', durationMs: 10_000, video: { codec: 'h264', width: 640, height: 360, displayWidth: 640, displayHeight: 360, rotation: 0, frameRate: 30 }, audio: { codec: 'aac', channels: 2, sampleRate: 48000 } })
    const text = masterPlaylist(plan, { rungs: [{ peak: 800_000, average: 600_000 }, { peak: 300_000, average: 200_000 }], audio: { peak: 100_000, average: 96_000 } })
    expect(text).toContain('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio/index.m3u8"')
    expect(text).toContain('#EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=696000,RESOLUTION=640x360,FRAME-RATE=30.000,CODECS="avc1.64001e,mp4a.40.2",AUDIO="audio"\n360p/index.m3u8')
  })

  it('measures peak and average bit rate from segment sizes', () => {
    const playlist = '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:4.000,\nseg-00000.m4s\n#EXTINF:2.000,\nseg-00001.m4s\n#EXT-X-ENDLIST\n'
    const sizes: Record<string, number> = { 'init.mp4': 600, 'seg-00000.m4s': 40_000, 'seg-00001.m4s': 50_000 }
    expect(measurePlaylist(playlist, (uri) => sizes[uri]!)).toEqual({ peak: 200_000, average: 120_800 })
  })
})
