import { Readable } from 'node:stream'
import { z } from 'zod'
import { contentDisposition } from '~/modules/library/files.server'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { annualReportPdf } from './pdf.server'
import { annualReport, dashboardCsv, dashboardFor, dashboardInput, findTable, tableCsv } from './reports.server'

const tag = 'reports'
const label = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
const table = z.object({
  id: z.string(),
  title: label,
  columns: z.array(label),
  rows: z.array(z.array(z.union([z.string(), z.number(), label, z.null()]))),
  flagged: z.array(z.tuple([z.number(), z.number()])).optional(),
})
const period = z.object({ id: z.string(), kind: z.enum(['term', 'year']), schoolYear: z.number(), term: z.enum(['autumn', 'spring']).nullable(), start: z.string(), end: z.string(), terms: z.number() })
const csvResponse = (csv: string, name: string) => new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': contentDisposition('attachment', name) } })

export const reportsEndpoints: Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/reports/dashboard',
    tag,
    summary: 'Quality-monitoring figures of the district or one school (?school=) for a term or school year (?period=2025-2026-autumn | 2025-2026; the current term by default): curriculum coverage and gaps, resources by kind and disability, video accessibility, 教研 sessions against the target, lesson studies, assignments, home visits. Admins and researchers',
    query: dashboardInput.extend({ format: z.enum(['json', 'csv']).optional() }),
    response: z.object({ district: z.string(), period, school: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(), figures: z.record(z.string(), z.unknown()), tables: z.array(table), generatedAt: z.string() }),
    handle: async ({ rt, actor, locale }, { query }) => {
      const dashboard = await dashboardFor(rt.db, actor, query)
      return query.format === 'csv' ? csvResponse(dashboardCsv(dashboard.tables, locale), `${dashboard.period.id}.csv`) : dashboard
    },
  }),
  endpoint({
    method: 'GET',
    path: '/reports/tables/{table}',
    tag,
    summary: 'One figure table of the dashboard (coverage-peizhi, kinds, disabilities, videos, research-groups, session-kinds, studies, learning, home-visits); ?format=csv for CSV in the Accept-Language',
    query: dashboardInput.extend({ format: z.enum(['json', 'csv']).optional() }),
    response: table,
    handle: async ({ rt, actor, locale }, { params, query }) => {
      const dashboard = await dashboardFor(rt.db, actor, query)
      const found = findTable(dashboard.tables, params.table ?? '')
      return query.format === 'csv' ? csvResponse(tableCsv(found, locale), `${dashboard.period.id}-${found.id}.csv`) : found
    },
  }),
  endpoint({
    method: 'GET',
    path: '/reports/annual/{year}',
    tag,
    summary: 'The annual quality-monitoring report (特殊教育质量监测) of a school year (2025-2026): the year’s figures, its two terms and a line per school; ?format=pdf for the tagged PDF',
    query: z.object({ format: z.enum(['json', 'pdf']).optional() }),
    response: z.object({ district: z.string(), year: period, figures: z.record(z.string(), z.unknown()), tables: z.array(table), schools: z.array(z.record(z.string(), z.unknown())), generatedAt: z.string() }),
    handle: async ({ rt, actor, locale }, { params, query }) => {
      const report = await annualReport(rt.db, actor, params.year ?? '')
      if (query.format === 'pdf') {
        const pdf = annualReportPdf(report, locale, rt.config.reportFont)
        return new Response(Readable.toWeb(pdf) as ReadableStream, { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': contentDisposition('attachment', `${report.year.id}.pdf`) } })
      }
      const { terms: _terms, ...rest } = report
      return rest
    },
  }),
]
