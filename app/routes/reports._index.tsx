import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DataTable, Figure, useLabel, type Bar } from '~/components/reports/figures'
import { periodLabel } from '~/modules/reports/periods'
import { dashboardChoices, dashboardFor, reportYears } from '~/modules/reports/reports.server'
import { percent, type FigureTable } from '~/modules/reports/tables'
import { pageLoader } from '~/platform/loader.server'
import { pageTitle } from '~/platform/page-title'
import { requireActor } from '~/platform/web.server'
import reportStyles from '~/styles/reports.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportStyles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reports.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:reports')
  const url = new URL(args.request.url)
  const dashboard = await dashboardFor(web.rt.db, web.actor, { period: url.searchParams.get('period') ?? undefined, school: url.searchParams.get('school') ?? undefined })
  return { dashboard, ...(await dashboardChoices(web.rt.db, web.actor)), years: reportYears() }
})

export default function ReportsDashboard() {
  const { dashboard, periods, schools, years } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const { label, cell } = useLabel()
  const { figures, period, school } = dashboard
  const tables = dashboard.tables as FigureTable[]
  const table = (id: string) => tables.find((x) => x.id === id)!
  const query = `period=${period.id}${school ? `&school=${school.id}` : ''}`
  const csv = (id?: string) => `/reports/csv?${query}${id ? `&table=${id}` : ''}`
  const periodName = label(periodLabel(period))
  const v = figures.videos
  const coverage = figures.library.coverage
  const covered = coverage.reduce((n, c) => n + c.covered, 0)
  const required = coverage.reduce((n, c) => n + c.required, 0)
  const groupsMet = figures.research.groups.filter((g) => g.met).length
  const share = (part: number, whole: number) => {
    const value = percent(part, whole)
    return value === null ? '—' : `${value}%`
  }
  const target = figures.research.groups[0]?.target ?? period.terms * 2

  const countBars = (rows: FigureTable['rows']): Bar[] => rows.map((row) => ({ label: cell(row[0]!), value: typeof row[1] === 'number' ? row[1] : null }))

  return (
    <section aria-labelledby="reports-title" className="reports">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <p>{t('reports.scopeLine', { district: dashboard.district, scope: school ? school.name : t('reports.wholeDistrict'), period: periodName })}</p>

      <Form method="get" className="report-filters no-print" aria-label={t('reports.filters')}>
        <label>
          {t('reports.period.label')}
          <select name="period" defaultValue={period.id}>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {label(periodLabel(p))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.school')}
          <select name="school" defaultValue={school?.id ?? ''}>
            <option value="">{t('reports.wholeDistrict')}</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('reports.apply')}</button>
      </Form>

      <h2 id="kpi-title">{t('reports.atAGlance')}</h2>
      <ul className="kpis" aria-labelledby="kpi-title">
        <li>
          <strong>{figures.library.published}</strong> {t('reports.kpi.published', { fresh: figures.library.newInPeriod })}
        </li>
        <li>
          <strong>{share(covered, required)}</strong> {t('reports.kpi.coverage', { covered, required })}
        </li>
        <li>
          <strong>{share(v.captions, v.total)}</strong> {t('reports.kpi.captions', { total: v.total })}
        </li>
        <li>
          <strong>
            {groupsMet}/{figures.research.groups.length}
          </strong>{' '}
          {t('reports.kpi.topicTarget', { target })}
        </li>
        <li>
          <strong>{share(figures.learning.done, figures.learning.assigned)}</strong> {t('reports.kpi.completion', { assigned: figures.learning.assigned })}
        </li>
        <li>
          <strong>{figures.homeVisits.visits}</strong> {t('reports.kpi.homeVisits', { students: figures.homeVisits.students })}
        </li>
      </ul>

      <h2 id="coverage-title">{t('reports.sections.coverage')}</h2>
      <p>{t('reports.coverageIntro')}</p>
      <Figure table={table('coverage')} csvHref={csv('coverage')} bars={coverage.map((c) => ({ label: t(`library.schoolTypes.${c.schoolType}`), value: percent(c.covered, c.required), flagged: c.covered < c.required }))} unit="%" />
      {tables
        .filter((x) => x.id.startsWith('coverage-'))
        .map((x) => {
          const gaps = x.flagged?.length ?? 0
          return (
            <details key={x.id} className="coverage">
              <summary>{t('reports.coverageDetails', { title: label(x.title), gaps })}</summary>
              <DataTable table={x} />
              <p className="no-print">
                <a href={csv(x.id)} download>
                  {t('reports.csvOne')}
                </a>
              </p>
            </details>
          )
        })}

      <h2 id="library-title">{t('reports.sections.library')}</h2>
      <div className="figure-grid">
        <Figure table={table('kinds')} bars={countBars(table('kinds').rows)} csvHref={csv('kinds')} />
        <Figure table={table('disabilities')} bars={countBars(table('disabilities').rows)} csvHref={csv('disabilities')} />
      </div>

      <h2 id="videos-title">{t('reports.sections.videos')}</h2>
      <Figure table={table('videos')} bars={table('videos').rows.map((row) => ({ label: cell(row[0]!), value: row[2] as number | null }))} unit="%" csvHref={csv('videos')} />

      <h2 id="research-title">{t('reports.sections.research')}</h2>
      <Figure
        table={table('research-groups')}
        bars={figures.research.groups.map((g) => ({ label: g.name, value: g.topic, flagged: !g.met }))}
        target={target}
        targetLabel={t('reports.targetLine', { target })}
        csvHref={csv('research-groups')}
      />
      <div className="figure-grid">
        <Figure table={table('session-kinds')} bars={countBars(table('session-kinds').rows)} csvHref={csv('session-kinds')} />
        <Figure table={table('studies')} csvHref={csv('studies')} />
      </div>

      <h2 id="learning-title">{t('reports.sections.learning')}</h2>
      <div className="figure-grid">
        <Figure table={table('learning')} csvHref={csv('learning')} />
        <Figure table={table('home-visits')} csvHref={csv('home-visits')} />
      </div>

      <h2 id="downloads-title">{t('reports.downloads')}</h2>
      <ul aria-labelledby="downloads-title" className="no-print">
        <li>
          <a href={csv()} download>
            {t('reports.csvAll')}
          </a>
        </li>
        {years.map((year) => (
          <li key={year.id}>
            <Link to={`/reports/annual/${year.id}`}>{t('reports.annual.link', { year: label(periodLabel(year)) })}</Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
