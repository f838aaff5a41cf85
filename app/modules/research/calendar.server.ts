import { TZDate } from '@date-fns/tz'
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, { ICalEventStatus } from 'ical-generator'
import type { SessionSummary } from './sessions.server'
import { addDays, districtTimeZone, shanghaiDay } from './time'

export interface CalendarMonth {
  /** "2026-11" */
  month: string
  previous: string
  next: string
  /** The Shanghai days shown, the first day of the month's first week (Monday) to the day after the last week. */
  from: string
  to: string
  /** Weeks of seven days, Monday first; days outside the month are marked. */
  weeks: { day: string; inMonth: boolean }[][]
}

const monthOf = (day: string) => day.slice(0, 7)
const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + by, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

/** The weeks (Monday to Sunday, as Chinese calendars print them) that show a month. */
export function calendarMonth(month: string | undefined, now = new Date()): CalendarMonth {
  const m = month ?? monthOf(shanghaiDay(now))
  const first = `${m}-01`
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7
  const from = addDays(first, -weekday)
  const weeks: CalendarMonth['weeks'] = []
  let day = from
  do {
    const week = []
    for (let i = 0; i < 7; i++) {
      week.push({ day, inMonth: monthOf(day) === m })
      day = addDays(day, 1)
    }
    weeks.push(week)
  } while (monthOf(day) === m)
  return { month: m, previous: shift(m, -1), next: shift(m, 1), from, to: day, weeks }
}

/** The range an .ics download covers: the term before and the year ahead. */
export function icsRange(now = new Date()) {
  const today = shanghaiDay(now)
  return { from: addDays(today, -200), to: addDays(today, 400) }
}

/**
 * RFC 5545 calendar of sessions: times in Asia/Shanghai with its VTIMEZONE, a stable UID per
 * session (a re-import updates the event), cancelled sessions kept as STATUS:CANCELLED, and the
 * session's page as URL.
 */
export function sessionsToIcs(input: { name: string; origin: string; sessions: (SessionSummary & { agenda?: string; kindLabel: string })[] }): string {
  const calendar = ical({ name: input.name, prodId: { company: 'Tongxing', product: 'research', language: 'ZH' }, timezone: { name: null, generator: getVtimezoneComponent } })
  for (const s of input.sessions) {
    const url = `${input.origin}/research/sessions/${s.id}`
    calendar.createEvent({
      id: `research-session-${s.id}@tongxing`,
      timezone: districtTimeZone,
      start: new TZDate(new Date(s.startsAt), districtTimeZone),
      end: new TZDate(new Date(s.endsAt), districtTimeZone),
      summary: `${s.kindLabel}：${s.title}`,
      description: [s.groupName, s.agenda, s.onlineUrl, url].filter(Boolean).join('\n\n'),
      location: s.place || s.onlineUrl || null,
      url,
      status: s.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
  }
  return calendar.toString()
}
