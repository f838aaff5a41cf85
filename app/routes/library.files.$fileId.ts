import type { LoaderFunctionArgs } from '@remix-run/node'
import { fileResponse } from '~/modules/library/files.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { parseResourceId } from './library'

/** A resource's file, inline where a browser can show it, or saved (and counted) with ?download=1. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  const download = new URL(args.request.url).searchParams.get('download') === '1'
  return fileResponse(web.rt, web.actor, parseResourceId(args.params.fileId), args.request, { download })
})
