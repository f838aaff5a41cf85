import { createCookie } from '@remix-run/node'
import type { Config } from './config.server'

/** The three cookies the portal sets; all httpOnly, SameSite=Lax, Secure outside development. */
export function createCookies(config: Pick<Config, 'sessionSecret' | 'secureCookies'>) {
  const base = { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, path: '/', secrets: [config.sessionSecret] }
  return {
    session: createCookie('tx_session', { ...base, maxAge: 30 * 24 * 60 * 60 }),
    csrf: createCookie('tx_csrf', base),
    /** A visitor's display preferences and language, until they sign in. */
    preferences: createCookie('tx_prefs', { ...base, maxAge: 365 * 24 * 60 * 60 }),
  }
}
export type Cookies = ReturnType<typeof createCookies>
