import type { LoaderFunctionArgs } from '@remix-run/node'
import { Readable } from 'node:stream'
import { contentDisposition } from '~/modules/library/files.server'
import { annualReportPdf } from '~/modules/reports/pdf.server'
import { annualReport } from '~/modules/reports/reports.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

/** The annual report as a PDF (tagged, with the Chinese glyphs it uses embedded). */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:reports')
  const report = await annualReport(web.rt.db, web.actor, args.params.year ?? '')
  const pdf = annualReportPdf(report, web.locale, web.rt.config.reportFont)
  return new Response(Readable.toWeb(pdf) as ReadableStream, {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': contentDisposition('attachment', `${report.district}-${report.year.id}.pdf`), 'Cache-Control': 'private, no-store' },
  })
})
