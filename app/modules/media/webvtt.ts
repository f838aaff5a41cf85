/**
 * WebVTT and SRT: parsing with line-numbered problems, conversion to WebVTT, and the cue helpers the
 * player and transcript share. Pure and isomorphic.
 */

export interface Cue {
  start: number
  end: number
  /** The cue's text as written (may carry WebVTT tags such as <v Speaker> or <i>). */
  text: string
}

export interface CaptionProblem {
  key: string
  params: { line: number }
}

export type CaptionFormat = 'vtt' | 'srt'

/** `hh:mm:ss.ttt` or `mm:ss.ttt` (SRT writes a comma); seconds, or null if malformed. */
export function parseTimestamp(text: string, format: CaptionFormat = 'vtt'): number | null {
  const match = (format === 'srt' ? /^(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})$/ : /^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$/).exec(text.trim())
  if (!match) return null
  const [, h, m, s, frac] = match
  const minutes = Number(m)
  const seconds = Number(s)
  if (minutes > 59 || seconds > 59) return null
  return Number(h ?? 0) * 3600 + minutes * 60 + seconds + Number(frac!.padEnd(3, '0')) / 1000
}

const timingLine = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/

function problem(key: string, line: number): CaptionProblem {
  return { key: `media.errors.${key}`, params: { line } }
}

function blocksOf(lines: string[], from: number): { start: number; lines: string[] }[] {
  const blocks: { start: number; lines: string[] }[] = []
  let current: { start: number; lines: string[] } | null = null
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() === '') {
      current = null
      continue
    }
    if (!current) blocks.push((current = { start: i, lines: [] }))
    current.lines.push(line)
  }
  return blocks
}

function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
}

function readTiming(line: string, lineNumber: number, format: CaptionFormat, problems: CaptionProblem[]): { start: number; end: number } | null {
  const match = timingLine.exec(line.trim())
  const start = match ? parseTimestamp(match[1]!, format) : null
  const end = match ? parseTimestamp(match[2]!, format) : null
  if (start === null || end === null) {
    problems.push(problem('captionTiming', lineNumber))
    return null
  }
  if (end <= start) {
    problems.push(problem('captionOrder', lineNumber))
    return null
  }
  return { start, end }
}

export function parseWebVtt(text: string): { cues: Cue[]; problems: CaptionProblem[] } {
  const lines = splitLines(text)
  const problems: CaptionProblem[] = []
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) problems.push(problem('captionHeader', 1))
  const cues: Cue[] = []
  // The header block runs to the first blank line.
  let from = 1
  while (from < lines.length && lines[from]!.trim() !== '') from++
  for (const block of blocksOf(lines, from)) {
    const first = block.lines[0]!
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue
    const timingAt = first.includes('-->') ? 0 : block.lines[1]?.includes('-->') ? 1 : -1
    if (timingAt < 0) {
      problems.push(problem('captionTiming', block.start + 1))
      continue
    }
    const timing = readTiming(block.lines[timingAt]!, block.start + timingAt + 1, 'vtt', problems)
    if (!timing) continue
    const body = block.lines.slice(timingAt + 1).join('\n')
    if (body.trim() === '') {
      problems.push(problem('captionText', block.start + timingAt + 1))
      continue
    }
    cues.push({ ...timing, text: body })
  }
  return { cues, problems }
}

export function parseSrt(text: string): { cues: Cue[]; problems: CaptionProblem[] } {
  const lines = splitLines(text)
  const problems: CaptionProblem[] = []
  const cues: Cue[] = []
  for (const block of blocksOf(lines, 0)) {
    let at = 0
    if (/^\d+$/.test(block.lines[0]!.trim())) at = 1
    else if (!block.lines[0]!.includes('-->')) {
      problems.push(problem(block.lines[1]?.includes('-->') ? 'captionNumber' : 'captionTiming', block.start + 1))
      continue
    }
    const timingText = block.lines[at]
    if (timingText === undefined) {
      problems.push(problem('captionTiming', block.start + at + 1))
      continue
    }
    const timing = readTiming(timingText, block.start + at + 1, 'srt', problems)
    if (!timing) continue
    const body = block.lines
      .slice(at + 1)
      .map(srtLineToVtt)
      .join('\n')
    if (body.trim() === '') {
      problems.push(problem('captionText', block.start + at + 1))
      continue
    }
    cues.push({ ...timing, text: body })
  }
  return { cues, problems }
}

/** SRT styling WebVTT lacks: <font> tags and ASS overrides such as {\an8} go; <b>, <i>, <u> stay. */
function srtLineToVtt(line: string): string {
  return line.replace(/<\/?font[^>]*>/gi, '').replace(/\{\\[^}]*\}/g, '')
}

export function parseCaptions(text: string, format: CaptionFormat) {
  const result = format === 'srt' ? parseSrt(text) : parseWebVtt(text)
  if (result.problems.length === 0 && result.cues.length === 0) result.problems.push(problem('captionEmpty', 1))
  return result
}

/** Which format a caption file is, from its name or, failing that, its first line. */
export function captionFormatOf(name: string, text: string): CaptionFormat | null {
  if (/\.vtt$/i.test(name)) return 'vtt'
  if (/\.srt$/i.test(name)) return 'srt'
  if (/^\uFEFF?WEBVTT/.test(text)) return 'vtt'
  if (/^\uFEFF?\d+\s*\r?\n\S+ --> /.test(text)) return 'srt'
  return null
}

export function formatTimestamp(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000))
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`
}

/** Cues as a WebVTT file (sorted by start; text that could break the format is neutralised). */
export function toWebVtt(cues: Cue[]): string {
  const sorted = [...cues].sort((a, b) => a.start - b.start || a.end - b.end)
  const blocks = sorted.map((cue) => `${formatTimestamp(cue.start)} --> ${formatTimestamp(cue.end)}\n${cue.text.replace(/-->/g, '→').replace(/\n\s*\n/g, '\n')}`)
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': '\u00a0', '&lrm;': '\u200e', '&rlm;': '\u200f' }

/** A cue's words as plain text: tags dropped, entities decoded. Shown with React, never as HTML. */
export function cuePlainText(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (e) => entities[e] ?? e)
}

/** The cues showing at `time` (several may overlap). */
export function activeCues(cues: Cue[], time: number): Cue[] {
  return cues.filter((cue) => cue.start <= time && time < cue.end)
}

/** The last cue that started at or before `time`: the transcript's current line, also between cues. */
export function currentCueIndex(cues: Cue[], time: number): number {
  let found = -1
  for (let i = 0; i < cues.length; i++) {
    if (cues[i]!.start <= time) found = i
    else break
  }
  return found
}

/** A transcript as plain text, one cue a line, with its start time. */
export function transcriptText(cues: Cue[]): string {
  return cues.map((cue) => `[${formatTimestamp(cue.start).replace(/^00:/, '').slice(0, -4)}] ${cuePlainText(cue.text).replace(/\n/g, ' ')}`).join('\n') + '\n'
}

/** mm:ss or h:mm:ss for people. */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0))
  const h = Math.floor(total / 3600)
  const m = Math.floor(total / 60) % 60
  const s = total % 60
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`
}
