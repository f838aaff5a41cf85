import type { LoaderFunctionArgs } from '@remix-run/node'
import { attachmentResponse } from '~/modules/research/sessions.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

/** A session's attachment, for whoever may read the session. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return attachmentResponse(web.rt, web.actor, args.params.fileId ?? '')
})
