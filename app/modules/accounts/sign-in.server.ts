import { and, eq, gt, or, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { loginAttempts, users } from '#db/schema'
import { AppError } from '~/platform/errors'
import { record } from './audit.server'
import { dummyHash, verifyPassword } from './passwords.server'
import { createSession, revokeSession, type SessionKind } from './sessions.server'

export const throttle = { windowMinutes: 15, maxFailuresPerLogin: 5, maxFailuresPerIp: 30 }

export interface SignInInput {
  login: string
  password: string
  ip: string
  userAgent?: string | null
  kind: SessionKind
}

/**
 * Checks the password and opens a session. Failures are counted per login and per address over a
 * sliding window; past the limit the answer is 429 whatever the password, so guessing gains nothing.
 */
export async function signIn(db: Database, input: SignInInput) {
  const login = input.login.trim().toLowerCase()
  const since = new Date(Date.now() - throttle.windowMinutes * 60_000)
  const [counts] = await db
    .select({
      byLogin: sql<number>`count(*) filter (where ${loginAttempts.login} = ${login})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${input.ip})`.mapWith(Number),
    })
    .from(loginAttempts)
    .where(and(gt(loginAttempts.at, since), eq(loginAttempts.succeeded, false), or(eq(loginAttempts.login, login), eq(loginAttempts.ip, input.ip))))
  if ((counts?.byLogin ?? 0) >= throttle.maxFailuresPerLogin || (counts?.byIp ?? 0) >= throttle.maxFailuresPerIp) {
    throw new AppError(429, { key: 'login.throttled', params: { minutes: throttle.windowMinutes } })
  }

  const [user] = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.username}) = ${login}`, sql`lower(${users.email}) = ${login}`))
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await dummyHash(), input.password), false)

  await db.insert(loginAttempts).values({ login, ip: input.ip, succeeded: ok })
  if (!user || !ok) {
    if (user) await record(db, { action: 'auth.sign-in-failed', actorId: user.id, districtId: user.districtId, ip: input.ip })
    throw new AppError(401, { key: 'login.failed' }, { log: { login } })
  }
  if (!user.active) throw new AppError(403, { key: 'login.inactive' })

  const session = await createSession(db, user.id, input.kind, input.userAgent)
  await record(db, { action: 'auth.sign-in', actorId: user.id, districtId: user.districtId, ip: input.ip, detail: { kind: input.kind } })
  return { ...session, user: { id: user.id, locale: user.locale } }
}

export async function signOut(db: Database, actor: { id: string; districtId: string }, token: string, ip: string) {
  await revokeSession(db, token)
  await record(db, { action: 'auth.sign-out', actorId: actor.id, districtId: actor.districtId, ip })
}
