import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { classes, classMembers, familyLinks, schools, users } from '#db/schema'
import { AppError, badInput, conflict, notFound, parseInput } from '~/platform/errors'
import type { Actor } from './actor'
import { record } from './audit.server'
import { isUniqueViolation } from './db-errors'
import { hashPassword, verifyPassword } from './passwords.server'
import { isRole, requirePermission, type Role } from './permissions'
import { passwordChangeInput, preferencesInput, userCreateInput, userUpdateInput, type UserCreateInput } from './schemas'
import { revokeOtherSessions } from './sessions.server'
import { classMembersOf } from './structure.server'

/** What any page or API answer may show of a user: never the password hash. */
const publicUser = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  role: users.role,
  schoolId: users.schoolId,
  schoolName: schools.name,
  active: users.active,
  createdAt: users.createdAt,
}

const pageSize = 50

export async function listUsers(db: Database, actor: Actor, filter: { role?: string; schoolId?: string; q?: string; page?: number } = {}) {
  requirePermission(actor, 'manage:users')
  const page = Math.max(1, Math.floor(filter.page ?? 1))
  const q = filter.q?.trim()
  const where = and(
    eq(users.districtId, actor.districtId),
    isRole(filter.role) ? eq(users.role, filter.role) : undefined,
    filter.schoolId ? eq(users.schoolId, filter.schoolId) : undefined,
    q ? or(ilike(users.username, `%${escapeLike(q)}%`), ilike(users.displayName, `%${escapeLike(q)}%`)) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    db
      .select(publicUser)
      .from(users)
      .leftJoin(schools, eq(schools.id, users.schoolId))
      .where(where)
      .orderBy(asc(users.role), asc(users.username))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(users).where(where),
  ])
  return { users: rows, page, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / pageSize)), total: total?.n ?? 0 }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

async function findUser(db: Database, actor: Actor, id: string) {
  const [user] = await db
    .select(publicUser)
    .from(users)
    .leftJoin(schools, eq(schools.id, users.schoolId))
    .where(and(eq(users.id, id), eq(users.districtId, actor.districtId)))
  if (!user) throw notFound('errors.userNotFound')
  return user
}

export async function getUser(db: Database, actor: Actor, id: string) {
  requirePermission(actor, 'manage:users')
  const user = await findUser(db, actor, id)
  const [userClasses, children] = await Promise.all([classesOf(db, id), childrenOf(db, id)])
  return { ...user, classes: userClasses, children }
}

async function classesOf(db: Database, userId: string) {
  return db
    .select({ id: classes.id, name: classes.name, stage: classes.stage, grade: classes.grade, schoolName: schools.name })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(eq(classMembers.userId, userId))
    .orderBy(asc(classes.name))
}

async function childrenOf(db: Database, familyId: string) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, relation: familyLinks.relation, schoolName: schools.name })
    .from(familyLinks)
    .innerJoin(users, eq(users.id, familyLinks.studentId))
    .leftJoin(schools, eq(schools.id, users.schoolId))
    .where(eq(familyLinks.familyId, familyId))
    .orderBy(asc(users.displayName))
}

const needsSchool = (role: Role) => role === 'teacher' || role === 'student'

async function checkSchool(db: Database, actor: Actor, role: Role, schoolId: string | undefined) {
  if (!schoolId) {
    if (needsSchool(role)) throw badInput({ schoolId: { key: 'errors.schoolRequired' } })
    return
  }
  const [school] = await db
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.districtId, actor.districtId)))
  if (!school) throw badInput({ schoolId: { key: 'errors.schoolNotFound' } })
}

function uniqueConflict(error: unknown): never {
  if (isUniqueViolation(error)) {
    const text = String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message)
    throw text.includes('email') ? conflict('email', 'errors.emailTaken') : conflict('username', 'errors.usernameTaken')
  }
  throw error
}

/** Inserts a checked user; shared by the form, the API and the CSV import. */
export async function insertUser(db: Pick<Database, 'insert'>, actor: Actor, values: UserCreateInput, ip?: string | null) {
  const passwordHash = await hashPassword(values.password)
  try {
    const [user] = await db
      .insert(users)
      .values({ ...values, email: values.email ?? null, schoolId: values.schoolId ?? null, passwordHash, districtId: actor.districtId })
      .returning({ id: users.id })
    const { password: _password, ...detail } = values
    await record(db, { action: 'user.created', actorId: actor.id, districtId: actor.districtId, targetType: 'user', targetId: user!.id, detail, ip })
    return user!
  } catch (error) {
    uniqueConflict(error)
  }
}

export async function createUser(db: Database, actor: Actor, input: unknown, ip?: string | null) {
  requirePermission(actor, 'manage:users')
  const values = parseInput(userCreateInput, input)
  await checkSchool(db, actor, values.role, values.schoolId)
  const { id } = await insertUser(db, actor, values, ip)
  return findUser(db, actor, id)
}

export async function updateUser(db: Database, actor: Actor, id: string, input: unknown, ip?: string | null) {
  requirePermission(actor, 'manage:users')
  const existing = await findUser(db, actor, id)
  const values = parseInput(userUpdateInput, input)
  if (id === actor.id && !values.active) throw badInput({ active: { key: 'errors.cannotDeactivateSelf' } })
  if (id === actor.id && values.role !== existing.role) throw badInput({ role: { key: 'errors.cannotChangeOwnRole' } })
  await checkSchool(db, actor, values.role, values.schoolId)
  const { password, ...changes } = values
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          ...changes,
          email: changes.email ?? null,
          schoolId: changes.schoolId ?? null,
          updatedAt: new Date(),
          ...(password ? { passwordHash: await hashPassword(password) } : {}),
        })
        .where(eq(users.id, id))
      // A reset password, a new role or a deactivated account must not leave old sessions open.
      if (password || !changes.active || changes.role !== existing.role) await revokeOtherSessions(tx, id)
      await record(tx, {
        action: 'user.updated',
        actorId: actor.id,
        districtId: actor.districtId,
        targetType: 'user',
        targetId: id,
        detail: { ...changes, passwordReset: Boolean(password) },
        ip,
      })
    })
  } catch (error) {
    uniqueConflict(error)
  }
  return findUser(db, actor, id)
}

export async function linkChild(db: Database, actor: Actor, familyId: string, studentUsername: string, ip?: string | null) {
  requirePermission(actor, 'manage:users')
  const family = await findUser(db, actor, familyId)
  if (family.role !== 'family') throw badInput({ childUsername: { key: 'errors.notAFamily' } })
  const [student] = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(sql`lower(${users.username}) = ${studentUsername.trim().toLowerCase()}`, eq(users.districtId, actor.districtId)))
  if (!student) throw badInput({ childUsername: { key: 'errors.studentNotFound', params: { username: studentUsername.trim() } } })
  if (student.role !== 'student') throw badInput({ childUsername: { key: 'errors.notAStudent' } })
  await db.insert(familyLinks).values({ familyId, studentId: student.id }).onConflictDoNothing()
  await record(db, { action: 'user.family-linked', actorId: actor.id, districtId: actor.districtId, targetType: 'user', targetId: familyId, detail: { studentId: student.id }, ip })
}

export async function unlinkChild(db: Database, actor: Actor, familyId: string, studentId: string, ip?: string | null) {
  requirePermission(actor, 'manage:users')
  await findUser(db, actor, familyId)
  await db.delete(familyLinks).where(and(eq(familyLinks.familyId, familyId), eq(familyLinks.studentId, studentId)))
  await record(db, { action: 'user.family-unlinked', actorId: actor.id, districtId: actor.districtId, targetType: 'user', targetId: familyId, detail: { studentId }, ip })
}

/** Any signed-in user, for themselves. Other sessions end; the one that asked stays signed in. */
export async function changeOwnPassword(db: Database, actor: Actor, input: unknown, currentToken: string | null, ip?: string | null) {
  const values = parseInput(passwordChangeInput, input)
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id))
  if (!row || !(await verifyPassword(row.passwordHash, values.currentPassword))) {
    throw badInput({ currentPassword: { key: 'account.wrongPassword' } })
  }
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(values.newPassword), updatedAt: new Date() })
      .where(eq(users.id, actor.id))
    await revokeOtherSessions(tx, actor.id, currentToken ?? undefined)
    await record(tx, { action: 'auth.password-changed', actorId: actor.id, districtId: actor.districtId, targetType: 'user', targetId: actor.id, ip })
  })
}

export async function updateOwnPreferences(db: Database, actor: Actor, input: unknown) {
  const { locale, ...preferences } = parseInput(preferencesInput, input)
  await db.update(users).set({ locale, preferences, updatedAt: new Date() }).where(eq(users.id, actor.id))
  return { locale, preferences }
}

export async function getOwnProfile(db: Database, actor: Actor) {
  const [user] = await db.select(publicUser).from(users).leftJoin(schools, eq(schools.id, users.schoolId)).where(eq(users.id, actor.id))
  if (!user) throw new AppError(401, { key: 'errors.unauthorized' })
  return user
}

/** A teacher's or student's own classes, with their members. */
export async function myClasses(db: Database, actor: Actor) {
  requirePermission(actor, 'read:own-classes')
  const own = await classesOf(db, actor.id)
  const members = await classMembersOf(db, own.map((c) => c.id))
  return own.map((c) => ({ ...c, members: members.filter((m) => m.classId === c.id) }))
}

/** A family's own children and their classes: nobody else's. */
export async function myChildren(db: Database, actor: Actor) {
  requirePermission(actor, 'read:own-children')
  const children = await childrenOf(db, actor.id)
  const childClasses = children.length
    ? await db
        .select({ userId: classMembers.userId, id: classes.id, name: classes.name })
        .from(classMembers)
        .innerJoin(classes, eq(classes.id, classMembers.classId))
        .where(inArray(classMembers.userId, children.map((c) => c.id)))
    : []
  return children.map((child) => ({ ...child, classes: childClasses.filter((c) => c.userId === child.id) }))
}
