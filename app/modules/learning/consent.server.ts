import { and, desc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#db/client'
import { guardianConsents, studentAgeStatements, users } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { record } from '~/modules/accounts/audit.server'
import { isUniqueViolation } from '~/modules/accounts/db-errors'
import { requireStudent } from '~/modules/accounts/students.server'
import { AppError, forbidden, parseInput } from '~/platform/errors'
import { consentState, mayStorePersonalData, type ConsentMethod, type ConsentState } from './consent'

type Reader = Pick<Database, 'select'>
type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>

export interface ConsentRecord {
  id: string
  method: ConsentMethod
  scope: string
  guardianName: string
  familyName: string | null
  recordedByName: string | null
  paperSignedOn: string | null
  paperReference: string | null
  givenAt: string
  withdrawnAt: string | null
}

export interface ConsentStatus {
  state: ConsentState
  /** null: nobody has said; the student is treated as under 14. */
  aged14OrOver: boolean | null
  inForce: ConsentRecord | null
  history: ConsentRecord[]
}

const family = users
async function consentRows(db: Reader, studentId: string): Promise<ConsentRecord[]> {
  const rows = await db
    .select({
      id: guardianConsents.id,
      method: guardianConsents.method,
      scope: guardianConsents.scope,
      guardianName: guardianConsents.guardianName,
      familyId: guardianConsents.familyId,
      recordedBy: guardianConsents.recordedBy,
      paperSignedOn: guardianConsents.paperSignedOn,
      paperReference: guardianConsents.paperReference,
      givenAt: guardianConsents.givenAt,
      withdrawnAt: guardianConsents.withdrawnAt,
    })
    .from(guardianConsents)
    .where(eq(guardianConsents.studentId, studentId))
    .orderBy(desc(guardianConsents.givenAt))
  const ids = [...new Set(rows.flatMap((r) => [r.familyId, r.recordedBy]).filter((id): id is string => id !== null))]
  const names = new Map<string, string>()
  for (const id of ids) {
    const [u] = await db.select({ displayName: family.displayName }).from(family).where(eq(family.id, id))
    if (u) names.set(id, u.displayName)
  }
  return rows.map((r) => ({
    id: r.id,
    method: r.method,
    scope: r.scope,
    guardianName: r.guardianName,
    familyName: r.familyId ? (names.get(r.familyId) ?? null) : null,
    recordedByName: r.recordedBy ? (names.get(r.recordedBy) ?? null) : null,
    paperSignedOn: r.paperSignedOn,
    paperReference: r.paperReference,
    givenAt: r.givenAt.toISOString(),
    withdrawnAt: r.withdrawnAt ? r.withdrawnAt.toISOString() : null,
  }))
}

/** The consent state of a student, without an authorization check: callers have done `requireStudent`. */
export async function consentStatusOf(db: Reader, studentId: string): Promise<ConsentStatus> {
  const [age] = await db.select({ aged14OrOver: studentAgeStatements.aged14OrOver }).from(studentAgeStatements).where(eq(studentAgeStatements.studentId, studentId))
  const history = await consentRows(db, studentId)
  const inForce = history.find((c) => c.withdrawnAt === null) ?? null
  const aged14OrOver = age ? age.aged14OrOver : null
  return { state: consentState({ aged14OrOver, consentInForce: inForce !== null }), aged14OrOver, inForce, history }
}

/**
 * Throws 409 `family.errors.consentRequired` unless personal data of the student may be stored:
 * a guardian's consent is in force, or a teacher has stated the student is 14 or older.
 * Call it (inside the same transaction, if any) before storing anything personal about a student.
 */
export async function requirePersonalDataConsent(db: Reader, studentId: string): Promise<void> {
  const [age] = await db.select({ aged14OrOver: studentAgeStatements.aged14OrOver }).from(studentAgeStatements).where(eq(studentAgeStatements.studentId, studentId))
  const [consent] = await db
    .select({ id: guardianConsents.id })
    .from(guardianConsents)
    .where(and(eq(guardianConsents.studentId, studentId), isNull(guardianConsents.withdrawnAt)))
  const state = consentState({ aged14OrOver: age?.aged14OrOver ?? null, consentInForce: Boolean(consent) })
  if (!mayStorePersonalData(state)) throw new AppError(409, { key: 'family.errors.consentRequired' })
}

/** The consent page's data: who the student is and where consent stands. */
export async function getConsent(db: Database, actor: Actor, studentId: string) {
  const { student, relation } = await requireStudent(db, actor, studentId)
  return { student, relation, ...(await consentStatusOf(db, student.id)) }
}

export const familyConsentInput = z.object({
  guardianName: z.string().trim().min(1).max(60),
  agree: z.literal(true, { message: 'family.errors.mustAgree' }),
})

/** A linked family account consents for their child. */
export async function giveConsent(db: Database, actor: Actor, studentId: string, input: unknown) {
  const { student, relation } = await requireStudent(db, actor, studentId)
  if (relation !== 'family') throw forbidden()
  const { guardianName } = parseInput(familyConsentInput, input)
  return insertConsent(db, actor, student.id, { method: 'family-account', familyId: actor.id, guardianName })
}

export const paperConsentInput = z.object({
  guardianName: z.string().trim().min(1).max(60),
  paperSignedOn: z.iso.date({ message: 'family.errors.invalidDate' }),
  paperReference: z.string().trim().min(1).max(80),
})

/** A teacher of the student records a signed paper consent form (its date and reference). */
export async function recordPaperConsent(db: Database, actor: Actor, studentId: string, input: unknown) {
  const { student, relation } = await requireStudent(db, actor, studentId)
  if (relation !== 'teacher') throw forbidden()
  const data = parseInput(paperConsentInput, input)
  if (data.paperSignedOn > new Date().toISOString().slice(0, 10)) {
    throw new AppError(400, { key: 'errors.badRequest' }, { fields: { paperSignedOn: { key: 'family.errors.dateInFuture' } } })
  }
  return insertConsent(db, actor, student.id, { method: 'paper-form', ...data })
}

async function insertConsent(
  db: Database,
  actor: Actor,
  studentId: string,
  values: { method: ConsentMethod; guardianName: string; familyId?: string; paperSignedOn?: string; paperReference?: string },
) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(guardianConsents)
        .values({ studentId, districtId: actor.districtId, recordedBy: actor.id, ...values })
        .returning({ id: guardianConsents.id })
      await record(tx, { action: 'consent.recorded', actorId: actor.id, districtId: actor.districtId, targetType: 'student', targetId: studentId, detail: { method: values.method } })
      return row!
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, { key: 'family.errors.consentAlreadyGiven' })
    throw error
  }
}

/**
 * Withdraws the consent in force (the family, or a teacher recording a withdrawal on paper). From
 * then on nothing new is stored for an under-14 student; stored data stays until a deletion
 * request erases it (the page offers it right away).
 */
export async function withdrawConsent(db: Database, actor: Actor, studentId: string) {
  const { student, relation } = await requireStudent(db, actor, studentId)
  if (relation === 'self') throw forbidden()
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(guardianConsents)
      .set({ withdrawnAt: new Date(), withdrawnBy: actor.id })
      .where(and(eq(guardianConsents.studentId, student.id), isNull(guardianConsents.withdrawnAt)))
      .returning({ id: guardianConsents.id })
    if (rows.length === 0) throw new AppError(409, { key: 'family.errors.noConsentToWithdraw' })
    await record(tx, { action: 'consent.withdrawn', actorId: actor.id, districtId: actor.districtId, targetType: 'student', targetId: student.id })
    return rows[0]!
  })
}

export const ageInput = z.object({ aged14OrOver: z.enum(['yes', 'no']) })

/** A teacher states whether the student is 14 or older (the only age fact the platform keeps). */
export async function stateAge(db: Database, actor: Actor, studentId: string, input: unknown) {
  const { student, relation } = await requireStudent(db, actor, studentId)
  if (relation !== 'teacher') throw forbidden()
  const aged14OrOver = parseInput(ageInput, input).aged14OrOver === 'yes'
  await db.transaction(async (tx: Executor) => {
    await tx
      .insert(studentAgeStatements)
      .values({ studentId: student.id, aged14OrOver, statedBy: actor.id })
      .onConflictDoUpdate({ target: studentAgeStatements.studentId, set: { aged14OrOver, statedBy: actor.id, statedAt: new Date() } })
    await record(tx, { action: 'student.age-stated', actorId: actor.id, districtId: actor.districtId, targetType: 'student', targetId: student.id, detail: { aged14OrOver } })
  })
  return { aged14OrOver }
}
