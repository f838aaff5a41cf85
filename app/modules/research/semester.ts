import { addDays, shanghaiDay } from './time'

/**
 * Chinese schools' terms: the autumn term (第一学期) runs from September to January, the spring
 * term (第二学期) from February to August, summer holiday included. A school year is named by the
 * year its autumn term begins in: the spring term of 2027 belongs to the 2026–2027 school year.
 */
export interface Semester {
  term: 'autumn' | 'spring'
  /** First year of the school year (2026 for 2026–2027). */
  schoolYear: number
  /** First Shanghai day of the term, and the first day after it. */
  start: string
  end: string
}

/** The term a Shanghai day ("2026-11-25") or an instant falls in. */
export function semesterOf(at: string | Date): Semester {
  const day = typeof at === 'string' ? at : shanghaiDay(at)
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  if (month >= 9) return { term: 'autumn', schoolYear: year, start: `${year}-09-01`, end: `${year + 1}-02-01` }
  if (month === 1) return { term: 'autumn', schoolYear: year - 1, start: `${year - 1}-09-01`, end: `${year}-02-01` }
  return { term: 'spring', schoolYear: year - 1, start: `${year}-02-01`, end: `${year}-09-01` }
}

/** The district plan: 专题教研 at least twice a semester. */
export const topicTarget = 2

export interface TopicProgress {
  semester: Semester
  /** 专题教研 of this term already begun by `now`, and those still ahead. Cancelled ones count for nothing. */
  held: number
  planned: number
  target: number
  /** The target is met by sessions held, not by plans. */
  met: boolean
}

/**
 * Counts a group's 专题教研 in the term `now` falls in against the plan's target, from its sessions
 * (any kinds, any terms; only this term's uncancelled 专题教研 count).
 */
export function topicProgress(sessions: { kind: string; startsAt: Date; cancelledAt?: Date | null }[], now: Date, target = topicTarget): TopicProgress {
  const semester = semesterOf(now)
  let held = 0
  let planned = 0
  for (const s of sessions) {
    if (s.kind !== 'topic' || s.cancelledAt) continue
    const day = shanghaiDay(s.startsAt)
    if (day < semester.start || day >= semester.end) continue
    if (s.startsAt.getTime() <= now.getTime()) held++
    else planned++
  }
  return { semester, held, planned, target, met: held >= target }
}

/** The last day of a term (for "until 2027-01-31"). */
export const lastDayOf = (semester: Semester) => addDays(semester.end, -1)
