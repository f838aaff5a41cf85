import { and, asc, eq } from 'drizzle-orm'
import { stringify } from 'csv-stringify/sync'
import { z } from 'zod'
import type { Database } from '#db/client'
import { districts, schools } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { requirePermission } from '~/modules/accounts/permissions'
import { badInput, notFound, parseInput } from '~/platform/errors'
import { createI18n, type Locale } from '~/platform/i18n'
import { figuresFor, type Figures, type Scope } from './figures.server'
import { currentTerm, parsePeriod, recentPeriods, termPeriod, yearPeriod, type Period } from './periods'
import { figureTables, tableText, type FigureTable } from './tables'

export interface SchoolOption {
  id: string
  name: string
  kind: string
}

export interface Dashboard {
  district: string
  period: Period
  school: SchoolOption | null
  figures: Figures
  tables: FigureTable[]
  generatedAt: string
}

export const dashboardInput = z.object({
  period: z.string().trim().max(20).optional(),
  school: z.union([z.uuid({ message: 'reports.errors.school' }), z.literal('')]).optional(),
})

/** What the dashboard's filters offer: recent terms and years, and the district's schools. */
export async function dashboardChoices(db: Database, actor: Actor, now = new Date()): Promise<{ periods: Period[]; schools: SchoolOption[] }> {
  requirePermission(actor, 'read:reports')
  return { periods: recentPeriods(now), schools: await districtSchools(db, actor) }
}

async function districtSchools(db: Database, actor: Actor): Promise<SchoolOption[]> {
  return db.select({ id: schools.id, name: schools.name, kind: schools.kind }).from(schools).where(eq(schools.districtId, actor.districtId)).orderBy(asc(schools.name))
}

function periodFrom(id: string | undefined, now: Date): Period {
  if (!id) return currentTerm(now)
  const period = parsePeriod(id)
  if (!period) throw badInput({ period: { key: 'reports.errors.period' } }, 'reports.errors.period')
  return period
}

async function schoolFrom(db: Database, actor: Actor, id: string | undefined): Promise<SchoolOption | null> {
  if (!id) return null
  const [school] = await db
    .select({ id: schools.id, name: schools.name, kind: schools.kind })
    .from(schools)
    .where(and(eq(schools.id, id), eq(schools.districtId, actor.districtId)))
  if (!school) throw notFound('errors.schoolNotFound')
  return school
}

async function districtName(db: Database, actor: Actor) {
  const [district] = await db.select({ name: districts.name }).from(districts).where(eq(districts.id, actor.districtId))
  return district?.name ?? ''
}

/** The district's (or one school's) figures for a term or a school year; the current term by default. */
export async function dashboardFor(db: Database, actor: Actor, input: unknown, now = new Date()): Promise<Dashboard> {
  requirePermission(actor, 'read:reports')
  const query = parseInput(dashboardInput, input)
  const period = periodFrom(query.period, now)
  const school = await schoolFrom(db, actor, query.school || undefined)
  const figures = await figuresFor(db, { districtId: actor.districtId, school, period })
  return {
    district: await districtName(db, actor),
    period,
    school,
    figures,
    tables: figureTables(figures),
    generatedAt: now.toISOString(),
  }
}

export interface AnnualReport {
  district: string
  year: Period
  terms: { period: Period; figures: Figures }[]
  figures: Figures
  tables: FigureTable[]
  /** One line per school: the figures a district compares its schools by. */
  schools: { school: SchoolOption; published: number; videos: number; captioned: number; topicSessions: number; assigned: number; done: number; homeVisits: number }[]
  generatedAt: string
}

/** The year's figures (特殊教育质量监测), its two terms beside each other, and every school's line. */
export async function annualReport(db: Database, actor: Actor, schoolYearId: string, now = new Date()): Promise<AnnualReport> {
  requirePermission(actor, 'read:reports')
  const period = parsePeriod(schoolYearId)
  if (!period || period.kind !== 'year') throw notFound('reports.errors.year')
  const scope = (p: Period, school: SchoolOption | null = null): Scope => ({ districtId: actor.districtId, school, period: p })
  const figures = await figuresFor(db, scope(period))
  const terms = []
  for (const term of [termPeriod(period.schoolYear, 'autumn'), termPeriod(period.schoolYear, 'spring')]) terms.push({ period: term, figures: await figuresFor(db, scope(term)) })
  const schoolLines = []
  for (const school of await districtSchools(db, actor)) {
    const f = await figuresFor(db, scope(period, school))
    schoolLines.push({
      school,
      published: f.library.published,
      videos: f.videos.total,
      captioned: f.videos.captions,
      topicSessions: f.research.sessionsByKind.find((k) => k.kind === 'topic')?.count ?? 0,
      assigned: f.learning.assigned,
      done: f.learning.done,
      homeVisits: f.homeVisits.visits,
    })
  }
  return { district: await districtName(db, actor), year: period, terms, figures, tables: figureTables(figures), schools: schoolLines, generatedAt: now.toISOString() }
}

/** The school years a report can be made for: this one and the two before. */
export function reportYears(now = new Date()): Period[] {
  const current = currentTerm(now).schoolYear
  return [current, current - 1, current - 2].map(yearPeriod)
}

/** A BOM first, so spreadsheet programs read the Chinese right. */
const bom = '\uFEFF'

const textIn = (locale: Locale) => {
  const { t } = createI18n(locale)
  return tableText((key, params) => t(key, params))
}

/** A missing share is an empty field in a CSV, not a dash. */
const csvRows = (table: FigureTable, text: ReturnType<typeof tableText>) => stringify([table.columns.map(text.label), ...table.rows.map((row) => row.map((cell) => (cell === null ? '' : text.cell(cell))))])

/** One table as CSV in the reader's language. */
export function tableCsv(table: FigureTable, locale: Locale): string {
  return bom + csvRows(table, textIn(locale))
}

/** Every table of the dashboard as one CSV: each table under its title, a blank line between. */
export function dashboardCsv(tables: FigureTable[], locale: Locale): string {
  const text = textIn(locale)
  return bom + tables.map((table) => stringify([[text.label(table.title)]]) + csvRows(table, text)).join('\n')
}

export function findTable(tables: FigureTable[], id: string): FigureTable {
  const table = tables.find((x) => x.id === id)
  if (!table) throw notFound('reports.errors.table')
  return table
}

