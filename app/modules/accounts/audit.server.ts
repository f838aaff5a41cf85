import { and, desc, eq, lt } from 'drizzle-orm'
import type { Database } from '#db/client'
import { auditLog, users } from '#db/schema'
import type { Actor } from './actor'
import { requirePermission } from './permissions'

export type AuditAction =
  | 'auth.sign-in'
  | 'auth.sign-in-failed'
  | 'auth.sign-out'
  | 'auth.password-changed'
  | 'school.created'
  | 'school.updated'
  | 'class.created'
  | 'class.updated'
  | 'class.member-added'
  | 'class.member-removed'
  | 'user.created'
  | 'user.updated'
  | 'user.family-linked'
  | 'user.family-unlinked'
  | 'users.imported'
  | 'resource.submitted'
  | 'resource.reviewed'
  | 'resource.archived'
  | 'resource.imported'
  | 'student-profile.read'
  | 'student-profile.updated'
  | 'student-profile.exported'
  | 'student-profile.deleted'
  | 'student.age-stated'
  | 'consent.recorded'
  | 'consent.withdrawn'

export interface AuditEntry {
  action: AuditAction
  actorId?: string | null
  districtId?: string | null
  targetType?: string
  targetId?: string
  detail?: Record<string, unknown>
  ip?: string | null
}

export async function record(db: Pick<Database, 'insert'>, entry: AuditEntry) {
  await db.insert(auditLog).values({ ...entry, detail: entry.detail ?? {} })
}

const pageSize = 50

/** The district's audit log, newest first; `before` is the id of the last entry of the previous page. */
export async function listAudit(db: Database, actor: Actor, options: { before?: number } = {}) {
  requirePermission(actor, 'read:audit')
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      detail: auditLog.detail,
      ip: auditLog.ip,
      actorName: users.displayName,
      actorUsername: users.username,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.districtId, actor.districtId), options.before ? lt(auditLog.id, options.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(pageSize + 1)
  return { entries: rows.slice(0, pageSize), nextBefore: rows.length > pageSize ? rows[pageSize - 1]!.id : null }
}
