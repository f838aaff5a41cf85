import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#db/client'
import { homeVisitLessons, homeVisits, resources, users } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { requireStudent } from '~/modules/accounts/students.server'
import { getResource } from '~/modules/library/resources.server'
import { isVariantKey } from '~/modules/library/taxonomy'
import { AppError, forbidden, notFound, parseInput } from '~/platform/errors'
import { today } from './assignments.server'
import { requirePersonalDataConsent } from './consent.server'

/**
 * 送教上门 home visits: a teacher of the student records date, duration, the lessons taught, what was
 * taught and notes. A record made offline carries a client key: sent twice, it is stored once.
 */

export interface HomeVisit {
  id: string
  studentId: string
  studentName: string
  teacherId: string | null
  teacherName: string | null
  visitedOn: string
  durationMinutes: number
  taught: string
  notes: string
  notesErased: boolean
  lessons: { resourceId: string; title: string; variantKey: string | null }[]
  mine: boolean
  createdAt: string
}

const lessonsField = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(',')))
  .transform((list) => list.map((s) => s.trim()).filter(Boolean))

export const visitInput = z.object({
  studentId: z.string().trim().min(1, { message: 'family.errors.chooseStudent' }),
  visitedOn: z.iso.date({ message: 'family.errors.invalidDate' }),
  durationMinutes: z.coerce.number({ message: 'errors.invalidNumber' }).int({ message: 'errors.invalidNumber' }).min(1, { message: 'family.errors.minutesRange' }).max(600, { message: 'family.errors.minutesRange' }),
  taught: z.string().trim().min(1).max(2000),
  notes: z.string().trim().max(4000).default(''),
  /** Lesson ids, each optionally `id:variant-key`. */
  lessons: lessonsField,
  clientKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,100}$/)
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

type ParsedLesson = { resourceId: string; variantKey: string | null }

async function checkLessons(db: Database, actor: Actor, lessons: string[]): Promise<ParsedLesson[]> {
  const parsed: ParsedLesson[] = []
  for (const item of lessons.slice(0, 20)) {
    const [resourceId, variant] = item.split(':')
    try {
      const resource = await getResource(db, actor, resourceId ?? '')
      parsed.push({ resourceId: resource.id, variantKey: variant && isVariantKey(variant) && resource.variants.some((v) => v.key === variant) ? variant : null })
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw new AppError(400, { key: 'errors.badRequest' }, { fields: { lessons: { key: 'family.errors.lessonNotFound' } } })
      throw error
    }
  }
  return [...new Map(parsed.map((p) => [p.resourceId, p])).values()]
}

function checkDate(visitedOn: string) {
  if (visitedOn > today()) throw new AppError(400, { key: 'errors.badRequest' }, { fields: { visitedOn: { key: 'family.errors.dateInFuture' } } })
}

/** Records a visit; with a client key already used by this teacher, returns that visit unchanged. */
export async function createVisit(db: Database, actor: Actor, input: unknown): Promise<{ visit: HomeVisit; created: boolean }> {
  if (actor.role !== 'teacher') throw forbidden()
  const data = parseInput(visitInput, input)
  const { student, relation } = await requireStudent(db, actor, data.studentId)
  if (relation !== 'teacher') throw forbidden()
  if (data.clientKey) {
    const existing = await findByClientKey(db, actor, data.clientKey)
    if (existing) return { visit: (await loadVisits(db, actor, eq(homeVisits.id, existing)))[0]!, created: false }
  }
  checkDate(data.visitedOn)
  const lessons = await checkLessons(db, actor, data.lessons)
  const id = await db.transaction(async (tx) => {
    await requirePersonalDataConsent(tx, student.id)
    const [row] = await tx
      .insert(homeVisits)
      .values({ studentId: student.id, districtId: actor.districtId, teacherId: actor.id, visitedOn: data.visitedOn, durationMinutes: data.durationMinutes, taught: data.taught, notes: data.notes, clientKey: data.clientKey ?? null })
      .onConflictDoNothing()
      .returning({ id: homeVisits.id })
    if (!row) return null
    if (lessons.length) await tx.insert(homeVisitLessons).values(lessons.map((l) => ({ visitId: row.id, ...l })))
    return row.id
  })
  if (id === null) {
    // The same offline record arrived twice at once: the other request stored it.
    const existing = await findByClientKey(db, actor, data.clientKey!)
    return { visit: (await loadVisits(db, actor, eq(homeVisits.id, existing!)))[0]!, created: false }
  }
  return { visit: (await loadVisits(db, actor, eq(homeVisits.id, id)))[0]!, created: true }
}

async function findByClientKey(db: Database, actor: Actor, clientKey: string) {
  const [row] = await db.select({ id: homeVisits.id }).from(homeVisits).where(and(eq(homeVisits.teacherId, actor.id), eq(homeVisits.clientKey, clientKey)))
  return row?.id ?? null
}

/** Its own teacher's visit, still of a student they teach; anything else is a 404. */
export async function getOwnVisit(db: Database, actor: Actor, visitId: string): Promise<HomeVisit> {
  if (actor.role !== 'teacher' || !/^[0-9a-f-]{36}$/i.test(visitId)) throw notFound('family.errors.visitNotFound')
  const [visit] = await loadVisits(db, actor, and(eq(homeVisits.id, visitId), eq(homeVisits.teacherId, actor.id))!)
  if (!visit) throw notFound('family.errors.visitNotFound')
  await requireStudent(db, actor, visit.studentId).catch(() => {
    throw notFound('family.errors.visitNotFound')
  })
  return visit
}

export async function updateVisit(db: Database, actor: Actor, visitId: string, input: unknown): Promise<HomeVisit> {
  const visit = await getOwnVisit(db, actor, visitId)
  const data = parseInput(visitInput, { ...(input as object), studentId: visit.studentId })
  checkDate(data.visitedOn)
  // A lesson named again without a variant keeps the variant it was taught in.
  const lessons = (await checkLessons(db, actor, data.lessons)).map((l) => ({ ...l, variantKey: l.variantKey ?? visit.lessons.find((p) => p.resourceId === l.resourceId)?.variantKey ?? null }))
  await db.transaction(async (tx) => {
    await requirePersonalDataConsent(tx, visit.studentId)
    await tx
      .update(homeVisits)
      .set({ visitedOn: data.visitedOn, durationMinutes: data.durationMinutes, taught: data.taught, notes: data.notes, updatedAt: new Date() })
      .where(eq(homeVisits.id, visit.id))
    await tx.delete(homeVisitLessons).where(eq(homeVisitLessons.visitId, visit.id))
    if (lessons.length) await tx.insert(homeVisitLessons).values(lessons.map((l) => ({ visitId: visit.id, ...l })))
  })
  return (await loadVisits(db, actor, eq(homeVisits.id, visit.id)))[0]!
}

/** A student's visits, for the student's teachers and family. */
export async function visitsOfStudent(db: Database, actor: Actor, studentId: string): Promise<HomeVisit[]> {
  const { student, relation } = await requireStudent(db, actor, studentId)
  if (relation === 'self') throw notFound('errors.studentUnreachable')
  return loadVisits(db, actor, eq(homeVisits.studentId, student.id))
}

/** A teacher's own visits, newest first. */
export async function visitsOfTeacher(db: Database, actor: Actor): Promise<HomeVisit[]> {
  if (actor.role !== 'teacher') throw forbidden()
  return loadVisits(db, actor, eq(homeVisits.teacherId, actor.id))
}

async function loadVisits(db: Pick<Database, 'select'>, actor: Actor, where: ReturnType<typeof eq>): Promise<HomeVisit[]> {
  const student = users
  const rows = await db
    .select({ v: homeVisits, studentName: student.displayName })
    .from(homeVisits)
    .innerJoin(student, eq(student.id, homeVisits.studentId))
    .where(and(where, eq(homeVisits.districtId, actor.districtId)))
    .orderBy(desc(homeVisits.visitedOn), desc(homeVisits.createdAt))
    .limit(500)
  if (rows.length === 0) return []
  const teacherIds = [...new Set(rows.map((r) => r.v.teacherId).filter((id): id is string => id !== null))]
  const teachers = teacherIds.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, teacherIds)) : []
  const lessons = await db
    .select({ visitId: homeVisitLessons.visitId, resourceId: homeVisitLessons.resourceId, variantKey: homeVisitLessons.variantKey, title: resources.title })
    .from(homeVisitLessons)
    .innerJoin(resources, eq(resources.id, homeVisitLessons.resourceId))
    .where(inArray(homeVisitLessons.visitId, rows.map((r) => r.v.id)))
    .orderBy(asc(resources.title))
  return rows.map(({ v, studentName }) => ({
    id: v.id,
    studentId: v.studentId,
    studentName,
    teacherId: v.teacherId,
    teacherName: teachers.find((t) => t.id === v.teacherId)?.name ?? null,
    visitedOn: v.visitedOn,
    durationMinutes: v.durationMinutes,
    taught: v.taught,
    notes: v.notes,
    notesErased: v.notesErasedAt !== null,
    lessons: lessons.filter((l) => l.visitId === v.id).map(({ visitId: _, ...l }) => l),
    mine: v.teacherId === actor.id,
    createdAt: v.createdAt.toISOString(),
  }))
}
