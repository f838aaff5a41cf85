import { and, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#db/client'
import { familyNotes, users } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { familyIdsOf, requireStudent } from '~/modules/accounts/students.server'
import { notify } from '~/modules/notifications/index.server'
import { forbidden, notFound, parseInput } from '~/platform/errors'
import { requirePersonalDataConsent } from './consent.server'

/** Teachers' notes to a student's family: written by the student's teachers, read by them and the family. */

export interface FamilyNote {
  id: string
  body: string
  authorName: string | null
  mine: boolean
  createdAt: string
}

export async function notesOf(db: Pick<Database, 'select'>, actor: Actor, studentId: string): Promise<FamilyNote[]> {
  const rows = await db
    .select({ id: familyNotes.id, body: familyNotes.body, authorId: familyNotes.authorId, authorName: users.displayName, createdAt: familyNotes.createdAt })
    .from(familyNotes)
    .leftJoin(users, eq(users.id, familyNotes.authorId))
    .where(eq(familyNotes.studentId, studentId))
    .orderBy(desc(familyNotes.createdAt))
  return rows.map((r) => ({ id: r.id, body: r.body, authorName: r.authorName, mine: r.authorId === actor.id, createdAt: r.createdAt.toISOString() }))
}

export const noteInput = z.object({ body: z.string().trim().min(1).max(2000) })

export async function addNote(db: Database, actor: Actor, studentId: string, input: unknown) {
  const { student, relation } = await requireStudent(db, actor, studentId)
  if (relation !== 'teacher') throw forbidden()
  const { body } = parseInput(noteInput, input)
  return db.transaction(async (tx) => {
    await requirePersonalDataConsent(tx, student.id)
    const [row] = await tx.insert(familyNotes).values({ studentId: student.id, authorId: actor.id, body }).returning({ id: familyNotes.id, createdAt: familyNotes.createdAt })
    await notify(tx, { userIds: await familyIdsOf(tx as Database, student.id), kind: 'family.teacherNote', params: { teacher: actor.displayName, student: student.displayName }, link: `/family/${student.id}` })
    return { id: row!.id, body, createdAt: row!.createdAt.toISOString() }
  })
}

/** Its author deletes a note (another teacher's note, or one of a student out of reach, is a 404). */
export async function deleteNote(db: Database, actor: Actor, noteId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(noteId)) throw notFound()
  const [note] = await db.select().from(familyNotes).where(and(eq(familyNotes.id, noteId), eq(familyNotes.authorId, actor.id)))
  if (!note) throw notFound()
  await requireStudent(db, actor, note.studentId)
  await db.delete(familyNotes).where(eq(familyNotes.id, note.id))
}
