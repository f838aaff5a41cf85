import type { LoaderFunctionArgs } from '@remix-run/node'
import { contentDisposition } from '~/modules/library/files.server'
import { dashboardCsv, dashboardFor, findTable, tableCsv } from '~/modules/reports/reports.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

/** The dashboard's figures as CSV: one table (?table=) or all of them, for the same period and school. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:reports')
  const url = new URL(args.request.url)
  const dashboard = await dashboardFor(web.rt.db, web.actor, { period: url.searchParams.get('period') ?? undefined, school: url.searchParams.get('school') ?? undefined })
  const tableId = url.searchParams.get('table')
  const csv = tableId ? tableCsv(findTable(dashboard.tables, tableId), web.locale) : dashboardCsv(dashboard.tables, web.locale)
  const name = `${dashboard.district}-${dashboard.period.id}${dashboard.school ? `-${dashboard.school.name}` : ''}${tableId ? `-${tableId}` : ''}.csv`
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': contentDisposition('attachment', name), 'Cache-Control': 'private, no-store' } })
})
