/**
 * The player's decisions that are not about the DOM: preferences, A–B repeat, keeping a second
 * video in step, and keyboard shortcuts. Pure, so they are unit-tested without a browser.
 */

export const playbackRates = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const

export const captionSizes = ['small', 'medium', 'large', 'xlarge'] as const
export const captionColors = ['white', 'yellow', 'cyan', 'green'] as const
export const captionBackgrounds = ['black', 'translucent', 'none'] as const
export const signLayouts = ['off', 'pip', 'side', 'swap'] as const
export type SignLayout = (typeof signLayouts)[number]

export interface PlayerPreferences {
  captionLanguage: string | null
  captionSize: (typeof captionSizes)[number]
  captionColor: (typeof captionColors)[number]
  captionBackground: (typeof captionBackgrounds)[number]
  rate: number
  volume: number
  signLayout: SignLayout
  /** The picture-in-picture window as fractions of the stage: left, top, width. */
  signWindow: { x: number; y: number; width: number }
  speakDescriptions: boolean
}

export const defaultPreferences: PlayerPreferences = {
  captionLanguage: null,
  captionSize: 'medium',
  captionColor: 'white',
  captionBackground: 'black',
  rate: 1,
  volume: 1,
  signLayout: 'off',
  signWindow: { x: 0.68, y: 0.05, width: 0.3 },
  speakDescriptions: false,
}

const pick = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback)
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/** Reads saved preferences, keeping only values that are still valid (storage may hold anything). */
export function readPreferences(raw: string | null): PlayerPreferences {
  let saved: Record<string, unknown> = {}
  try {
    const parsed = raw ? JSON.parse(raw) : null
    if (parsed && typeof parsed === 'object') saved = parsed as Record<string, unknown>
  } catch {}
  const window = (saved.signWindow ?? {}) as Record<string, unknown>
  const num = (value: unknown, fallback: number, min: number, max: number) => (typeof value === 'number' && Number.isFinite(value) ? clamp(value, min, max) : fallback)
  return {
    captionLanguage: typeof saved.captionLanguage === 'string' ? saved.captionLanguage : null,
    captionSize: pick(captionSizes, saved.captionSize, defaultPreferences.captionSize),
    captionColor: pick(captionColors, saved.captionColor, defaultPreferences.captionColor),
    captionBackground: pick(captionBackgrounds, saved.captionBackground, defaultPreferences.captionBackground),
    rate: playbackRates.includes(saved.rate as (typeof playbackRates)[number]) ? (saved.rate as number) : 1,
    volume: num(saved.volume, 1, 0, 1),
    signLayout: pick(signLayouts, saved.signLayout, 'off'),
    signWindow: {
      x: num(window.x, defaultPreferences.signWindow.x, 0, 0.9),
      y: num(window.y, defaultPreferences.signWindow.y, 0, 0.9),
      width: num(window.width, defaultPreferences.signWindow.width, 0.15, 0.6),
    },
    speakDescriptions: saved.speakDescriptions === true,
  }
}

export function nextRate(current: number, direction: 1 | -1): number {
  const index = playbackRates.findIndex((r) => r >= current - 1e-6)
  const at = index < 0 ? playbackRates.length - 1 : index
  return playbackRates[clamp(at + direction, 0, playbackRates.length - 1)]!
}

export interface RepeatRange {
  a: number | null
  b: number | null
}

/** Sets A or B; B before A swaps them, so the range is always forward. */
export function setRepeatPoint(range: RepeatRange, point: 'a' | 'b', time: number): RepeatRange {
  const next = { ...range, [point]: time }
  if (next.a !== null && next.b !== null && next.b < next.a) return { a: next.b, b: next.a }
  if (next.a !== null && next.b !== null && next.b - next.a < 0.5) return { a: next.a, b: next.a + 0.5 }
  return next
}

/** Where to jump to keep repeating, or null to carry on. */
export function repeatJump(range: RepeatRange, time: number): number | null {
  if (range.a === null || range.b === null) return null
  return time >= range.b || time < range.a - 0.5 ? range.a : null
}

/** How a follower (the sign-language video, an audio-description track) catches up with the main video. */
export function followerCorrection(main: { time: number; paused: boolean; rate: number }, follower: { time: number; duration: number }, tolerance = 0.3) {
  const target = Math.min(main.time, Number.isFinite(follower.duration) && follower.duration > 0 ? follower.duration - 0.05 : main.time)
  return { seekTo: Math.abs(follower.time - target) > tolerance ? target : null, play: !main.paused && main.time < (follower.duration || Infinity), rate: main.rate }
}

export type PlayerCommand =
  | { type: 'toggle' }
  | { type: 'seekBy'; seconds: number }
  | { type: 'volumeBy'; delta: number }
  | { type: 'mute' }
  | { type: 'captions' }
  | { type: 'fullscreen' }
  | { type: 'rate'; direction: 1 | -1 }
  | { type: 'repeat'; point: 'a' | 'b' }
  | { type: 'clearRepeat' }

/**
 * A key press on the player as a command, or null to leave it to the browser. Keys that a focused
 * control needs for itself (arrows on a slider, Space on a button, typing in a field) stay with it.
 */
export function commandForKey(key: string, target: { tag: string; type?: string }): PlayerCommand | null {
  const tag = target.tag.toLowerCase()
  if (tag === 'textarea' || tag === 'select' || (tag === 'input' && target.type !== 'range')) return null
  const onSlider = tag === 'input' && target.type === 'range'
  const onButton = tag === 'button' || tag === 'a' || tag === 'summary'
  switch (key) {
    case ' ':
      return onButton || onSlider ? null : { type: 'toggle' }
    case 'k':
    case 'K':
      return { type: 'toggle' }
    case 'ArrowLeft':
      return onSlider ? null : { type: 'seekBy', seconds: -5 }
    case 'ArrowRight':
      return onSlider ? null : { type: 'seekBy', seconds: 5 }
    case 'j':
    case 'J':
      return { type: 'seekBy', seconds: -10 }
    case 'l':
    case 'L':
      return { type: 'seekBy', seconds: 10 }
    case 'ArrowUp':
      return onSlider ? null : { type: 'volumeBy', delta: 0.1 }
    case 'ArrowDown':
      return onSlider ? null : { type: 'volumeBy', delta: -0.1 }
    case 'm':
    case 'M':
      return { type: 'mute' }
    case 'c':
    case 'C':
      return { type: 'captions' }
    case 'f':
    case 'F':
      return { type: 'fullscreen' }
    case '<':
    case ',':
      return { type: 'rate', direction: -1 }
    case '>':
    case '.':
      return { type: 'rate', direction: 1 }
    case '[':
      return { type: 'repeat', point: 'a' }
    case ']':
      return { type: 'repeat', point: 'b' }
    case '\\':
      return { type: 'clearRepeat' }
    default:
      return null
  }
}
