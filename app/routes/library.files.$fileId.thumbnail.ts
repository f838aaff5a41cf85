import type { LoaderFunctionArgs } from '@remix-run/node'
import { thumbnailResponse } from '~/modules/library/files.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { parseResourceId } from './library'

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  return thumbnailResponse(web.rt, web.actor, parseResourceId(args.params.fileId))
})
