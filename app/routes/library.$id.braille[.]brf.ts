import type { LoaderFunctionArgs } from '@remix-run/node'
import { brailleLayoutOf, brfOf, getResourceBraille } from '~/modules/braille/resource.server'
import { contentDisposition } from '~/modules/library/files.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { parseResourceId } from './library'

/** The resource's braille (corrected where a teacher corrected it) as BRF for embossers. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  const { scheme, ...layout } = brailleLayoutOf(new URL(args.request.url))
  const view = await getResourceBraille(web.rt.db, web.actor, parseResourceId(args.params.id), scheme)
  const { brf } = brfOf(view.braille, layout)
  return new Response(brf, {
    headers: { 'Content-Type': 'text/plain; charset=us-ascii', 'Content-Disposition': contentDisposition('attachment', `${view.resource.title}.brf`), 'Cache-Control': 'private, no-cache' },
  })
})
