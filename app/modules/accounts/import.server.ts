import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { classMembers, classes, familyLinks, schools, users } from '#db/schema'
import { readCsvRows } from '~/platform/csv.server'
import { AppError, fieldErrorsOf, type FieldErrors } from '~/platform/errors'
import type { Actor } from './actor'
import { record } from './audit.server'
import { requirePermission } from './permissions'
import { userCreateInput } from './schemas'
import { insertUser } from './users.server'

export const maxImportRows = 5000
const requiredColumns = ['username', 'display_name', 'role', 'password'] as const

export interface ImportRowError {
  row: number
  username: string
  fields: FieldErrors
}

export interface ImportReport {
  imported: { row: number; username: string }[]
  failed: ImportRowError[]
}

/**
 * Imports users from CSV. Each row stands alone: a bad row is reported with its line number and
 * imports nothing of itself (user, class, family links go in one transaction); the others go in.
 * Family rows run last, so they can name children created by the same file.
 */
export async function importUsers(db: Database, actor: Actor, csv: string, ip?: string | null): Promise<ImportReport> {
  requirePermission(actor, 'import:users')
  const rows = readCsvRows(csv, { required: requiredColumns, maxRows: maxImportRows })
  const report: ImportReport = { imported: [], failed: [] }
  const seen = new Map<string, number>()
  const districtSchools = await db.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.districtId, actor.districtId))
  const schoolByName = new Map(districtSchools.map((s) => [s.name, s.id]))

  const ordered = rows.map((record, index) => ({ record, row: index + 2 })).sort((a, b) => Number(a.record.role === 'family') - Number(b.record.role === 'family'))
  for (const { record: raw, row } of ordered) {
    const username = (raw.username ?? '').trim()
    const fail = (fields: FieldErrors) => report.failed.push({ row, username, fields })
    const key = username.toLowerCase()
    if (key && seen.has(key)) {
      fail({ username: { key: 'errors.csvDuplicate', params: { username } } })
      continue
    }
    seen.set(key, row)

    const schoolName = raw.school?.trim()
    const schoolId = schoolName ? schoolByName.get(schoolName) : undefined
    const role = raw.role?.trim().toLowerCase()
    const parsed = userCreateInput.safeParse({
      username,
      displayName: raw.display_name,
      role,
      email: raw.email,
      schoolId,
      password: raw.password,
    })
    const fields: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error)
    if (!parsed.success && fields.role) fields.role = { key: 'errors.invalidRole' }
    if (schoolName && !schoolId) fields.school = { key: 'errors.unknownSchool', params: { name: schoolName } }
    if ((role === 'teacher' || role === 'student') && !schoolId && !fields.school) {
      fields.school = { key: 'errors.schoolRequired' }
    }
    if (!parsed.success || Object.keys(fields).length) {
      fail(fields)
      continue
    }

    try {
      await db.transaction(async (tx) => {
        const user = await insertUser(tx, actor, parsed.data, ip)
        const className = raw.class?.trim()
        if (className) {
          const [klass] = schoolId
            ? await tx
                .select({ id: classes.id })
                .from(classes)
                .where(and(eq(classes.schoolId, schoolId), eq(classes.name, className)))
            : []
          if (!klass) throw rowError({ class: { key: 'errors.unknownClass', params: { name: className } } })
          await tx.insert(classMembers).values({ classId: klass.id, userId: user.id })
        }
        const childNames = (raw.children ?? '').split(/[;；]/).map((c) => c.trim().toLowerCase()).filter(Boolean)
        if (childNames.length) {
          if (parsed.data.role !== 'family') throw rowError({ children: { key: 'errors.notAFamily' } })
          const children = await tx
            .select({ id: users.id, username: users.username, role: users.role })
            .from(users)
            .where(and(eq(users.districtId, actor.districtId), inArray(sql`lower(${users.username})`, childNames)))
          for (const name of childNames) {
            const child = children.find((c) => c.username.toLowerCase() === name)
            if (!child) throw rowError({ children: { key: 'errors.studentNotFound', params: { username: name } } })
            if (child.role !== 'student') throw rowError({ children: { key: 'errors.notAStudent' } })
            await tx.insert(familyLinks).values({ familyId: user.id, studentId: child.id })
          }
        }
      })
      report.imported.push({ row, username })
    } catch (error) {
      if (error instanceof AppError) fail(error.options.fields ?? { _: error.userMessage })
      else throw error
    }
  }

  report.failed.sort((a, b) => a.row - b.row)
  report.imported.sort((a, b) => a.row - b.row)
  await record(db, {
    action: 'users.imported',
    actorId: actor.id,
    districtId: actor.districtId,
    detail: { imported: report.imported.length, failed: report.failed.length },
    ip,
  })
  return report
}

const rowError = (fields: FieldErrors) => new AppError(400, { key: 'errors.badRequest' }, { fields })
