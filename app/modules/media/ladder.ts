import type { MediaProbe } from '#db/schema'

/**
 * The HLS ladder for one source, and the single ffmpeg command that makes it: decode once, convert
 * the frame rate and pixel format once, split, then scale and encode every rung. Pure, so the worker,
 * the benchmark and the tests build exactly the same command.
 */

/** Rungs by their short side, so a portrait 1080×1920 video is "1080p" like a landscape one. */
export const standardRungs = [1080, 720, 480, 360, 240] as const
/** The rung kept for rural and home-visit connections; also the offline download. */
export const lowBandwidthShortSide = 240
export const segmentSeconds = 4
export const keyframeSeconds = 2
export const audioBitrateKbps = 96
const maxFrameRate = 30

export interface Rung {
  name: string
  width: number
  height: number
  /** Average target (kbit/s); the encoder is capped at this, with a buffer of twice it. */
  bitrateKbps: number
  /** H.264 level ×10 (e.g. 40 for 4.0), from frame size and rate. */
  level: number
}

export interface LadderPlan {
  rungs: Rung[]
  /** Output frame rate as a rational, e.g. [30000, 1001]. */
  frameRate: [number, number]
  gopFrames: number
  deinterlace: boolean
  audio: boolean
  poster?: { atSeconds: number; width: number; height: number }
  storyboard?: StoryboardPlan
  durationSeconds: number
}

export interface StoryboardPlan {
  intervalSeconds: number
  count: number
  columns: number
  rows: number
  tileWidth: number
  tileHeight: number
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2)
/** Rounded to even (H.264 in 4:2:0 needs it) but never past the source: rounding must not upscale. */
const evenWithin = (n: number, limit: number) => Math.min(even(n), Math.max(2, Math.floor(limit / 2) * 2))

export function planLadder(probe: MediaProbe): LadderPlan {
  const durationSeconds = probe.durationMs / 1000
  const video = probe.video
  if (!video) return { rungs: [], frameRate: [30, 1], gopFrames: 60, deinterlace: false, audio: Boolean(probe.audio), durationSeconds }

  const frameRate = outputFrameRate(video.frameRate)
  const fps = frameRate[0] / frameRate[1]
  const rungs = planRungs(video.displayWidth, video.displayHeight, fps)
  const top = rungs[0]!
  const posterRung = rungs.find((r) => Math.min(r.width, r.height) <= 720) ?? top
  return {
    rungs,
    frameRate,
    gopFrames: Math.max(1, Math.round(fps * keyframeSeconds)),
    deinterlace: Boolean(video.interlaced),
    audio: Boolean(probe.audio),
    poster: { atSeconds: Math.min(1, durationSeconds / 10), width: posterRung.width, height: posterRung.height },
    storyboard: planStoryboard(durationSeconds, top.width, top.height),
    durationSeconds,
  }
}

/** Up to 30 frames a second: 50/60 fps sources are halved, so frames stay evenly spaced. */
export function outputFrameRate(source: number): [number, number] {
  if (!Number.isFinite(source) || source <= 0) return [30, 1]
  let rate = source
  while (rate > maxFrameRate + 0.01) rate /= 2
  // NTSC rates keep their exact rational, so timestamps do not drift.
  for (const base of [24, 30, 60]) {
    const ntsc = (base * 1000) / 1001
    if (Math.abs(rate - ntsc) < 0.005) return [base * 1000, 1001]
  }
  if (Math.abs(rate - Math.round(rate)) < 0.01) return [Math.round(rate), 1]
  return [Math.round(rate * 1000), 1000]
}

export function planRungs(displayWidth: number, displayHeight: number, fps = 30): Rung[] {
  const sourceShort = Math.min(displayWidth, displayHeight)
  const shorts: number[] = standardRungs.filter((s) => s <= sourceShort)
  const capped = Math.min(sourceShort, standardRungs[0])
  // A source between two rungs (e.g. 600p) also gets a rung at its own size rather than losing a fifth of it.
  if (shorts.length === 0 || capped > shorts[0]! * 1.15) shorts.unshift(capped)
  return shorts.map((short) => {
    const scale = short / sourceShort
    const width = evenWithin(displayWidth * scale, displayWidth)
    const height = evenWithin(displayHeight * scale, displayHeight)
    const name = standardRungs.includes(short as (typeof standardRungs)[number]) ? `${short}p` : `${Math.min(width, height)}p`
    return { name, width, height, bitrateKbps: bitrateFor(width, height, fps, short), level: h264Level(width, height, fps) }
  })
}

function bitrateFor(width: number, height: number, fps: number, short: number): number {
  const pixels = (width * height) / (1920 * 1080)
  const motion = fps > 30 ? 1.4 : 1
  const kbps = Math.round((4500 * pixels ** 0.75 * motion) / 10) * 10
  return short <= lowBandwidthShortSide ? Math.min(kbps, 300) : Math.max(kbps, 150)
}

/** The lowest H.264 level whose frame-size and macroblock-rate limits the rung fits. */
export function h264Level(width: number, height: number, fps: number): number {
  const frameMbs = Math.ceil(width / 16) * Math.ceil(height / 16)
  const mbPerSecond = frameMbs * fps
  const levels: [number, number, number][] = [
    [30, 1620, 40500],
    [31, 3600, 108000],
    [32, 5120, 216000],
    [40, 8192, 245760],
    [42, 8704, 522240],
    [50, 22080, 589824],
    [51, 36864, 983040],
  ]
  return (levels.find(([, fs, mbps]) => frameMbs <= fs && mbPerSecond <= mbps) ?? levels.at(-1)!)[0]
}

export function planStoryboard(durationSeconds: number, width: number, height: number): StoryboardPlan | undefined {
  if (!(durationSeconds > 0)) return undefined
  const maxTiles = 100
  const intervalSeconds = Math.max(1, Math.ceil(durationSeconds / maxTiles))
  const count = Math.max(1, Math.ceil(durationSeconds / intervalSeconds))
  const columns = Math.min(10, count)
  const longSide = 160
  const landscape = width >= height
  const tileWidth = landscape ? longSide : even((longSide * width) / height)
  const tileHeight = landscape ? even((longSide * height) / width) : longSide
  return { intervalSeconds, count, columns, rows: Math.ceil(count / columns), tileWidth, tileHeight }
}

/** `avc1.PPCCLL` for High profile at the rung's level; `mp4a.40.2` is AAC-LC. */
export const videoCodecString = (rung: Rung) => `avc1.6400${rung.level.toString(16).padStart(2, '0')}`
export const audioCodecString = 'mp4a.40.2'

/** Where each output lands inside a version folder. */
export const outputPaths = {
  master: 'master.m3u8',
  rung: (rung: Rung) => `${rung.name}/index.m3u8`,
  audio: 'audio/index.m3u8',
  poster: 'poster.jpg',
  storyboardImage: 'storyboard.jpg',
  storyboardVtt: 'storyboard.vtt',
  download: 'download.mp4',
}

const hlsOptions = (dir: string) => [
  '-f', 'hls',
  '-hls_time', String(segmentSeconds),
  '-hls_playlist_type', 'vod',
  '-hls_segment_type', 'fmp4',
  '-hls_fmp4_init_filename', 'init.mp4',
  '-hls_flags', 'independent_segments',
  '-hls_segment_filename', `${dir}/seg-%05d.m4s`,
]

/**
 * Arguments for the one ffmpeg run (input and output folder as given; folders for each rung must exist).
 * `-progress pipe:1` reports on stdout; the first output is the top rung, whose frame count is progress.
 */
export function ladderArguments(plan: LadderPlan, input: string, out: string, options: { preset?: string; threads?: number } = {}): string[] {
  const preset = options.preset ?? 'veryfast'
  const args = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-i', input]
  const filters: string[] = []
  const maps: string[][] = []
  if (plan.rungs.length > 0) {
    const branches = plan.rungs.length + (plan.poster ? 1 : 0) + (plan.storyboard ? 1 : 0)
    const [num, den] = plan.frameRate
    const labels = Array.from({ length: branches }, (_, i) => `[b${i}]`)
    filters.push(`[0:v:0]${plan.deinterlace ? 'yadif=deint=interlaced,' : ''}fps=${num}/${den},format=yuv420p,split=${branches}${labels.join('')}`)
    plan.rungs.forEach((rung, i) => {
      filters.push(`[b${i}]scale=${rung.width}:${rung.height}:flags=bicubic,setsar=1[v${i}]`)
      const kbps = rung.bitrateKbps
      maps.push([
        '-map', `[v${i}]`,
        '-c:v', 'libx264', '-preset', preset, '-profile:v', 'high', '-level:v', (rung.level / 10).toFixed(1),
        '-crf', '23', '-maxrate', `${kbps}k`, '-bufsize', `${kbps * 2}k`,
        '-g', String(plan.gopFrames), '-keyint_min', String(plan.gopFrames), '-sc_threshold', '0',
        '-force_key_frames', `expr:gte(t,n_forced*${keyframeSeconds})`,
        ...(options.threads ? ['-threads', String(options.threads)] : []),
        ...hlsOptions(`${out}/${rung.name}`),
        `${out}/${outputPaths.rung(rung)}`,
      ])
    })
    let next = plan.rungs.length
    if (plan.poster) {
      const p = plan.poster
      filters.push(`[b${next}]select='gte(t\\,${p.atSeconds.toFixed(3)})',scale=${p.width}:${p.height},setsar=1[poster]`)
      maps.push(['-map', '[poster]', '-frames:v', '1', '-update', '1', '-q:v', '3', `${out}/${outputPaths.poster}`])
      next++
    }
    if (plan.storyboard) {
      const s = plan.storyboard
      filters.push(`[b${next}]fps=1/${s.intervalSeconds},scale=${s.tileWidth}:${s.tileHeight},setsar=1,tile=${s.columns}x${s.rows}[storyboard]`)
      maps.push(['-map', '[storyboard]', '-frames:v', '1', '-update', '1', '-q:v', '5', `${out}/${outputPaths.storyboardImage}`])
    }
  }
  if (plan.audio) {
    maps.push([
      '-map', '0:a:0',
      '-c:a', 'aac', '-b:a', `${audioBitrateKbps}k`, '-ac', '2', '-ar', '48000',
      ...hlsOptions(`${out}/audio`),
      `${out}/${outputPaths.audio}`,
    ])
  }
  if (filters.length) args.push('-filter_complex', filters.join(';'))
  for (const map of maps) args.push(...map)
  args.push('-progress', 'pipe:1', '-nostats')
  return args
}

/** Arguments that copy the low-bandwidth rung and the audio into one MP4 for offline use (no re-encode). */
export function downloadArguments(plan: LadderPlan, out: string): string[] | null {
  const low = plan.rungs.at(-1)
  if (!low) return null
  const args = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-i', `${out}/${outputPaths.rung(low)}`]
  if (plan.audio) args.push('-i', `${out}/${outputPaths.audio}`)
  args.push('-map', '0:v:0')
  if (plan.audio) args.push('-map', '1:a:0')
  args.push('-c', 'copy', '-movflags', '+faststart', `${out}/${outputPaths.download}`)
  return args
}

export interface MeasuredRendition {
  /** Peak and average bits per second over the segments. */
  peak: number
  average: number
}

/** Peak and average bit rate of a media playlist, from its segment durations and their sizes in bytes. */
export function measurePlaylist(playlist: string, sizeOf: (uri: string) => number): MeasuredRendition {
  let duration = 0
  let bytes = 0
  let peak = 0
  let pending: number | null = null
  let initBytes = 0
  for (const line of playlist.split(/\r?\n/)) {
    const map = /^#EXT-X-MAP:URI="([^"]+)"/.exec(line)
    if (map) initBytes = sizeOf(map[1]!)
    const inf = /^#EXTINF:([\d.]+)/.exec(line)
    if (inf) pending = Number(inf[1])
    else if (pending !== null && line && !line.startsWith('#')) {
      const size = sizeOf(line.trim())
      duration += pending
      bytes += size
      if (pending > 0) peak = Math.max(peak, (size * 8) / pending)
      pending = null
    }
  }
  const average = duration > 0 ? ((bytes + initBytes) * 8) / duration : 0
  return { peak: Math.ceil(Math.max(peak, average)), average: Math.ceil(average) }
}

/** The multivariant playlist, written by us so BANDWIDTH and CODECS are what was actually produced. */
export function masterPlaylist(plan: LadderPlan, measured: { rungs: MeasuredRendition[]; audio?: MeasuredRendition }): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS']
  const audio = plan.audio && measured.audio
  const fps = (plan.frameRate[0] / plan.frameRate[1]).toFixed(3)
  if (plan.rungs.length === 0) {
    if (audio) {
      lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${audio.peak},AVERAGE-BANDWIDTH=${audio.average},CODECS="${audioCodecString}"`, outputPaths.audio)
    }
    return lines.join('\n') + '\n'
  }
  if (audio) lines.push(`#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="${outputPaths.audio}"`)
  plan.rungs.forEach((rung, i) => {
    const video = measured.rungs[i]!
    const peak = video.peak + (audio ? audio.peak : 0)
    const average = video.average + (audio ? audio.average : 0)
    const codecs = [videoCodecString(rung), ...(audio ? [audioCodecString] : [])].join(',')
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${peak},AVERAGE-BANDWIDTH=${average},RESOLUTION=${rung.width}x${rung.height},FRAME-RATE=${fps},CODECS="${codecs}"${audio ? ',AUDIO="audio"' : ''}`,
      outputPaths.rung(rung),
    )
  })
  return lines.join('\n') + '\n'
}

/** WebVTT that maps each storyboard tile to its time span (`storyboard.jpg#xywh=…`), as players expect. */
export function storyboardVtt(plan: StoryboardPlan, durationSeconds: number, image = outputPaths.storyboardImage): string {
  const lines = ['WEBVTT', '']
  for (let i = 0; i < plan.count; i++) {
    const start = i * plan.intervalSeconds
    const end = Math.min(durationSeconds, (i + 1) * plan.intervalSeconds)
    const x = (i % plan.columns) * plan.tileWidth
    const y = Math.floor(i / plan.columns) * plan.tileHeight
    lines.push(`${formatVttTime(start)} --> ${formatVttTime(Math.max(end, start + 0.001))}`, `${image}#xywh=${x},${y},${plan.tileWidth},${plan.tileHeight}`, '')
  }
  return lines.join('\n')
}

export function formatVttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000)
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = Math.floor((ms % 60_000) / 1000)
  const rest = ms % 1000
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(rest).padStart(3, '0')}`
}
