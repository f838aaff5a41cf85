import type { LoaderFunctionArgs } from '@remix-run/node'
import { getTermForReader } from '~/modules/signs/terms.server'
import { AppError } from '~/platform/errors'
import { webRequest } from '~/platform/web.server'

/** A term and its video as JSON, for the sign dialog a reader opens from a marked word in a lesson. */
export async function loader(args: LoaderFunctionArgs) {
  const web = await webRequest(args)
  if (!web.actor) return Response.json({ message: { key: 'errors.unauthorized' } }, { status: 401 })
  try {
    return Response.json(await getTermForReader(web.rt.db, web.actor, args.params.id ?? ''))
  } catch (error) {
    if (error instanceof AppError) return Response.json({ message: error.userMessage }, { status: error.status })
    throw error
  }
}
