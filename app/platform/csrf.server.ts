import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Cookies } from './cookies.server'

export const csrfField = 'csrf'

const tokenFor = (secret: string, seed: string) => createHmac('sha256', secret).update(`csrf:${seed}`).digest('base64url')

/**
 * Synchronizer tokens for every form post: a random seed in a signed cookie, and in each form an
 * HMAC of it that a page on another site cannot read or forge. Returns a Set-Cookie when the seed is new.
 */
export async function issueCsrf(cookies: Cookies, secret: string, request: Request) {
  const existing = await cookies.csrf.parse(request.headers.get('Cookie'))
  if (typeof existing === 'string' && existing) return { token: tokenFor(secret, existing), setCookie: null }
  const seed = randomBytes(24).toString('base64url')
  return { token: tokenFor(secret, seed), setCookie: await cookies.csrf.serialize(seed) }
}

export async function csrfIsValid(cookies: Cookies, secret: string, request: Request, submitted: FormDataEntryValue | null) {
  const seed = await cookies.csrf.parse(request.headers.get('Cookie'))
  if (typeof seed !== 'string' || !seed || typeof submitted !== 'string') return false
  const expected = Buffer.from(tokenFor(secret, seed))
  const given = Buffer.from(submitted)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
