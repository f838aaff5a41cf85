import type { Figures } from './figures.server'
import { stages as stageOrder } from '~/modules/library/taxonomy'
import { topicTarget } from '~/modules/research/semester'
import { periodLabel } from './periods'
import type { AnnualReport } from './reports.server'

/**
 * The figures as tables: the one shape the dashboard's data tables, the CSV files, the printable
 * report and the PDF are all made from, so they cannot disagree. Labels are i18n keys, translated
 * where the table is shown. Pure and isomorphic (only the Figures type comes from the server module).
 */
export interface Label {
  key: string
  params?: Record<string, string | number>
}
export type Cell = string | number | Label | null

export interface FigureTable {
  id: string
  title: Label
  columns: Label[]
  rows: Cell[][]
  /** Cells that mark a shortfall (a curriculum gap, a target not met), as [row, column]. */
  flagged?: [number, number][]
}

export const tableIds = ['coverage', 'kinds', 'disabilities', 'videos', 'research-groups', 'session-kinds', 'studies', 'learning', 'home-visits'] as const
export type TableId = (typeof tableIds)[number]

/** Share of `whole`, one decimal, or null when there is nothing to share. */
export const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10)
const l = (key: string, params?: Record<string, string | number>): Label => ({ key, params })


export function coverageTables(figures: Figures): FigureTable[] {
  return figures.library.coverage.map((table) => {
    const subjectsInOrder = [...new Set(table.cells.map((c) => c.subject))]
    const stages = stageOrder.filter((stage) => table.cells.some((c) => c.stage === stage))
    const flagged: [number, number][] = []
    const rows = subjectsInOrder.map((subject, r) => [
      l(`library.subjects.${subject}`),
      ...stages.map((stage, c) => {
        const cell = table.cells.find((x) => x.subject === subject && x.stage === stage)
        if (!cell) return null
        if (cell.count === 0 && !cell.optional) flagged.push([r, c + 1])
        return cell.count
      }),
    ])
    return {
      id: `coverage-${table.schoolType}`,
      title: l('reports.tables.coverage', { schoolType: `library.schoolTypes.${table.schoolType}`, covered: table.covered, required: table.required }),
      columns: [l('reports.columns.subject'), ...stages.map((stage) => l(`stages.${stage}`))],
      rows,
      flagged,
    }
  })
}

export function figureTables(figures: Figures): FigureTable[] {
  const v = figures.videos
  const lf = figures.learning
  const research = figures.research
  return [
    {
      id: 'coverage',
      title: l('reports.tables.coverageSummary'),
      columns: [l('reports.columns.schoolType'), l('reports.columns.covered'), l('reports.columns.required'), l('reports.columns.percent')],
      rows: figures.library.coverage.map((c) => [l(`library.schoolTypes.${c.schoolType}`), c.covered, c.required, percent(c.covered, c.required)]),
    },
    ...coverageTables(figures),
    {
      id: 'kinds',
      title: l('reports.tables.kinds'),
      columns: [l('reports.columns.kind'), l('reports.columns.count')],
      rows: figures.library.byKind.map((k) => [l(`library.kinds.${k.kind}`), k.count]),
    },
    {
      id: 'disabilities',
      title: l('reports.tables.disabilities'),
      columns: [l('reports.columns.disability'), l('reports.columns.count')],
      rows: figures.library.byDisability.map((d) => [l(`library.categories.${d.category}`), d.count]),
    },
    {
      id: 'videos',
      title: l('reports.tables.videos', { total: v.total }),
      columns: [l('reports.columns.support'), l('reports.columns.videos'), l('reports.columns.percent')],
      rows: [
        [l('reports.support.captions'), v.captions, percent(v.captions, v.total)],
        [l('reports.support.signLanguage'), v.signLanguage, percent(v.signLanguage, v.total)],
        [l('reports.support.audioDescription'), v.audioDescription, percent(v.audioDescription, v.total)],
      ],
    },
    {
      id: 'research-groups',
      title: l('reports.tables.researchGroups'),
      columns: [l('reports.columns.group'), l('reports.columns.sessions'), l('reports.columns.topic'), l('reports.columns.target'), l('reports.columns.met'), l('reports.columns.attendance')],
      rows: research.groups.map((g) => [g.name, g.sessions, g.topic, g.target, l(g.met ? 'reports.met.yes' : 'reports.met.no'), percent(g.attended, g.invited)]),
      flagged: research.groups.flatMap((g, r): [number, number][] => (g.met ? [] : [[r, 4]])),
    },
    {
      id: 'session-kinds',
      title: l('reports.tables.sessionKinds'),
      columns: [l('reports.columns.sessionKind'), l('reports.columns.count')],
      rows: research.sessionsByKind.map((k) => [l(`research.kinds.${k.kind}`), k.count]),
    },
    {
      id: 'studies',
      title: l('reports.tables.studies'),
      columns: [l('reports.columns.measure'), l('reports.columns.count')],
      rows: [
        [l('reports.studies.begun'), research.studies.begun],
        [l('reports.studies.finished'), research.studies.finished],
        [l('reports.studies.exemplary'), research.studies.exemplary],
      ],
    },
    {
      id: 'learning',
      title: l('reports.tables.learning'),
      columns: [l('reports.columns.measure'), l('reports.columns.count')],
      rows: [
        [l('reports.learning.assignments'), lf.assignments],
        [l('reports.learning.students'), lf.students],
        [l('reports.learning.assigned'), lf.assigned],
        [l('reports.learning.done'), lf.done],
        [l('reports.learning.completion'), percent(lf.done, lf.assigned)],
      ],
    },
    {
      id: 'home-visits',
      title: l('reports.tables.homeVisits'),
      columns: [l('reports.columns.measure'), l('reports.columns.count')],
      rows: [
        [l('reports.homeVisits.visits'), figures.homeVisits.visits],
        [l('reports.homeVisits.students'), figures.homeVisits.students],
        [l('reports.homeVisits.teachers'), figures.homeVisits.teachers],
        [l('reports.homeVisits.hours'), Math.round((figures.homeVisits.minutes / 60) * 10) / 10],
      ],
    },
  ]
}

/** Whether a cell marks a shortfall; the page and the PDF then say so in words, not only in colour. */
export const isFlagged = (table: FigureTable, row: number, column: number) => table.flagged?.some(([r, c]) => r === row && c === column) ?? false

/** The annual report's key figures as sentences, for its page and its PDF. */
export function annualSummary(report: AnnualReport): Label[] {
  const f = report.figures
  const share = (part: number, whole: number) => percent(part, whole) ?? '—'
  return [
    l('reports.annual.summaryLibrary', { published: f.library.published, fresh: f.library.newInPeriod }),
    ...f.library.coverage.map((c) => l('reports.annual.summaryCoverage', { schoolType: `library.schoolTypes.${c.schoolType}`, covered: c.covered, required: c.required })),
    l('reports.annual.summaryVideos', { total: f.videos.total, captions: share(f.videos.captions, f.videos.total), sign: share(f.videos.signLanguage, f.videos.total), ad: share(f.videos.audioDescription, f.videos.total) }),
    l('reports.annual.summaryResearch', { groups: f.research.groups.length, met: f.research.groups.filter((g) => g.met).length, target: topicTarget * report.year.terms, studies: f.research.studies.finished }),
    l('reports.annual.summaryLearning', { assigned: f.learning.assigned, completion: share(f.learning.done, f.learning.assigned), visits: f.homeVisits.visits, students: f.homeVisits.students }),
  ]
}

/**
 * Labels and cells in the reader's language, for the page, the CSV and the PDF alike: numbers as they
 * are, a missing share as "—", and params that are themselves i18n keys (a school type inside a
 * title) translated too.
 */
export function tableText(t: (key: string, params?: Record<string, unknown>) => string) {
  const params = (p: Label['params']) => p && Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' && /^[a-z]+(\.[A-Za-z_-]+)+$/.test(v) ? t(v) : v]))
  const label = (l: Label) => t(l.key, params(l.params))
  const cell = (c: Cell): string => (c === null ? '—' : typeof c === 'number' ? String(c) : typeof c === 'string' ? c : label(c))
  return { label, cell }
}

/** The two terms side by side, for the year-on-term view. */
export function termsTable(report: AnnualReport): FigureTable {
  const row = (key: string, pick: (f: AnnualReport['figures']) => number) => [{ key }, ...report.terms.map((term) => pick(term.figures))]
  return {
    id: 'terms',
    title: { key: 'reports.tables.terms' },
    columns: [{ key: 'reports.columns.measure' }, ...report.terms.map((term) => periodLabel(term.period))],
    rows: [
      row('reports.learning.newResources', (f) => f.library.newInPeriod),
      row('reports.terms.topicSessions', (f) => f.research.sessionsByKind.find((k) => k.kind === 'topic')?.count ?? 0),
      row('reports.terms.allSessions', (f) => f.research.sessionsByKind.reduce((n, k) => n + k.count, 0)),
      row('reports.studies.finished', (f) => f.research.studies.finished),
      row('reports.learning.assigned', (f) => f.learning.assigned),
      row('reports.learning.done', (f) => f.learning.done),
      row('reports.homeVisits.visits', (f) => f.homeVisits.visits),
    ],
  }
}

export function schoolsTable(report: AnnualReport): FigureTable {
  return {
    id: 'schools',
    title: { key: 'reports.tables.schools' },
    columns: ['school', 'published', 'videos', 'captioned', 'topicSessions', 'assigned', 'completion', 'homeVisits'].map((key) => ({ key: `reports.columns.${key}` })),
    rows: report.schools.map((s) => [s.school.name, s.published, s.videos, percent(s.captioned, s.videos), s.topicSessions, s.assigned, percent(s.done, s.assigned), s.homeVisits]),
  }
}
