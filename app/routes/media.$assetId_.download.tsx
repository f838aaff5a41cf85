import type { LoaderFunctionArgs } from '@remix-run/node'
import { openOfflineDownload } from '~/modules/media/delivery.server'
import { parseId, streamResponse, withMediaErrors } from '~/modules/media/http.server'
import { mediaTools } from '~/modules/media/transcode.server'
import { requireActor } from '~/platform/web.server'

/** The low-bandwidth rendition with its captions, as one MP4 to keep for offline use. */
export const loader = withMediaErrors(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const download = await openOfflineDownload({ ...web.rt, tools: mediaTools(web.rt.config.ffmpegPath) }, web.actor, parseId(args.params.assetId))
  return streamResponse(
    { body: download.body, object: { size: download.size, contentType: 'video/mp4' } },
    { cache: 'private, no-cache', disposition: `attachment; filename="video.mp4"; filename*=UTF-8''${encodeURIComponent(download.filename)}` },
  )
})
