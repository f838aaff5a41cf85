import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { setPriority } from 'node:os'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { MediaMessage, MediaProbe } from '#db/schema'

/** Which ffmpeg and ffprobe to run: FFMPEG_PATH (ffprobe beside it), else the system's, else the npm-shipped ffmpeg. */
export interface MediaTools {
  ffmpeg: string
  ffprobe: string
}

export function resolveMediaTools(ffmpegPath?: string): MediaTools {
  if (ffmpegPath) {
    const sibling = path.join(path.dirname(ffmpegPath), process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe')
    return { ffmpeg: ffmpegPath, ffprobe: existsSync(sibling) ? sibling : 'ffprobe' }
  }
  if (onPath('ffmpeg')) return { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' }
  try {
    const shipped = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }
    return { ffmpeg: shipped.path, ffprobe: 'ffprobe' }
  } catch {
    return { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' }
  }
}

function onPath(command: string): boolean {
  return spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0
}

export class MediaToolError extends Error {
  override readonly name = 'MediaToolError'
  constructor(
    message: string,
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(message)
  }
}

/** Runs a tool to the end; stderr is kept (the last 16 KiB) for the log. Rejects on a non-zero exit. */
export function runTool(
  command: string,
  args: string[],
  options: { onStdoutLine?: (line: string) => void; signal?: AbortSignal; collectStdout?: boolean; background?: boolean } = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal })
    // On the embedded default the encoder shares the machine with the web process: pages must stay quick.
    if (options.background && child.pid) {
      try {
        setPriority(child.pid, 10)
      } catch {}
    }
    let stdout = ''
    let stderr = ''
    let pending = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (options.collectStdout) stdout += chunk
      if (options.onStdoutLine) {
        pending += chunk
        const lines = pending.split('\n')
        pending = lines.pop() ?? ''
        for (const line of lines) options.onStdoutLine(line)
      }
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-16_384)
    })
    child.on('error', (error) => reject(new MediaToolError(`${path.basename(command)} could not run: ${error.message}`, stderr, null)))
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ stdout, stderr })
      else reject(new MediaToolError(`${path.basename(command)} exited with ${code ?? signal}: ${lastLine(stderr)}`, stderr, code))
    })
  })
}

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? ''

export type ProbeResult = { ok: true; probe: MediaProbe } | { ok: false; reason: MediaMessage; detail: string }

/** Hard limits on what the worker accepts (beyond them a teacher's upload is surely a mistake). */
export const probeLimits = { maxDurationHours: 6, maxDimension: 8192 }

interface FfprobeStream {
  codec_type?: string
  codec_name?: string
  width?: number
  height?: number
  sample_aspect_ratio?: string
  avg_frame_rate?: string
  r_frame_rate?: string
  pix_fmt?: string
  field_order?: string
  channels?: number
  sample_rate?: string
  duration?: string
  disposition?: { attached_pic?: number }
  tags?: { rotate?: string }
  side_data_list?: { rotation?: number }[]
}

/** ffprobe first: anything that is not a playable video or audio gets a reason the uploader can act on. */
export async function probeMedia(tools: MediaTools, file: string): Promise<ProbeResult> {
  let output: string
  try {
    output = (await runTool(tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { collectStdout: true })).stdout
  } catch (error) {
    const stderr = error instanceof MediaToolError ? error.stderr : String(error)
    if (error instanceof MediaToolError && error.exitCode === null) throw error // ffprobe itself is missing: not the file's fault
    const truncated = /moov atom not found|partial file|end of file|truncat/i.test(stderr)
    return { ok: false, reason: { key: truncated ? 'media.errors.truncated' : 'media.errors.notMedia' }, detail: stderr.slice(-2000) }
  }
  return interpretProbe(JSON.parse(output) as { streams?: FfprobeStream[]; format?: { format_name?: string; duration?: string } })
}

/** Turns ffprobe's JSON into what the ladder needs, or a reason to refuse. Exported for the unit tests. */
export function interpretProbe(json: { streams?: FfprobeStream[]; format?: { format_name?: string; duration?: string } }): ProbeResult {
  const streams = json.streams ?? []
  // Cover art in an audio file is a "video" stream of one picture: not a video.
  const videoStream = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic && (s.width ?? 0) > 0)
  const audioStream = streams.find((s) => s.codec_type === 'audio' && (s.channels ?? 0) > 0)
  const fail = (key: string, params?: Record<string, string | number>): ProbeResult => ({ ok: false, reason: { key: `media.errors.${key}`, params }, detail: JSON.stringify(json).slice(0, 2000) })
  if (!videoStream && !audioStream) return fail('notMedia')
  // Images (a JPEG, a PNG) open as one-frame "video"; they are not something to play.
  const container = json.format?.format_name ?? ''
  if (!audioStream && /image2|png_pipe|jpeg_pipe|webp_pipe|gif|bmp_pipe|tiff_pipe|svg/.test(container)) return fail('notMedia')

  const durations = [json.format?.duration, videoStream?.duration, audioStream?.duration].map(Number).filter((d) => Number.isFinite(d) && d > 0)
  const duration = durations.length ? Math.max(...durations) : 0
  if (!(duration > 0)) return fail('noDuration')
  if (duration > probeLimits.maxDurationHours * 3600) return fail('tooLong', { hours: probeLimits.maxDurationHours })

  const probe: MediaProbe = { container, durationMs: Math.round(duration * 1000) }
  if (videoStream) {
    const width = videoStream.width!
    const height = videoStream.height ?? 0
    if (height <= 0) return fail('notMedia')
    if (Math.max(width, height) > probeLimits.maxDimension) return fail('tooLarge', { max: probeLimits.maxDimension })
    const [sarNum, sarDen] = (videoStream.sample_aspect_ratio ?? '1:1').split(':').map(Number)
    const sar = sarNum && sarDen ? sarNum / sarDen : 1
    const rotation = normaliseRotation(videoStream.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation ?? Number(videoStream.tags?.rotate ?? 0))
    const stored = { width: Math.round(width * sar), height }
    const quarterTurn = rotation % 180 !== 0
    probe.video = {
      codec: videoStream.codec_name ?? 'unknown',
      width,
      height,
      displayWidth: quarterTurn ? stored.height : stored.width,
      displayHeight: quarterTurn ? stored.width : stored.height,
      rotation,
      frameRate: frameRateOf(videoStream),
      pixelFormat: videoStream.pix_fmt,
      interlaced: ['tt', 'bb', 'tb', 'bt'].includes(videoStream.field_order ?? ''),
    }
  }
  if (audioStream) {
    probe.audio = { codec: audioStream.codec_name ?? 'unknown', channels: audioStream.channels ?? 2, sampleRate: Number(audioStream.sample_rate ?? 48000) }
  }
  return { ok: true, probe }
}

function normaliseRotation(value: number): number {
  if (!Number.isFinite(value)) return 0
  return (((Math.round(value / 90) * 90) % 360) + 360) % 360
}

function frameRateOf(stream: FfprobeStream): number {
  for (const text of [stream.avg_frame_rate, stream.r_frame_rate]) {
    const [num, den] = (text ?? '').split('/').map(Number)
    if (num && den && num / den > 0 && num / den < 1000) return num / den
  }
  return 0
}
