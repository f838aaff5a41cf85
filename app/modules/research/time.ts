/**
 * The district's clock is China Standard Time (Asia/Shanghai, UTC+8, no daylight saving since 1991),
 * whatever the server's zone: days, times and semesters are read on it. Pure and isomorphic.
 */
export const districtTimeZone = 'Asia/Shanghai'
const offsetMs = 8 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-03-15" for the Shanghai day `at` falls on. */
export function shanghaiDay(at: Date): string {
  const d = new Date(at.getTime() + offsetMs)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** "14:30" on the Shanghai clock. */
export function shanghaiTime(at: Date): string {
  const d = new Date(at.getTime() + offsetMs)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** The instant of a Shanghai day ("2026-03-15") and time ("14:30"). */
export function fromShanghai(day: string, time = '00:00'): Date {
  return new Date(Date.parse(`${day}T${time}:00+08:00`))
}

/** The Shanghai day `days` after `day`. */
export function addDays(day: string, days: number): string {
  const d = new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** "2026-03-15 14:30–16:00" — how a session's time is written in messages, in either language. */
export function whenText(startsAt: Date, endsAt: Date): string {
  const sameDay = shanghaiDay(startsAt) === shanghaiDay(endsAt)
  return `${shanghaiDay(startsAt)} ${shanghaiTime(startsAt)}–${sameDay ? '' : `${shanghaiDay(endsAt)} `}${shanghaiTime(endsAt)}`
}
