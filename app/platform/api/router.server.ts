import { actorForToken } from '~/modules/accounts/sessions.server'
import { AppError, parseInput, type Message } from '../errors'
import { defaultLocale, translateAll, type Locale } from '../i18n'
import { runtime } from '../runtime.server'
import { cookiesOf, type LoadContext } from '../web.server'
import type { ApiContext, Endpoint } from './endpoint'

export const apiBase = '/api/v1'

interface Route {
  endpoint: Endpoint
  pattern: RegExp
  names: string[]
}

export function createRouter(endpoints: Endpoint[]) {
  const routes: Route[] = endpoints.map((endpoint) => {
    const names: string[] = []
    const source = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))
    return { endpoint, pattern: new RegExp(`^${source}/?$`), names }
  })

  return async function handle(request: Request, context: LoadContext): Promise<Response> {
    const locale = preferredLocale(request)
    try {
      const url = new URL(request.url)
      const path = url.pathname.slice(apiBase.length) || '/'
      const matching = routes.map((route) => ({ route, match: route.pattern.exec(path) })).filter((r) => r.match)
      if (matching.length === 0) throw new AppError(404, { key: 'errors.notFound' })
      const found = matching.find((r) => r.route.endpoint.method === request.method)
      if (!found) throw new AppError(405, { key: 'errors.methodNotAllowed' })
      const { endpoint, names } = found.route
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found.match![i + 1]!)]))

      const rt = await runtime()
      const { actor, token } = await authenticate(request, rt)
      if (endpoint.auth !== false && !actor) throw new AppError(401, { key: 'errors.unauthorized' })
      const query = endpoint.query ? parseInput(endpoint.query, Object.fromEntries(url.searchParams)) : {}
      const body = endpoint.body ? await readBody(request) : undefined
      const ctx = { rt, actor, token, ip: context.ip ?? 'unknown', request, locale } as ApiContext
      const result = await endpoint.handle(ctx, { params, query, body })
      // A file download answers with its own streamed response.
      if (result instanceof Response) return result
      return endpoint.status === 204 ? new Response(null, { status: 204 }) : Response.json(result, { status: endpoint.status ?? 200 })
    } catch (error) {
      if (error instanceof Response) throw error
      if (error instanceof AppError) return errorResponse(error.status, error.userMessage, locale, error.options.fields)
      console.error('[api]', error)
      return errorResponse(500, { key: 'errors.server' }, locale)
    }
  }
}

/**
 * A bearer token from POST /session works for every method. A browser's cookie session is accepted
 * for reads only: writes through the API need the token, so a forged cross-site request cannot write.
 */
async function authenticate(request: Request, rt: ApiContext['rt']) {
  const bearer = request.headers.get('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1]
  if (bearer) return { actor: await actorForToken(rt.db, bearer, 'api'), token: bearer }
  if (request.method === 'GET') {
    const cookie = await cookiesOf(rt).session.parse(request.headers.get('Cookie'))
    if (typeof cookie === 'string' && cookie) return { actor: await actorForToken(rt.db, cookie, 'cookie'), token: null }
  }
  return { actor: null, token: null }
}

async function readBody(request: Request): Promise<unknown> {
  const type = request.headers.get('Content-Type') ?? ''
  if (type.includes('text/csv')) return { csv: await request.text() }
  if (!type.includes('application/json')) throw new AppError(415, { key: 'errors.unsupportedMediaType' })
  try {
    return await request.json()
  } catch {
    throw new AppError(400, { key: 'errors.invalidJson' })
  }
}

function preferredLocale(request: Request): Locale {
  return /^en\b/i.test(request.headers.get('Accept-Language') ?? '') ? 'en' : defaultLocale
}

function errorResponse(status: number, message: Message, locale: Locale, fields?: Record<string, Message>) {
  const messages = translateAll(message.key, message.params)
  const body = {
    error: {
      code: message.key.replace(/^errors\./, ''),
      message: messages[locale],
      messages,
      fields: fields
        ? Object.fromEntries(Object.entries(fields).map(([name, m]) => {
            const fieldMessages = translateAll(m.key, m.params)
            return [name, { code: m.key.replace(/^errors\./, ''), message: fieldMessages[locale], messages: fieldMessages }]
          }),
        )
        : undefined,
    },
  }
  return Response.json(body, { status })
}
