import type { LoaderFunctionArgs } from '@remix-run/node'
import { variantDocument } from '~/modules/library/export.server'
import { contentDisposition } from '~/modules/library/files.server'
import { getResource, recordDownload } from '~/modules/library/resources.server'
import { isVariantKey } from '~/modules/library/taxonomy'
import { notFound } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { parseResourceId } from './library'

/** One variant as a self-contained HTML file a teacher can keep, open offline or print. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  const key = args.params.key
  if (!isVariantKey(key)) throw notFound('library.errors.notFound')
  const v = new URL(args.request.url).searchParams.get('version')
  const resource = await getResource(web.rt.db, web.actor, parseResourceId(args.params.id), { version: v && /^\d+$/.test(v) ? Number(v) : undefined })
  const variant = resource.variants.find((x) => x.key === key)
  if (!variant) throw notFound('library.errors.notFound')
  const { fileName, html } = variantDocument(resource, variant, web.locale)
  if (resource.version !== null) await recordDownload(web.rt.db, resource.id)
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Disposition': contentDisposition('attachment', fileName),
      'X-Content-Type-Options': 'nosniff',
      // A saved document, never a page of ours: no scripts, no requests back to the portal.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; sandbox",
    },
  })
})
