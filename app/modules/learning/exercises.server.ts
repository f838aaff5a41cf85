import { Readable } from 'node:stream'
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#db/client'
import { exerciseAnswers, exerciseImages, exercises, resources, resourceVersions } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { isUniqueViolation } from '~/modules/accounts/db-errors'
import { can } from '~/modules/accounts/permissions'
import { storeSniffedUpload, type Upload } from '~/modules/library/files.server'
import { AppError, badInput, forbidden, notFound, parseInput } from '~/platform/errors'
import type { ObjectStore } from '~/platform/storage/object-store'
import { requireStudentAssignment } from './assignments.server'
import { answerInput, checkAnswer, exerciseInput, forStudent, type ExerciseData, type ExerciseKind, type PictureChoiceData, type StudentExercise } from './exercises'

/**
 * Exercises on a lesson: kept per resource and ordered; any teacher of the district who can read the
 * published lesson may add some (they are part of teaching it); each is changed or removed by the
 * teacher who wrote it or the lesson's author. Answers are kept per student and assignment, every
 * attempt numbered; the first attempt is what progress counts.
 */

type Ctx = { db: Database; storage: ObjectStore }
export const maxImageBytes = 5 * 1024 * 1024
export const maxExercisesPerLesson = 20

export interface ExerciseView {
  id: string
  position: number
  kind: ExerciseKind
  prompt: string
  data: ExerciseData
  createdBy: string
  canEdit: boolean
}

const idSchema = z.uuid()
const requireId = (value: unknown, key: string) => {
  const parsed = idSchema.safeParse(value)
  if (!parsed.success) throw notFound(key)
  return parsed.data
}

/** A published lesson of the actor's district that teachers may put exercises on. */
async function requireLessonForExercises(db: Database, actor: Actor, resourceId: string) {
  if (!can(actor.role, 'author:resource') || actor.role === 'admin') throw forbidden()
  const id = requireId(resourceId, 'library.errors.notFound')
  const [row] = await db
    .select({ id: resources.id, authorId: resources.authorId, title: sql<string>`(select ${resourceVersions.snapshot}->>'title' from ${resourceVersions} where ${resourceVersions.resourceId} = ${resources.id} and ${resourceVersions.number} = ${resources.publishedVersion})` })
    .from(resources)
    .where(and(eq(resources.id, id), eq(resources.districtId, actor.districtId), isNotNull(resources.publishedVersion), ne(resources.status, 'archived')))
  if (!row) throw notFound('library.errors.notFound')
  return row
}

function view(row: typeof exercises.$inferSelect, actor: Actor, authorId: string): ExerciseView {
  return { id: row.id, position: row.position, kind: row.kind, prompt: row.prompt, data: row.data as unknown as ExerciseData, createdBy: row.createdBy, canEdit: row.createdBy === actor.id || authorId === actor.id }
}

/** The lesson's exercises with their answers, for the teachers' editor. */
export async function lessonExercises(db: Database, actor: Actor, resourceId: string) {
  const lesson = await requireLessonForExercises(db, actor, resourceId)
  const rows = await db.select().from(exercises).where(eq(exercises.resourceId, lesson.id)).orderBy(asc(exercises.position), asc(exercises.createdAt))
  return { lesson: { id: lesson.id, title: lesson.title }, exercises: rows.map((r) => view(r, actor, lesson.authorId)) }
}

/** Picture-choice images must be pictures the district has: this checks every id. */
async function requireImages(db: Database, actor: Actor, data: ExerciseData, kind: ExerciseKind) {
  if (kind !== 'picture_choice') return
  const ids = (data as PictureChoiceData).options.map((o) => o.imageId)
  const found = await db.select({ id: exerciseImages.id }).from(exerciseImages).where(and(inArray(exerciseImages.id, ids), eq(exerciseImages.districtId, actor.districtId)))
  const missing = (data as PictureChoiceData).options.findIndex((o) => !found.some((f) => f.id === o.imageId))
  if (missing >= 0) throw badInput({ [`data.options.${missing}.imageId`]: { key: 'learning.errors.pictureMissing' } })
}

export async function createExercise(db: Database, actor: Actor, resourceId: string, input: unknown): Promise<ExerciseView> {
  const lesson = await requireLessonForExercises(db, actor, resourceId)
  const parsed = parseInput(exerciseInput, input)
  await requireImages(db, actor, parsed.data, parsed.kind)
  const [{ n, last } = { n: 0, last: -1 }] = await db
    .select({ n: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${exercises.position}), -1)::int` })
    .from(exercises)
    .where(eq(exercises.resourceId, lesson.id))
  if (n >= maxExercisesPerLesson) throw new AppError(400, { key: 'learning.errors.tooManyExercises', params: { max: maxExercisesPerLesson } })
  const [row] = await db
    .insert(exercises)
    .values({ districtId: actor.districtId, resourceId: lesson.id, position: last + 1, kind: parsed.kind, prompt: parsed.prompt, data: parsed.data as unknown as Record<string, unknown>, createdBy: actor.id })
    .returning()
  return view(row!, actor, lesson.authorId)
}

async function requireEditable(db: Database, actor: Actor, resourceId: string, exerciseId: string) {
  const lesson = await requireLessonForExercises(db, actor, resourceId)
  const id = requireId(exerciseId, 'learning.errors.exerciseNotFound')
  const [row] = await db.select().from(exercises).where(and(eq(exercises.id, id), eq(exercises.resourceId, lesson.id)))
  if (!row) throw notFound('learning.errors.exerciseNotFound')
  if (row.createdBy !== actor.id && lesson.authorId !== actor.id) throw new AppError(403, { key: 'learning.errors.notYourExercise' })
  return { lesson, row }
}

export async function updateExercise(db: Database, actor: Actor, resourceId: string, exerciseId: string, input: unknown): Promise<ExerciseView> {
  const { lesson, row } = await requireEditable(db, actor, resourceId, exerciseId)
  const parsed = parseInput(exerciseInput, input)
  await requireImages(db, actor, parsed.data, parsed.kind)
  const [updated] = await db
    .update(exercises)
    .set({ kind: parsed.kind, prompt: parsed.prompt, data: parsed.data as unknown as Record<string, unknown>, updatedAt: new Date() })
    .where(eq(exercises.id, row.id))
    .returning()
  return view(updated!, actor, lesson.authorId)
}

/** Removes an exercise (its answers go with it: they no longer count in anyone's progress). */
export async function deleteExercise(db: Database, actor: Actor, resourceId: string, exerciseId: string) {
  const { row } = await requireEditable(db, actor, resourceId, exerciseId)
  await db.delete(exercises).where(eq(exercises.id, row.id))
}

/** Moves an exercise one place up or down. */
export async function moveExercise(db: Database, actor: Actor, resourceId: string, exerciseId: string, direction: 'up' | 'down') {
  const { lesson, row } = await requireEditable(db, actor, resourceId, exerciseId)
  await db.transaction(async (tx) => {
    const all = await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.resourceId, lesson.id)).orderBy(asc(exercises.position), asc(exercises.createdAt)).for('update')
    const from = all.findIndex((e) => e.id === row.id)
    const to = direction === 'up' ? from - 1 : from + 1
    if (from < 0 || to < 0 || to >= all.length) return
    ;[all[from], all[to]] = [all[to]!, all[from]!]
    for (const [position, e] of all.entries()) await tx.update(exercises).set({ position }).where(eq(exercises.id, e.id))
  })
}

/** Stores a picture for a picture-choice exercise: type from the bytes (PNG, JPEG, GIF, WebP), at most 5 MB. */
export async function uploadExerciseImage(ctx: Ctx, actor: Actor, upload: Upload): Promise<{ id: string; contentType: string; size: number }> {
  if (!can(actor.role, 'author:resource') || actor.role === 'admin') {
    const body = upload.body instanceof Readable ? upload.body : Readable.from(upload.body)
    body.destroy()
    throw forbidden()
  }
  const id = crypto.randomUUID()
  const key = `learning/images/${id}`
  const stored = await storeSniffedUpload(ctx.storage, key, upload, maxImageBytes).catch((error) => {
    if (error instanceof AppError && error.userMessage.key === 'library.errors.fileType') throw badInput({ file: { key: 'learning.errors.notAPicture' } })
    throw error
  })
  if (!/^image\/(png|jpeg|gif|webp)$/.test(stored.contentType)) {
    await ctx.storage.delete(key)
    throw badInput({ file: { key: 'learning.errors.notAPicture' } })
  }
  await ctx.db.insert(exerciseImages).values({ id, districtId: actor.districtId, uploaderId: actor.id, storageKey: key, contentType: stored.contentType, size: stored.size })
  return { id, contentType: stored.contentType, size: stored.size }
}

/** A picture's bytes for anyone signed in to its district (students answer with them). */
export async function openExerciseImage(ctx: Ctx, actor: Actor, imageId: string) {
  const id = requireId(imageId, 'learning.errors.pictureNotFound')
  const [image] = await ctx.db.select().from(exerciseImages).where(and(eq(exerciseImages.id, id), eq(exerciseImages.districtId, actor.districtId)))
  if (!image) throw notFound('learning.errors.pictureNotFound')
  const got = await ctx.storage.get(image.storageKey)
  if (!got) throw notFound('learning.errors.pictureNotFound')
  return { body: got.body, contentType: image.contentType, size: image.size }
}

export interface ExerciseState {
  attempts: number
  /** The latest answer's correctness, null before any. */
  lastCorrect: boolean | null
  firstTryCorrect: boolean | null
}

/** The exercises of an assignment's lesson as its student sees them, with their own progress on each. */
export async function exercisesForAssignment(db: Database, resourceId: string, assignmentId: string, studentId: string): Promise<(StudentExercise & { state: ExerciseState })[]> {
  const rows = await db.select().from(exercises).where(eq(exercises.resourceId, resourceId)).orderBy(asc(exercises.position), asc(exercises.createdAt))
  const answers = await db
    .select({ exerciseId: exerciseAnswers.exerciseId, attempt: exerciseAnswers.attempt, correct: exerciseAnswers.correct })
    .from(exerciseAnswers)
    .where(and(eq(exerciseAnswers.assignmentId, assignmentId), eq(exerciseAnswers.studentId, studentId)))
    .orderBy(asc(exerciseAnswers.attempt))
  return rows.map((row) => {
    const mine = answers.filter((a) => a.exerciseId === row.id)
    return { ...forStudent(row), state: { attempts: mine.length, lastCorrect: mine.at(-1)?.correct ?? null, firstTryCorrect: mine[0]?.correct ?? null } }
  })
}

/** A student answers one exercise of their assignment: stored as the next attempt; says whether it was right. */
export async function answerExercise(db: Database, actor: Actor, assignmentId: string, studentId: string, exerciseId: string, input: unknown) {
  const { assignment, relation } = await requireStudentAssignment(db, actor, assignmentId, studentId)
  if (relation !== 'self') throw new AppError(403, { key: 'learning.errors.onlyStudentAnswers' })
  const id = requireId(exerciseId, 'learning.errors.exerciseNotFound')
  const [exercise] = await db.select().from(exercises).where(and(eq(exercises.id, id), eq(exercises.resourceId, assignment.resourceId)))
  if (!exercise) throw notFound('learning.errors.exerciseNotFound')
  const answer = parseInput(answerInput, input)
  const correct = checkAnswer(exercise.kind, exercise.data as unknown as ExerciseData, answer)
  if (correct === null) throw badInput({ answer: { key: 'learning.errors.answerDoesNotFit' } })
  // The attempt number comes from the rows already there; two answers at once collide on the unique index and the second retries.
  for (let tries = 0; ; tries++) {
    try {
      const [row] = await db
        .insert(exerciseAnswers)
        .values({
          assignmentId: assignment.id,
          studentId,
          exerciseId: exercise.id,
          answer,
          correct,
          attempt: sql`(select coalesce(max(${exerciseAnswers.attempt}), 0) + 1 from ${exerciseAnswers} where ${exerciseAnswers.assignmentId} = ${assignment.id} and ${exerciseAnswers.studentId} = ${studentId} and ${exerciseAnswers.exerciseId} = ${exercise.id})`,
        })
        .returning({ attempt: exerciseAnswers.attempt })
      return { correct, attempt: row!.attempt }
    } catch (error) {
      if (tries < 3 && isUniqueViolation(error)) continue
      throw error
    }
  }
}
