import type { LoaderFunctionArgs } from '@remix-run/node'
import { openPublishedFile } from '~/modules/media/delivery.server'
import { parseId, streamResponse, withMediaErrors } from '~/modules/media/http.server'
import { webRequest } from '~/platform/web.server'

/** Playlists, segments, poster and storyboard of an asset's published version (byte ranges supported). */
export const loader = withMediaErrors(async (args: LoaderFunctionArgs) => {
  const web = await webRequest(args)
  if (!web.actor) return new Response(null, { status: 401 })
  const range = parseRangeHeader(args.request.headers.get('Range'))
  const got = await openPublishedFile(web.rt, web.actor, parseId(args.params.assetId), args.params['*'] ?? '', range ?? undefined)
  return streamResponse(got, { cache: 'private, max-age=31536000, immutable' })
})

function parseRangeHeader(header: string | null) {
  const match = header ? /^bytes=(\d+)-(\d*)$/.exec(header.trim()) : null
  return match ? { start: Number(match[1]), end: match[2] ? Number(match[2]) : undefined } : null
}
