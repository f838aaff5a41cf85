/** Times on a classroom video: how they are written, read back, and placed on the timeline. Pure and isomorphic. */

/** 195 → "03:15"; 3725 → "1:02:05". */
export function formatTime(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds))
  const hours = Math.floor(s / 3600)
  const minutes = Math.floor((s % 3600) / 60)
  const seconds = s % 60
  const two = (n: number) => String(n).padStart(2, '0')
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`
}

/** "03:15", "3:15", "1:02:05" or a plain number of seconds ("195") → seconds; null when it is none of these. */
export function parseTime(input: string): number | null {
  const text = input.trim().replace(/：/g, ':')
  if (/^\d+$/.test(text)) return Number(text)
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text)
  if (!match) return null
  const [, h, m, s] = match
  if (Number(s) >= 60 || (h !== undefined && Number(m) >= 60)) return null
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s)
}

/** Where a marker sits along the timeline, in percent of its width. */
export function markerPosition(seconds: number, durationSeconds: number): number {
  if (!(durationSeconds > 0)) return 0
  return Math.min(100, Math.max(0, (seconds / durationSeconds) * 100))
}

/** The short form of a note for a marker's label: "03:15 王老师：学生主动举手…". */
export function noteLabel(note: { atSeconds: number; author: string; body: string }, maxChars = 40): string {
  const chars = Array.from(note.body.replace(/\s+/g, ' ').trim())
  const body = chars.length > maxChars ? `${chars.slice(0, maxChars).join('')}…` : chars.join('')
  return `${formatTime(note.atSeconds)} ${note.author}：${body}`
}
