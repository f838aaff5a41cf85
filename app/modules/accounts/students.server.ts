import { and, asc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '#db/client'
import { classMembers, classes, familyLinks, users } from '#db/schema'
import { notFound } from '~/platform/errors'
import type { Actor } from './actor'

/**
 * Who may reach a student's learning records and profile: the student, a linked family, and the
 * teachers who share a class with them. Nobody else, admins included (need-to-know; PIPL).
 */
export type StudentRelation = 'self' | 'family' | 'teacher'

export interface ReachableStudent {
  id: string
  displayName: string
  username: string
  schoolId: string | null
}

const studentColumns = { id: users.id, displayName: users.displayName, username: users.username, schoolId: users.schoolId }

export async function relationTo(db: Database, actor: Actor, studentId: string): Promise<StudentRelation | null> {
  if (actor.role === 'student') return actor.id === studentId ? 'self' : null
  if (actor.role === 'family') {
    const [link] = await db
      .select({ studentId: familyLinks.studentId })
      .from(familyLinks)
      .where(and(eq(familyLinks.familyId, actor.id), eq(familyLinks.studentId, studentId)))
    return link ? 'family' : null
  }
  if (actor.role === 'teacher') {
    const ids = await classmatesOf(db, actor.id, 'student', [studentId])
    return ids.length > 0 ? 'teacher' : null
  }
  return null
}

/** The student, if the actor may reach them; otherwise 404, so a guessed id reveals nothing. */
export async function requireStudent(db: Database, actor: Actor, studentId: string) {
  const relation = isUuid(studentId) ? await relationTo(db, actor, studentId) : null
  if (!relation) throw notFound('errors.studentUnreachable')
  const [student] = await db
    .select(studentColumns)
    .from(users)
    .where(and(eq(users.id, studentId), eq(users.role, 'student'), eq(users.districtId, actor.districtId)))
  if (!student) throw notFound('errors.studentUnreachable')
  return { student, relation }
}

/** Every student the actor may reach, by name. */
export async function reachableStudents(db: Database, actor: Actor): Promise<ReachableStudent[]> {
  if (actor.role === 'student') return db.select(studentColumns).from(users).where(eq(users.id, actor.id))
  if (actor.role === 'family') {
    return db
      .select(studentColumns)
      .from(familyLinks)
      .innerJoin(users, eq(users.id, familyLinks.studentId))
      .where(eq(familyLinks.familyId, actor.id))
      .orderBy(asc(users.displayName))
  }
  if (actor.role === 'teacher') {
    const ids = await classmatesOf(db, actor.id, 'student')
    if (ids.length === 0) return []
    return db.select(studentColumns).from(users).where(inArray(users.id, ids)).orderBy(asc(users.displayName))
  }
  return []
}

/** The classes a teacher teaches, each with its students. */
export async function classesTaughtBy(db: Database, actor: Actor) {
  if (actor.role !== 'teacher') return []
  const taught = await db
    .select({ id: classes.id, name: classes.name, stage: classes.stage, grade: classes.grade, schoolId: classes.schoolId })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .where(eq(classMembers.userId, actor.id))
    .orderBy(asc(classes.name))
  if (taught.length === 0) return []
  const members = await db
    .select({ classId: classMembers.classId, ...studentColumns })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(and(inArray(classMembers.classId, taught.map((c) => c.id)), eq(users.role, 'student'), eq(users.active, true)))
    .orderBy(asc(users.displayName))
  return taught.map((klass) => ({ ...klass, students: members.filter((m) => m.classId === klass.id).map(({ classId: _, ...s }) => s) }))
}

/** One class the actor teaches, with its students; 404 for any other class. */
export async function requireClassTaught(db: Database, actor: Actor, classId: string) {
  const klass = (await classesTaughtBy(db, actor)).find((c) => c.id === classId)
  if (!klass) throw notFound('errors.classNotFound')
  return klass
}

/** Teachers of a student (e.g. to notify them of a family's home-practice note). */
export async function teacherIdsOf(db: Database, studentId: string): Promise<string[]> {
  return classmatesOf(db, studentId, 'teacher', undefined, { activeOnly: true })
}

/** Linked family accounts of a student. */
export async function familyIdsOf(db: Database, studentId: string): Promise<string[]> {
  const rows = await db.select({ id: familyLinks.familyId }).from(familyLinks).where(eq(familyLinks.studentId, studentId))
  return rows.map((r) => r.id)
}

/** Users of `role` who share a class with `userId` (optionally only among `only`). */
async function classmatesOf(db: Database, userId: string, role: 'student' | 'teacher', only?: string[], options: { activeOnly?: boolean } = {}): Promise<string[]> {
  const mine = alias(classMembers, 'mine')
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(mine)
    .innerJoin(classMembers, eq(classMembers.classId, mine.classId))
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(and(eq(mine.userId, userId), eq(users.role, role), only ? inArray(users.id, only) : undefined, options.activeOnly ? eq(users.active, true) : undefined))
  return rows.map((r) => r.id)
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
