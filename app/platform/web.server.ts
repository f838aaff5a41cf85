import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import type { DisplayPreferences } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { requirePermission, type Permission } from '~/modules/accounts/permissions'
import { actorForToken } from '~/modules/accounts/sessions.server'
import { createCookies, type Cookies } from './cookies.server'
import { csrfField, csrfIsValid } from './csrf.server'
import { AppError, type ActionResult } from './errors'
import { defaultLocale, isLocale, type Locale } from './i18n'
import { runtime, type Runtime } from './runtime.server'

/** What server.ts passes to every loader and action. */
export interface LoadContext {
  ip?: string
}

export interface WebRequest {
  rt: Runtime
  cookies: Cookies
  actor: Actor | null
  /** The session token, so a password change can keep this session and end the others. */
  token: string | null
  ip: string
  locale: Locale
  preferences: DisplayPreferences
}

type Args = Pick<LoaderFunctionArgs, 'request' | 'context'>

const cookiesByRuntime = new WeakMap<Runtime, Cookies>()
export function cookiesOf(rt: Runtime): Cookies {
  let cookies = cookiesByRuntime.get(rt)
  if (!cookies) cookiesByRuntime.set(rt, (cookies = createCookies(rt.config)))
  return cookies
}

export async function webRequest({ request, context }: Args): Promise<WebRequest> {
  const rt = await runtime()
  const cookies = cookiesOf(rt)
  const cookieHeader = request.headers.get('Cookie')
  const token = await cookies.session.parse(cookieHeader)
  const actor = typeof token === 'string' && token ? await actorForToken(rt.db, token, 'cookie') : null
  const visitor = ((await cookies.preferences.parse(cookieHeader)) ?? {}) as DisplayPreferences & { locale?: string }
  const locale = actor ? actor.locale : visitor.locale
  return {
    rt,
    cookies,
    actor,
    token: actor ? (token as string) : null,
    ip: (context as LoadContext).ip ?? 'unknown',
    locale: isLocale(locale) ? locale : defaultLocale,
    preferences: actor ? actor.preferences : { fontScale: visitor.fontScale, contrast: visitor.contrast, reducedMotion: visitor.reducedMotion },
  }
}

/** Pages that need a signed-in user send visitors to sign in and come back; a wrong role is a 403. */
export async function requireActor(args: Args, permission?: Permission): Promise<WebRequest & { actor: Actor }> {
  const web = await webRequest(args)
  if (!web.actor) {
    const url = new URL(args.request.url)
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  if (permission) requirePermission(web.actor, permission)
  return web as WebRequest & { actor: Actor }
}

/**
 * Every form post has one shape: CSRF check → the handler (which authenticates, parses with zod and
 * calls one module function) → a result. A user's mistake comes back as a 4xx with translated
 * messages for the form; nothing they typed is lost, as the form keeps its values.
 */
export function formAction<T>(handler: (args: ActionFunctionArgs, form: FormData, web: WebRequest) => Promise<T>) {
  return async (args: ActionFunctionArgs) => {
    const web = await webRequest(args)
    const form = await args.request.formData()
    if (!(await csrfIsValid(web.cookies, web.rt.config.sessionSecret, args.request, form.get(csrfField)))) {
      return data<ActionResult>({ ok: false, error: { message: { key: 'errors.csrf' } } }, { status: 403 })
    }
    try {
      return await handler(args, form, web)
    } catch (error) {
      if (error instanceof AppError) {
        return data<ActionResult>({ ok: false, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
      }
      throw error
    }
  }
}

export const formObject = (form: FormData) => Object.fromEntries([...form.entries()].filter(([key]) => key !== csrfField))
