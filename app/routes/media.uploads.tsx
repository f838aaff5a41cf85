import type { ActionFunctionArgs } from '@remix-run/node'
import { handleTus } from '~/modules/media/tus.server'
import { webRequest } from '~/platform/web.server'

/** tus: POST creates a resumable upload (see media.uploads_.$uploadId for the rest of the protocol). */
export async function action(args: ActionFunctionArgs) {
  const web = await webRequest(args)
  return handleTus(args.request, web.actor, web.rt)
}

export async function loader() {
  return new Response(null, { status: 405, headers: { Allow: 'POST' } })
}
