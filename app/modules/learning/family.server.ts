import { desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#db/client'
import { homePractice, users } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { classesTaughtBy, reachableStudents, requireStudent, teacherIdsOf } from '~/modules/accounts/students.server'
import { notify } from '~/modules/notifications/index.server'
import { AppError, forbidden, notFound, parseInput } from '~/platform/errors'
import { assignmentsOfStudent, today } from './assignments.server'
import { consentStatusOf, requirePersonalDataConsent } from './consent.server'
import { notesOf } from './notes.server'
import { visitsOfStudent } from './visits.server'

/** The family view (家校共育): a family's own children only, through `requireStudent`. */

export interface PracticeRecord {
  id: string
  practisedOn: string
  activity: string
  minutes: number
  note: string
  recordedBy: string | null
  createdAt: string
}

export async function myChildren(db: Database, actor: Actor) {
  if (actor.role !== 'family') throw forbidden()
  const children = await reachableStudents(db, actor)
  return Promise.all(
    children.map(async (child) => {
      const assignments = await assignmentsOfStudent(db, actor, child.id)
      return {
        id: child.id,
        displayName: child.displayName,
        consent: (await consentStatusOf(db, child.id)).state,
        open: assignments.filter((a) => a.status !== 'done').length,
        done: assignments.filter((a) => a.status === 'done').length,
      }
    }),
  )
}

export async function practiceOf(db: Pick<Database, 'select'>, studentId: string): Promise<PracticeRecord[]> {
  const rows = await db
    .select({ r: homePractice, recordedBy: users.displayName })
    .from(homePractice)
    .leftJoin(users, eq(users.id, homePractice.familyId))
    .where(eq(homePractice.studentId, studentId))
    .orderBy(desc(homePractice.practisedOn), desc(homePractice.createdAt))
  return rows.map(({ r, recordedBy }) => ({ id: r.id, practisedOn: r.practisedOn, activity: r.activity, minutes: r.minutes, note: r.note, recordedBy, createdAt: r.createdAt.toISOString() }))
}

/** A child's page for their family (and the same facts for the child's teachers). */
export async function childPage(db: Database, actor: Actor, studentId: string) {
  const { student, relation } = await requireStudent(db, actor, studentId)
  if (relation === 'self') throw notFound('errors.studentUnreachable')
  const assignments = await assignmentsOfStudent(db, actor, student.id)
  return {
    student: { id: student.id, displayName: student.displayName },
    relation,
    consent: await consentStatusOf(db, student.id),
    assignments,
    progress: { total: assignments.length, done: assignments.filter((a) => a.status === 'done').length, overdue: assignments.filter((a) => a.overdue).length },
    notes: await notesOf(db, actor, student.id),
    practice: await practiceOf(db, student.id),
    visits: await visitsOfStudent(db, actor, student.id),
  }
}

export const practiceInput = z.object({
  practisedOn: z.iso.date({ message: 'family.errors.invalidDate' }),
  activity: z.string().trim().min(1).max(200),
  minutes: z.coerce.number({ message: 'errors.invalidNumber' }).int({ message: 'errors.invalidNumber' }).min(1, { message: 'family.errors.minutesRange' }).max(600, { message: 'family.errors.minutesRange' }),
  note: z.string().trim().max(1000).default(''),
})

/** A linked family records home practice; the child's teachers are notified in the app. */
export async function addPractice(db: Database, actor: Actor, studentId: string, input: unknown): Promise<PracticeRecord> {
  const { student, relation } = await requireStudent(db, actor, studentId)
  if (relation !== 'family') throw forbidden()
  const data = parseInput(practiceInput, input)
  if (data.practisedOn > today()) throw new AppError(400, { key: 'errors.badRequest' }, { fields: { practisedOn: { key: 'family.errors.dateInFuture' } } })
  return db.transaction(async (tx) => {
    await requirePersonalDataConsent(tx, student.id)
    const [row] = await tx.insert(homePractice).values({ studentId: student.id, familyId: actor.id, ...data }).returning()
    await notify(tx, {
      userIds: await teacherIdsOf(tx as Database, student.id),
      kind: 'family.homePractice',
      params: { family: actor.displayName, student: student.displayName, minutes: data.minutes },
      link: `/students/${student.id}`,
    })
    return { id: row!.id, practisedOn: row!.practisedOn, activity: row!.activity, minutes: row!.minutes, note: row!.note, recordedBy: actor.displayName, createdAt: row!.createdAt.toISOString() }
  })
}

/** A teacher's students by class, with where consent stands for each. */
export async function studentsOfTeacher(db: Database, actor: Actor) {
  if (actor.role !== 'teacher') throw forbidden()
  const classes = await classesTaughtBy(db, actor)
  return Promise.all(
    classes.map(async (klass) => ({
      id: klass.id,
      name: klass.name,
      students: await Promise.all(klass.students.map(async (s) => ({ id: s.id, displayName: s.displayName, consent: (await consentStatusOf(db, s.id)).state }))),
    })),
  )
}
