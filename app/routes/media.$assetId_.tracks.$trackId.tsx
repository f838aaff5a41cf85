import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseId, streamResponse, withMediaErrors } from '~/modules/media/http.server'
import { openTextTrack } from '~/modules/media/text-tracks.server'
import { webRequest } from '~/platform/web.server'

/** One caption, description or chapter track as WebVTT. */
export const loader = withMediaErrors(async (args: LoaderFunctionArgs) => {
  const web = await webRequest(args)
  if (!web.actor) return new Response(null, { status: 401 })
  const { body, size } = await openTextTrack(web.rt, web.actor, parseId(args.params.assetId), args.params.trackId ?? '')
  return streamResponse({ body, object: { size, contentType: 'text/vtt; charset=utf-8' } }, { cache: 'private, no-cache' })
})
