import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { loader as rootLoader } from '../../app/root'
import { baseUrl } from './http'

type RouteFn = (args: ActionFunctionArgs | LoaderFunctionArgs) => unknown

export interface PageResult {
  status: number
  data: any
  headers: Headers
  location: string | null
}

/** Remix hands back a Response, a data() wrapper or a plain value; this makes them one shape. */
async function settle(run: () => unknown): Promise<PageResult> {
  let value: unknown
  try {
    value = await run()
  } catch (thrown) {
    value = thrown
  }
  if (value instanceof Response) {
    const text = await value.text()
    let data: unknown = text
    try {
      data = text ? JSON.parse(text) : null
    } catch {}
    return { status: value.status, data, headers: value.headers, location: value.headers.get('Location') }
  }
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'DataWithResponseInit') {
    const { data, init } = value as { data: unknown; init?: ResponseInit | null }
    return { status: init?.status ?? 200, data, headers: new Headers(init?.headers), location: null }
  }
  if (value instanceof Error) throw value
  return { status: 200, data: value, headers: new Headers(), location: null }
}

/**
 * A browser as the route modules see it: a cookie jar, and the CSRF token the page's forms carry.
 * Loaders and actions are called directly, with the same Request a browser would send.
 */
export class Browser {
  private cookies = new Map<string, string>()
  csrf = ''

  private absorb(headers: Headers) {
    for (const cookie of headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const [name, ...rest] = pair!.split('=')
      const value = rest.join('=')
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value === '') this.cookies.delete(name!.trim())
      else this.cookies.set(name!.trim(), value)
    }
  }

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  has(cookie: string) {
    return this.cookies.has(cookie)
  }

  async open(path: string, loader?: RouteFn, params: Record<string, string> = {}) {
    const request = () => new Request(baseUrl + path, { headers: { Cookie: this.cookieHeader } })
    const root = await settle(() => rootLoader({ request: request(), context: { ip: '127.0.0.1' }, params: {} }))
    this.absorb(root.headers)
    if (root.data?.csrf) this.csrf = root.data.csrf
    if (!loader) return root
    const page = await settle(() => loader({ request: request(), context: { ip: '127.0.0.1' }, params }))
    this.absorb(page.headers)
    return page
  }

  async submit(path: string, action: RouteFn, fields: Record<string, string | Blob>, options: { params?: Record<string, string>; csrf?: string | null } = {}) {
    const form = new FormData()
    const token = options.csrf === undefined ? this.csrf : options.csrf
    if (token !== null) form.set('csrf', token)
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    const request = new Request(baseUrl + path, { method: 'POST', body: form, headers: { Cookie: this.cookieHeader } })
    const result = await settle(() => action({ request, context: { ip: '127.0.0.1' }, params: options.params ?? {} }))
    this.absorb(result.headers)
    return result
  }

  async signIn(login: string, password = 'tongxing-demo') {
    const { action } = await import('../../app/routes/login')
    await this.open('/login')
    const result = await this.submit('/login', action as RouteFn, { login, password, redirectTo: '/' })
    if (result.status !== 302) throw new Error(`sign-in as ${login} failed: ${JSON.stringify(result.data)}`)
    return result
  }
}
