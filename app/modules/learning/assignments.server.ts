import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#db/client'
import { assignments, assignmentStudents, classes, exerciseAnswers, exercises, resources, resourceVersions, users, type ResourceSnapshot } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { classesTaughtBy, familyIdsOf, reachableStudents, requireClassTaught, requireStudent } from '~/modules/accounts/students.server'
import { kindTraits, type ResourceKind } from '~/modules/library/kinds'
import { isVariantKey, type VariantKey } from '~/modules/library/taxonomy'
import { notify } from '~/modules/notifications/index.server'
import { AppError, badInput, forbidden, notFound, parseInput } from '~/platform/errors'
import { translateAll, type Locale } from '~/platform/i18n'
import { scoreOf, type Score } from './progress'

/**
 * Assignments: a teacher gives a published lesson to a class or to chosen students, choosing per
 * student the variant (tier or disability adaptation) they get. Every read goes through
 * `requireStudent` / `requireClassTaught`, so an id out of reach is a 404 like one that does not exist.
 */

export type AssignmentStatus = 'assigned' | 'done'

export interface StudentAssignment {
  assignmentId: string
  resourceId: string
  title: string
  /** The variant chosen for this student, or null for the lesson as written. */
  variantKey: VariantKey | null
  variantName: Record<Locale, string> | null
  dueOn: string | null
  note: string
  status: AssignmentStatus
  doneAt: string | null
  assignedAt: string
  assignedBy: string
  /** First-try score over the lesson's exercises, or null when the lesson has none. */
  score: Score | null
  /** Whether the due date has passed without the lesson being done. */
  overdue: boolean
}

export const variantName = (key: string | null) => (key && isVariantKey(key) ? translateAll(`library.variantNames.${key}`) : null)

/** Today as YYYY-MM-DD in China time (due dates are calendar days of the school). */
export function today(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

const isOverdue = (dueOn: string | null, status: AssignmentStatus, now = today()) => dueOn !== null && status !== 'done' && dueOn < now

/** That student's assignments, newest first — for the student, their family and their teachers. */
export async function assignmentsOfStudent(db: Database, actor: Actor, studentId: string): Promise<StudentAssignment[]> {
  await requireStudent(db, actor, studentId)
  const rows = await db
    .select({
      assignmentId: assignments.id,
      resourceId: assignments.resourceId,
      dueOn: assignments.dueOn,
      note: assignments.note,
      createdAt: assignments.createdAt,
      assignedBy: users.displayName,
      variantKey: assignmentStudents.variantKey,
      status: assignmentStudents.status,
      doneAt: assignmentStudents.doneAt,
      title: resources.title,
      snapshotTitle: sql<string | null>`(select ${resourceVersions.snapshot}->>'title' from ${resourceVersions} where ${resourceVersions.resourceId} = ${resources.id} and ${resourceVersions.number} = ${resources.publishedVersion})`,
    })
    .from(assignmentStudents)
    .innerJoin(assignments, eq(assignments.id, assignmentStudents.assignmentId))
    .innerJoin(resources, eq(resources.id, assignments.resourceId))
    .innerJoin(users, eq(users.id, assignments.createdBy))
    .where(and(eq(assignmentStudents.studentId, studentId), eq(assignments.districtId, actor.districtId)))
    .orderBy(desc(assignments.createdAt))
  const scores = await scoresFor(db, rows.map((r) => ({ assignmentId: r.assignmentId, resourceId: r.resourceId, studentId })))
  const now = today()
  return rows.map((r) => ({
    assignmentId: r.assignmentId,
    resourceId: r.resourceId,
    title: r.snapshotTitle ?? r.title,
    variantKey: r.variantKey && isVariantKey(r.variantKey) ? r.variantKey : null,
    variantName: variantName(r.variantKey),
    dueOn: r.dueOn,
    note: r.note,
    status: r.status,
    doneAt: r.doneAt?.toISOString() ?? null,
    assignedAt: r.createdAt.toISOString(),
    assignedBy: r.assignedBy,
    score: scores.get(`${r.assignmentId}:${studentId}`) ?? null,
    overdue: isOverdue(r.dueOn, r.status, now),
  }))
}

/** First-try scores of (assignment, student) pairs over their lessons' exercises. */
export async function scoresFor(db: Database, pairs: { assignmentId: string; resourceId: string; studentId: string }[]): Promise<Map<string, Score>> {
  const result = new Map<string, Score>()
  if (pairs.length === 0) return result
  const resourceIds = [...new Set(pairs.map((p) => p.resourceId))]
  const counts = await db
    .select({ resourceId: exercises.resourceId, n: sql<number>`count(*)::int` })
    .from(exercises)
    .where(inArray(exercises.resourceId, resourceIds))
    .groupBy(exercises.resourceId)
  const answers = await db
    .select({ assignmentId: exerciseAnswers.assignmentId, studentId: exerciseAnswers.studentId, exerciseId: exerciseAnswers.exerciseId, attempt: exerciseAnswers.attempt, correct: exerciseAnswers.correct })
    .from(exerciseAnswers)
    .innerJoin(exercises, eq(exercises.id, exerciseAnswers.exerciseId))
    .where(
      and(
        inArray(exerciseAnswers.assignmentId, [...new Set(pairs.map((p) => p.assignmentId))]),
        inArray(exerciseAnswers.studentId, [...new Set(pairs.map((p) => p.studentId))]),
      ),
    )
  for (const pair of pairs) {
    const total = counts.find((c) => c.resourceId === pair.resourceId)?.n ?? 0
    if (total === 0) continue
    const mine = answers.filter((a) => a.assignmentId === pair.assignmentId && a.studentId === pair.studentId)
    result.set(`${pair.assignmentId}:${pair.studentId}`, scoreOf(total, mine))
  }
  return result
}

// ---------------------------------------------------------------------------------------------
// Assigning

const dateOnly = z.iso.date('learning.errors.badDate')

export const assignInput = z
  .object({
    resourceId: z.uuid('learning.errors.chooseLesson'),
    /** A class the teacher teaches: every student in it is assigned. */
    classId: z.uuid().optional(),
    /** Or chosen students the teacher teaches. */
    studentIds: z.array(z.uuid()).optional(),
    dueOn: dateOnly.optional(),
    note: z.string().trim().max(500).optional().default(''),
    /** The variant for everyone not given one of their own. */
    defaultVariant: z.string().optional(),
    /** Per student: their variant key ('' for the lesson as written). */
    variants: z.record(z.string(), z.string()).optional().default({}),
  })
  .refine((v) => v.classId || (v.studentIds && v.studentIds.length > 0), { message: 'learning.errors.chooseStudents', path: ['studentIds'] })

export type AssignInput = z.input<typeof assignInput>

const hasVariants = (kind: string) => kindTraits[kind as ResourceKind]?.variants === true

/** The published snapshot of a resource the teacher may assign: published, in their district, not archived, of a kind with variants. */
async function assignableSnapshot(db: Database, actor: Actor, resourceId: string): Promise<{ row: typeof resources.$inferSelect; snapshot: ResourceSnapshot }> {
  const [row] = await db
    .select()
    .from(resources)
    .where(and(eq(resources.id, resourceId), eq(resources.districtId, actor.districtId), isNotNull(resources.publishedVersion), ne(resources.status, 'archived')))
  if (!row || !hasVariants(row.kind)) throw badInput({ resourceId: { key: 'learning.errors.lessonNotAssignable' } })
  const [version] = await db
    .select({ snapshot: resourceVersions.snapshot })
    .from(resourceVersions)
    .where(and(eq(resourceVersions.resourceId, row.id), eq(resourceVersions.number, row.publishedVersion!)))
  if (!version) throw badInput({ resourceId: { key: 'learning.errors.lessonNotAssignable' } })
  return { row, snapshot: version.snapshot }
}

/** Published lessons of the teacher's district they may assign, by title, with their variant keys. */
export async function assignableLessons(db: Database, actor: Actor) {
  if (actor.role !== 'teacher') throw forbidden()
  const rows = await db
    .select({ id: resources.id, kind: resources.kind, subject: resources.subject, snapshot: resourceVersions.snapshot })
    .from(resources)
    .innerJoin(resourceVersions, and(eq(resourceVersions.resourceId, resources.id), eq(resourceVersions.number, resources.publishedVersion)))
    .where(and(eq(resources.districtId, actor.districtId), ne(resources.status, 'archived'), inArray(resources.kind, ['lesson', 'school_course'])))
  return rows
    .filter((r) => hasVariants(r.kind))
    .map((r) => ({ id: r.id, title: r.snapshot.title, subject: r.subject, variantKeys: r.snapshot.variants.map((v) => v.key).filter(isVariantKey) }))
    .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
}

/** The variants a lesson offers (published version), for the assign form. */
export async function lessonVariants(db: Database, actor: Actor, resourceId: string) {
  if (actor.role !== 'teacher') throw forbidden()
  const { row, snapshot } = await assignableSnapshot(db, actor, resourceId)
  return { id: row.id, title: snapshot.title, variantKeys: snapshot.variants.map((v) => v.key).filter(isVariantKey) }
}

/** Assigns a lesson; returns the new assignment's id and how many students got it. */
export async function assignLesson(db: Database, actor: Actor, input: unknown): Promise<{ id: string; students: number }> {
  if (actor.role !== 'teacher') throw forbidden()
  const parsed = parseInput(assignInput, input)
  const { snapshot } = await assignableSnapshot(db, actor, parsed.resourceId)
  const offered = snapshot.variants.map((v) => v.key)

  let studentIds: string[]
  let classId: string | null = null
  if (parsed.classId) {
    const klass = await requireClassTaught(db, actor, parsed.classId).catch(() => {
      throw badInput({ classId: { key: 'learning.errors.classNotTaught' } })
    })
    classId = klass.id
    studentIds = parsed.studentIds?.length ? parsed.studentIds : klass.students.map((s) => s.id)
    const inClass = new Set(klass.students.map((s) => s.id))
    if (studentIds.some((id) => !inClass.has(id))) throw badInput({ studentIds: { key: 'learning.errors.studentNotTaught' } })
    if (studentIds.length === 0) throw badInput({ classId: { key: 'learning.errors.classEmpty' } })
  } else {
    studentIds = [...new Set(parsed.studentIds ?? [])]
    const mine = new Set((await reachableStudents(db, actor)).map((s) => s.id))
    if (studentIds.some((id) => !mine.has(id))) throw badInput({ studentIds: { key: 'learning.errors.studentNotTaught' } })
  }

  const check = (key: string | undefined, field: string): string | null => {
    if (!key) return null
    if (!isVariantKey(key) || !offered.includes(key)) throw badInput({ [field]: { key: 'learning.errors.variantNotOffered' } })
    return key
  }
  const fallback = check(parsed.defaultVariant, 'defaultVariant')
  const chosen = studentIds.map((studentId) => ({
    studentId,
    variantKey: parsed.variants[studentId] !== undefined && parsed.variants[studentId] !== '' ? check(parsed.variants[studentId], `variants.${studentId}`) : fallback,
  }))

  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(assignments)
      .values({ districtId: actor.districtId, resourceId: parsed.resourceId, classId, createdBy: actor.id, dueOn: parsed.dueOn ?? null, note: parsed.note })
      .returning({ id: assignments.id })
    await tx.insert(assignmentStudents).values(chosen.map((c) => ({ assignmentId: created!.id, studentId: c.studentId, variantKey: c.variantKey })))
    // Students, and each one's family, hear of it in the same transaction (once only per assignment).
    const assignmentId = created!.id
    await notify(tx, { userIds: studentIds, kind: 'learning.assigned', params: { title: snapshot.title }, link: `/learn/${assignmentId}`, dedupeKey: `learning.assigned:${assignmentId}` })
    const names = await tx.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, studentIds))
    for (const student of names) {
      const families = await familyIdsOf(tx as unknown as Database, student.id)
      await notify(tx, { userIds: families, kind: 'learning.assignedChild', params: { title: snapshot.title, student: student.displayName }, link: `/learn/${assignmentId}?student=${student.id}`, dedupeKey: `learning.assignedChild:${assignmentId}:${student.id}` })
    }
    return created!.id
  })
  return { id, students: studentIds.length }
}

/** The assignment row of one student, if the actor may reach that student and it is theirs; else 404. */
export async function requireStudentAssignment(db: Database, actor: Actor, assignmentId: string, studentId: string) {
  const { student, relation } = await requireStudent(db, actor, studentId)
  if (!z.uuid().safeParse(assignmentId).success) throw notFound('learning.errors.assignmentNotFound')
  const [row] = await db
    .select({
      id: assignments.id,
      resourceId: assignments.resourceId,
      dueOn: assignments.dueOn,
      note: assignments.note,
      createdAt: assignments.createdAt,
      variantKey: assignmentStudents.variantKey,
      status: assignmentStudents.status,
      doneAt: assignmentStudents.doneAt,
    })
    .from(assignmentStudents)
    .innerJoin(assignments, eq(assignments.id, assignmentStudents.assignmentId))
    .where(and(eq(assignmentStudents.assignmentId, assignmentId), eq(assignmentStudents.studentId, student.id), eq(assignments.districtId, actor.districtId)))
  if (!row) throw notFound('learning.errors.assignmentNotFound')
  return { assignment: row, student, relation }
}

/** The student (only they) marks a lesson done, or not done again. */
export async function setDone(db: Database, actor: Actor, assignmentId: string, studentId: string, done: boolean) {
  const { relation } = await requireStudentAssignment(db, actor, assignmentId, studentId)
  if (relation !== 'self') throw new AppError(403, { key: 'learning.errors.onlyStudentMarksDone' })
  const [row] = await db
    .update(assignmentStudents)
    .set(done ? { status: 'done', doneAt: sql`coalesce(${assignmentStudents.doneAt}, now())` } : { status: 'assigned', doneAt: null })
    .where(and(eq(assignmentStudents.assignmentId, assignmentId), eq(assignmentStudents.studentId, studentId)))
    .returning({ status: assignmentStudents.status, doneAt: assignmentStudents.doneAt })
  return { status: row!.status, doneAt: row!.doneAt?.toISOString() ?? null }
}

/** Assignments the teacher made or that reach students of their classes, newest first (for the teaching overview). */
export async function assignmentsForTeacher(db: Database, actor: Actor) {
  if (actor.role !== 'teacher') throw forbidden()
  const taught = await classesTaughtBy(db, actor)
  const studentIds = [...new Set(taught.flatMap((c) => c.students.map((s) => s.id)))]
  if (studentIds.length === 0) return []
  const rows = await db
    .select({
      id: assignments.id,
      resourceId: assignments.resourceId,
      title: resources.title,
      snapshotTitle: sql<string | null>`(select ${resourceVersions.snapshot}->>'title' from ${resourceVersions} where ${resourceVersions.resourceId} = ${resources.id} and ${resourceVersions.number} = ${resources.publishedVersion})`,
      classId: assignments.classId,
      className: classes.name,
      dueOn: assignments.dueOn,
      createdAt: assignments.createdAt,
      students: sql<number>`count(*)::int`,
      done: sql<number>`count(*) filter (where ${assignmentStudents.status} = 'done')::int`,
    })
    .from(assignments)
    .innerJoin(assignmentStudents, eq(assignmentStudents.assignmentId, assignments.id))
    .innerJoin(resources, eq(resources.id, assignments.resourceId))
    .leftJoin(classes, eq(classes.id, assignments.classId))
    .where(and(eq(assignments.districtId, actor.districtId), inArray(assignmentStudents.studentId, studentIds)))
    .groupBy(assignments.id, resources.id, classes.id)
    .orderBy(desc(assignments.createdAt))
  return rows.map((r) => ({ id: r.id, resourceId: r.resourceId, title: r.snapshotTitle ?? r.title, classId: r.classId, className: r.className, dueOn: r.dueOn, createdAt: r.createdAt.toISOString(), students: r.students, done: r.done }))
}

