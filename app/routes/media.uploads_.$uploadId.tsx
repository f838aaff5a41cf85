import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { handleTus } from '~/modules/media/tus.server'
import { webRequest } from '~/platform/web.server'

/** tus: HEAD tells how far an upload got; PATCH appends; DELETE cancels. */
export async function loader(args: LoaderFunctionArgs) {
  const web = await webRequest(args)
  return handleTus(args.request, web.actor, web.rt, args.params.uploadId)
}

export async function action(args: ActionFunctionArgs) {
  const web = await webRequest(args)
  return handleTus(args.request, web.actor, web.rt, args.params.uploadId)
}
