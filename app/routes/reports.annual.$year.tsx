import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DataTable, useLabel } from '~/components/reports/figures'
import { periodLabel } from '~/modules/reports/periods'
import { annualReport } from '~/modules/reports/reports.server'
import { annualSummary, schoolsTable, termsTable, type FigureTable } from '~/modules/reports/tables'
import { pageLoader } from '~/platform/loader.server'
import { pageTitle } from '~/platform/page-title'
import { requireActor } from '~/platform/web.server'
import reportStyles from '~/styles/reports.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportStyles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reports.annual.pageTitle')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:reports')
  const report = await annualReport(web.rt.db, web.actor, args.params.year ?? '')
  return { report, summary: annualSummary(report), terms: termsTable(report), schools: schoolsTable(report) }
})

/** The annual quality-monitoring report (特殊教育质量监测) as a page made for printing. */
export default function AnnualReportPage() {
  const { report, summary, terms, schools } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const { label } = useLabel()
  const year = label(periodLabel(report.year))
  return (
    <article aria-labelledby="annual-title" className="reports annual">
      <h1 id="annual-title">{t('reports.annual.title', { district: report.district, year })}</h1>
      <p>{t('reports.annual.generated', { date: report.generatedAt.slice(0, 10) })}</p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('reports.annual.print')}
        </button>{' '}
        <a href={`/reports/annual/${report.year.id}/pdf`} className="button secondary" download>
          {t('reports.annual.pdf')}
        </a>{' '}
        <Link to={`/reports?period=${report.year.id}`}>{t('reports.annual.dashboard')}</Link>
      </p>
      <p>{t('reports.annual.scope')}</p>

      <h2>{t('reports.annual.summary')}</h2>
      <ul>
        {summary.map((sentence, i) => (
          <li key={i}>{label(sentence)}</li>
        ))}
      </ul>

      <h2>{t('reports.annual.terms')}</h2>
      <DataTable table={terms as FigureTable} />
      <h2>{t('reports.annual.bySchool')}</h2>
      <DataTable table={schools as FigureTable} />
      <h2>{t('reports.annual.details')}</h2>
      {(report.tables as FigureTable[]).map((table) => (
        <DataTable key={table.id} table={table} />
      ))}
    </article>
  )
}
