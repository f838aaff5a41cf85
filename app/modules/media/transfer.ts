import { formatClock } from './webvtt'

/**
 * Transfer speed over the last few seconds, so the figure follows the connection as it changes rather
 * than averaging the whole upload. Pure; the uploader feeds it (bytes sent, time in ms).
 */
export class TransferMeter {
  private samples: { bytes: number; at: number }[] = []
  constructor(private readonly windowMs = 5000) {}

  /** Records a sample; returns bytes per second, or null until there is enough to tell. */
  sample(bytes: number, at: number): number | null {
    this.samples.push({ bytes, at })
    while (this.samples.length > 2 && at - this.samples[0]!.at > this.windowMs) this.samples.shift()
    const first = this.samples[0]!
    const elapsed = at - first.at
    if (elapsed < 250 || bytes <= first.bytes) return null
    return ((bytes - first.bytes) / elapsed) * 1000
  }
}

const units = ['B', 'KB', 'MB', 'GB', 'TB']

export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`
}

/** Time left as a clock (m:ss or h:mm:ss), at least one second. */
export function formatDuration(seconds: number): string {
  return formatClock(Math.max(1, Math.ceil(seconds)))
}
