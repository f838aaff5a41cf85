import type { LoaderFunctionArgs } from '@remix-run/node'
import { Readable } from 'node:stream'
import { contentDisposition } from '~/modules/library/files.server'
import { exportPackage } from '~/modules/library/package.server'
import { packageContentType } from '~/modules/library/package-format'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { parseResourceId } from './library'

/** The resource as a package another Tongxing installation can import, streamed as it is made. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  const v = new URL(args.request.url).searchParams.get('version')
  const { fileName, body } = await exportPackage(web.rt, web.actor, parseResourceId(args.params.id), { version: v && /^\d+$/.test(v) ? Number(v) : undefined })
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: { 'Content-Type': packageContentType, 'Content-Disposition': contentDisposition('attachment', fileName), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' },
  })
})
