import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportHtml, exportStudentData } from '~/modules/learning/profiles-export.server'
import { contentDisposition } from '~/modules/library/files.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

/** Everything stored about a student, for their teachers and family: JSON, or one readable HTML page. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const format = new URL(args.request.url).searchParams.get('format') === 'html' ? 'html' : 'json'
  const exported = await exportStudentData(web.rt.db, web.actor, args.params.studentId ?? '', { format, ip: web.ip })
  const name = `${exported.student.username}-${exported.exportedAt.slice(0, 10)}`
  if (format === 'json') {
    return new Response(JSON.stringify(exported, null, 2), {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': contentDisposition('attachment', `${name}.json`), 'Cache-Control': 'no-store' },
    })
  }
  return new Response(exportHtml(exported, web.locale), {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // No scripts can run or load; the page is plain text and styles.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  })
})
