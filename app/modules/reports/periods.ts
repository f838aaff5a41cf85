import { semesterOf } from '~/modules/research/semester'

/**
 * The periods figures are read over: a term (学期) or a school year (学年), on the Shanghai calendar.
 * A school year is named by both its years ("2025-2026") and runs from September to August; its
 * autumn term (第一学期) runs September–January, its spring term (第二学期) February–August, as
 * `semesterOf` in the research module reads them. Ids: `2025-2026`, `2025-2026-autumn`, `2025-2026-spring`.
 * Pure and isomorphic.
 */
export interface Period {
  id: string
  kind: 'term' | 'year'
  /** First year of the school year (2025 for 2025–2026). */
  schoolYear: number
  term: 'autumn' | 'spring' | null
  /** First Shanghai day of the period, and the first day after it. */
  start: string
  end: string
  /** How many terms the period spans: targets per term are multiplied by it. */
  terms: number
}

export function termPeriod(schoolYear: number, term: 'autumn' | 'spring'): Period {
  const start = term === 'autumn' ? `${schoolYear}-09-01` : `${schoolYear + 1}-02-01`
  const end = term === 'autumn' ? `${schoolYear + 1}-02-01` : `${schoolYear + 1}-09-01`
  return { id: `${schoolYear}-${schoolYear + 1}-${term}`, kind: 'term', schoolYear, term, start, end, terms: 1 }
}

export function yearPeriod(schoolYear: number): Period {
  return { id: `${schoolYear}-${schoolYear + 1}`, kind: 'year', schoolYear, term: null, start: `${schoolYear}-09-01`, end: `${schoolYear + 1}-09-01`, terms: 2 }
}

const periodId = /^(\d{4})-(\d{4})(?:-(autumn|spring))?$/

/** A period from its id, or null when the id names none (wrong years, unknown term). */
export function parsePeriod(id: string): Period | null {
  const match = periodId.exec(id)
  if (!match) return null
  const first = Number(match[1])
  if (Number(match[2]) !== first + 1 || first < 2000 || first > 2100) return null
  return match[3] ? termPeriod(first, match[3] as 'autumn' | 'spring') : yearPeriod(first)
}

/** The term `now` falls in. */
export function currentTerm(now: Date): Period {
  const s = semesterOf(now)
  return termPeriod(s.schoolYear, s.term)
}

/** The periods a filter offers, newest first: this school year's terms and the year itself, then the years before. */
export function recentPeriods(now: Date, years = 3): Period[] {
  const current = semesterOf(now).schoolYear
  const periods: Period[] = []
  for (let y = current; y > current - years; y--) periods.push(yearPeriod(y), termPeriod(y, 'spring'), termPeriod(y, 'autumn'))
  // A spring term that has not begun yet is no use as a filter.
  return periods.filter((p) => p.start <= semesterOf(now).start || p.kind === 'year')
}

/** The i18n key and values that name a period ("2025–2026 学年第一学期"). */
export function periodLabel(period: Period): { key: string; params: { from: number; to: number } } {
  const params = { from: period.schoolYear, to: period.schoolYear + 1 }
  return { key: period.term ? `reports.period.${period.term}` : 'reports.period.year', params }
}
