import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, lt, ne } from 'drizzle-orm'
import type { Database } from '#db/client'
import { loginAttempts, sessions, users } from '#db/schema'
import type { Actor } from './actor'

export const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000
export type SessionKind = 'cookie' | 'api'

const digest = (token: string) => createHash('sha256').update(token).digest('hex')

/** Returns the secret token; only its digest is stored, so a leaked table opens no session. */
export async function createSession(db: Database, userId: string, kind: SessionKind, userAgent?: string | null) {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(Date.now() + sessionLifetimeMs)
  await db.insert(sessions).values({ id: digest(token), userId, kind, expiresAt, userAgent: userAgent?.slice(0, 300) })
  return { token, expiresAt }
}

export async function actorForToken(db: Database, token: string, kind: SessionKind): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      districtId: users.districtId,
      schoolId: users.schoolId,
      locale: users.locale,
      preferences: users.preferences,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, digest(token)), eq(sessions.kind, kind), gt(sessions.expiresAt, new Date()), eq(users.active, true)))
  return row ?? null
}

export async function revokeSession(db: Database, token: string) {
  await db.delete(sessions).where(eq(sessions.id, digest(token)))
}

/** Signs a user out everywhere, except (when given) the session that asked for it. */
export async function revokeOtherSessions(db: Pick<Database, 'delete'>, userId: string, except?: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), except ? ne(sessions.id, digest(except)) : undefined))
}

/** The hourly clean-up job: expired sessions and day-old login attempts. */
export async function purgeExpired(db: Database) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()))
  await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(Date.now() - 24 * 60 * 60 * 1000)))
}
