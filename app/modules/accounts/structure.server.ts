import { and, asc, count, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client'
import { classes, classMembers, schools, users } from '#db/schema'
import { AppError, conflict, notFound, parseInput } from '~/platform/errors'
import type { Actor } from './actor'
import { record } from './audit.server'
import { isUniqueViolation } from './db-errors'
import { requirePermission } from './permissions'
import { classInput, schoolInput } from './schemas'

/** District → school → class. Every lookup is scoped to the actor's district, so ids from elsewhere are 404s. */

export async function listSchools(db: Database, actor: Actor) {
  requirePermission(actor, 'read:district')
  return db
    .select({ id: schools.id, name: schools.name, kind: schools.kind, address: schools.address, classCount: count(classes.id) })
    .from(schools)
    .leftJoin(classes, eq(classes.schoolId, schools.id))
    .where(eq(schools.districtId, actor.districtId))
    .groupBy(schools.id)
    .orderBy(asc(schools.name))
}

async function findSchool(db: Database, actor: Actor, id: string) {
  const [school] = await db
    .select()
    .from(schools)
    .where(and(eq(schools.id, id), eq(schools.districtId, actor.districtId)))
  if (!school) throw notFound('errors.schoolNotFound')
  return school
}

export async function getSchool(db: Database, actor: Actor, id: string) {
  requirePermission(actor, 'read:district')
  const school = await findSchool(db, actor, id)
  const schoolClasses = await db.select().from(classes).where(eq(classes.schoolId, id)).orderBy(asc(classes.name))
  return { ...school, classes: schoolClasses }
}

export async function createSchool(db: Database, actor: Actor, input: unknown, ip?: string | null) {
  requirePermission(actor, 'manage:schools')
  const values = parseInput(schoolInput, input)
  try {
    const [school] = await db
      .insert(schools)
      .values({ ...values, address: values.address ?? null, districtId: actor.districtId })
      .returning()
    await record(db, { action: 'school.created', actorId: actor.id, districtId: actor.districtId, targetType: 'school', targetId: school!.id, detail: values, ip })
    return school!
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('name', 'errors.schoolNameTaken')
    throw error
  }
}

export async function updateSchool(db: Database, actor: Actor, id: string, input: unknown, ip?: string | null) {
  requirePermission(actor, 'manage:schools')
  await findSchool(db, actor, id)
  const values = parseInput(schoolInput, input)
  try {
    const [school] = await db
      .update(schools)
      .set({ ...values, address: values.address ?? null })
      .where(eq(schools.id, id))
      .returning()
    await record(db, { action: 'school.updated', actorId: actor.id, districtId: actor.districtId, targetType: 'school', targetId: id, detail: values, ip })
    return school!
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('name', 'errors.schoolNameTaken')
    throw error
  }
}

export async function listClasses(db: Database, actor: Actor, filter: { schoolId?: string } = {}) {
  requirePermission(actor, 'read:district')
  return db
    .select({ id: classes.id, name: classes.name, stage: classes.stage, grade: classes.grade, schoolId: schools.id, schoolName: schools.name })
    .from(classes)
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(and(eq(schools.districtId, actor.districtId), filter.schoolId ? eq(classes.schoolId, filter.schoolId) : undefined))
    .orderBy(asc(schools.name), asc(classes.name))
}

async function findClass(db: Database, actor: Actor, id: string) {
  const [row] = await db
    .select({ class: classes, school: schools })
    .from(classes)
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(and(eq(classes.id, id), eq(schools.districtId, actor.districtId)))
  if (!row) throw notFound('errors.classNotFound')
  return row
}

export async function classMembersOf(db: Database, classIds: string[]) {
  if (classIds.length === 0) return []
  return db
    .select({ classId: classMembers.classId, id: users.id, username: users.username, displayName: users.displayName, role: users.role })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(inArray(classMembers.classId, classIds))
    .orderBy(asc(users.role), asc(users.displayName))
}

export async function getClass(db: Database, actor: Actor, id: string) {
  requirePermission(actor, 'read:district')
  const { class: klass, school } = await findClass(db, actor, id)
  return { ...klass, school, members: await classMembersOf(db, [id]) }
}

export async function createClass(db: Database, actor: Actor, input: unknown, ip?: string | null) {
  requirePermission(actor, 'manage:classes')
  const values = parseInput(classInput, input)
  await findSchool(db, actor, values.schoolId)
  try {
    const [klass] = await db.insert(classes).values(values).returning()
    await record(db, { action: 'class.created', actorId: actor.id, districtId: actor.districtId, targetType: 'class', targetId: klass!.id, detail: values, ip })
    return klass!
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('name', 'errors.classNameTaken')
    throw error
  }
}

export async function updateClass(db: Database, actor: Actor, id: string, input: unknown, ip?: string | null) {
  requirePermission(actor, 'manage:classes')
  const { class: existing } = await findClass(db, actor, id)
  const values = parseInput(classInput.omit({ schoolId: true }), input)
  try {
    const [klass] = await db.update(classes).set(values).where(eq(classes.id, existing.id)).returning()
    await record(db, { action: 'class.updated', actorId: actor.id, districtId: actor.districtId, targetType: 'class', targetId: id, detail: values, ip })
    return klass!
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('name', 'errors.classNameTaken')
    throw error
  }
}

/** Teachers and students of the class's own school only. */
export async function addClassMember(db: Database, actor: Actor, classId: string, username: string, ip?: string | null) {
  requirePermission(actor, 'manage:classes')
  const { class: klass } = await findClass(db, actor, classId)
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.username, username.trim()), eq(users.districtId, actor.districtId)))
  if (!user) throw new AppError(404, { key: 'errors.userNotFound' }, { fields: { username: { key: 'errors.userNotFound' } } })
  if (user.role !== 'teacher' && user.role !== 'student') throw new AppError(400, { key: 'errors.memberRoleInvalid' }, { fields: { username: { key: 'errors.memberRoleInvalid' } } })
  if (user.schoolId !== klass.schoolId) throw new AppError(400, { key: 'errors.wrongSchool' }, { fields: { username: { key: 'errors.wrongSchool' } } })
  await db.insert(classMembers).values({ classId, userId: user.id }).onConflictDoNothing()
  await record(db, { action: 'class.member-added', actorId: actor.id, districtId: actor.districtId, targetType: 'class', targetId: classId, detail: { userId: user.id, username: user.username }, ip })
}

export async function removeClassMember(db: Database, actor: Actor, classId: string, userId: string, ip?: string | null) {
  requirePermission(actor, 'manage:classes')
  await findClass(db, actor, classId)
  await db.delete(classMembers).where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
  await record(db, { action: 'class.member-removed', actorId: actor.id, districtId: actor.districtId, targetType: 'class', targetId: classId, detail: { userId }, ip })
}
