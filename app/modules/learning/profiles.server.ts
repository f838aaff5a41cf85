import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#db/client'
import { studentProfiles } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { record } from '~/modules/accounts/audit.server'
import { requireStudent, type StudentRelation } from '~/modules/accounts/students.server'
import { forbidden, notFound, parseInput } from '~/platform/errors'
import { consentStatusOf, requirePersonalDataConsent, type ConsentStatus } from './consent.server'
import { profileCategories, type ProfileCategory } from './profiles'

/**
 * Student profiles: the minimum sensitive data (a disability category, the support needed). Only the
 * student's teachers and linked family see it — not the student's own account, not administrators
 * or researchers — and every read is written to the audit log (PIPL; decision record 010).
 */

export interface StudentProfile {
  disabilityCategory: ProfileCategory | null
  supportNeeds: string
  updatedAt: string
}

export interface ProfilePage {
  student: { id: string; displayName: string; username: string }
  relation: StudentRelation
  profile: StudentProfile | null
  consent: ConsentStatus
}

/** Teachers and family only: the student's own account does not read their sensitive profile. */
export async function requireProfileReader(db: Database, actor: Actor, studentId: string) {
  const reached = await requireStudent(db, actor, studentId)
  if (reached.relation === 'self') throw notFound('errors.studentUnreachable')
  return reached
}

export async function profileOf(db: Pick<Database, 'select'>, studentId: string): Promise<StudentProfile | null> {
  const [row] = await db.select().from(studentProfiles).where(eq(studentProfiles.studentId, studentId))
  return row ? { disabilityCategory: row.disabilityCategory as ProfileCategory | null, supportNeeds: row.supportNeeds, updatedAt: row.updatedAt.toISOString() } : null
}

/** The profile with the consent state; one audit row per read (`via`: page, api …). */
export async function readProfile(db: Database, actor: Actor, studentId: string, context: { via: string; ip?: string | null }): Promise<ProfilePage> {
  const { student, relation } = await requireProfileReader(db, actor, studentId)
  const profile = await profileOf(db, student.id)
  await record(db, { action: 'student-profile.read', actorId: actor.id, districtId: actor.districtId, targetType: 'student', targetId: student.id, detail: { via: context.via }, ip: context.ip ?? null })
  return { student: { id: student.id, displayName: student.displayName, username: student.username }, relation, profile, consent: await consentStatusOf(db, student.id) }
}

export const profileInput = z.object({
  disabilityCategory: z.union([z.enum(profileCategories), z.literal('')]).transform((v) => (v === '' ? null : v)),
  supportNeeds: z.string().trim().max(2000),
})

/** A teacher of the student saves the profile; refused (409, nothing stored) until consent allows it. */
export async function saveProfile(db: Database, actor: Actor, studentId: string, input: unknown, context: { ip?: string | null } = {}): Promise<StudentProfile> {
  const { student, relation } = await requireProfileReader(db, actor, studentId)
  if (relation !== 'teacher') throw forbidden()
  const data = parseInput(profileInput, input)
  return db.transaction(async (tx) => {
    await requirePersonalDataConsent(tx, student.id)
    const now = new Date()
    await tx
      .insert(studentProfiles)
      .values({ studentId: student.id, districtId: actor.districtId, ...data, updatedBy: actor.id, updatedAt: now })
      .onConflictDoUpdate({ target: studentProfiles.studentId, set: { ...data, updatedBy: actor.id, updatedAt: now } })
    await record(tx, { action: 'student-profile.updated', actorId: actor.id, districtId: actor.districtId, targetType: 'student', targetId: student.id, ip: context.ip ?? null })
    return { ...data, updatedAt: now.toISOString() }
  })
}
