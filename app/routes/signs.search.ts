import type { LoaderFunctionArgs } from '@remix-run/node'
import { listTerms } from '~/modules/signs/terms.server'
import { AppError } from '~/platform/errors'
import { webRequest } from '~/platform/web.server'

/** Glossary terms matching `q`, as JSON, for the lesson editor's sign-word picker. */
export async function loader(args: LoaderFunctionArgs) {
  const web = await webRequest(args)
  if (!web.actor) return Response.json({ message: { key: 'errors.unauthorized' } }, { status: 401 })
  const url = new URL(args.request.url)
  try {
    const { terms } = await listTerms(web.rt.db, web.actor, { q: url.searchParams.get('q') ?? '' })
    return Response.json({ terms: terms.slice(0, 20) })
  } catch (error) {
    if (error instanceof AppError) return Response.json({ message: error.userMessage }, { status: error.status })
    throw error
  }
}
