import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { classMembers, classes, familyLinks, users } from '../../../db/schema'
import { classesTaughtBy, familyIdsOf, reachableStudents, relationTo, requireClassTaught, requireStudent, teacherIdsOf } from '../../../app/modules/accounts/students.server'
import { databaseKinds } from '../../support/database'
import { actorFor } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

describe.each(databaseKinds)('who reaches a student on %s', (kind) => {
  let rt: Runtime
  let student: string
  let otherStudent: string
  let otherClass: string
  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    const [s] = await rt.db.select().from(users).where(eq(users.username, 'student'))
    student = s!.id
    // A second class in the same school with its own student and a second teacher.
    const [klass] = await rt.db.insert(classes).values({ schoolId: s!.schoolId!, name: '四年级（2）班', stage: 'primary', grade: 4 }).returning()
    otherClass = klass!.id
    const [other, teacher2] = await rt.db
      .insert(users)
      .values([
        { username: 'other-student', displayName: '小红', role: 'student', districtId: s!.districtId, schoolId: s!.schoolId, passwordHash: 'x' },
        { username: 'teacher-liu', displayName: '刘老师', role: 'teacher', districtId: s!.districtId, schoolId: s!.schoolId, passwordHash: 'x' },
      ])
      .returning()
    otherStudent = other!.id
    await rt.db.insert(classMembers).values([
      { classId: otherClass, userId: otherStudent },
      { classId: otherClass, userId: teacher2!.id },
    ])
  })
  afterAll(() => stopTestRuntime(rt))

  it('lets the student, the linked family and the class teacher reach the student, and no one else', async () => {
    expect(await relationTo(rt.db, await actorFor(rt.db, 'student'), student)).toBe('self')
    expect(await relationTo(rt.db, await actorFor(rt.db, 'family'), student)).toBe('family')
    expect(await relationTo(rt.db, await actorFor(rt.db, 'teacher'), student)).toBe('teacher')
    expect(await relationTo(rt.db, await actorFor(rt.db, 'teacher-liu'), student)).toBeNull()
    expect(await relationTo(rt.db, await actorFor(rt.db, 'admin'), student)).toBeNull()
    expect(await relationTo(rt.db, await actorFor(rt.db, 'researcher'), student)).toBeNull()
    expect(await relationTo(rt.db, await actorFor(rt.db, 'student'), otherStudent)).toBeNull()
    expect(await relationTo(rt.db, await actorFor(rt.db, 'family'), otherStudent)).toBeNull()
  })

  it('answers 404 for an unreachable, unknown or malformed id', async () => {
    const teacher = await actorFor(rt.db, 'teacher')
    await expect(requireStudent(rt.db, teacher, otherStudent)).rejects.toMatchObject({ status: 404 })
    await expect(requireStudent(rt.db, teacher, '00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({ status: 404 })
    await expect(requireStudent(rt.db, teacher, 'not-an-id')).rejects.toMatchObject({ status: 404 })
    expect((await requireStudent(rt.db, teacher, student)).student.displayName).toBe('小明')
  })

  it('lists each actor’s reachable students and a teacher’s classes', async () => {
    const names = async (username: string) => (await reachableStudents(rt.db, await actorFor(rt.db, username))).map((s) => s.displayName)
    // 小明 and the three classmates the learning demo adds to 三年级（1）班.
    const classmates = ['小明', '小红', '小刚', '小丽'].sort()
    expect((await names('teacher')).sort()).toEqual(classmates)
    expect(await names('teacher-liu')).toEqual(['小红'])
    expect(await names('family')).toEqual(['小明'])
    expect(await names('student')).toEqual(['小明'])
    expect(await names('admin')).toEqual([])
    const taught = await classesTaughtBy(rt.db, await actorFor(rt.db, 'teacher'))
    expect(taught.map((c) => [c.name, c.students.map((s) => s.displayName).sort()])).toEqual([['三年级（1）班', classmates]])
    await expect(requireClassTaught(rt.db, await actorFor(rt.db, 'teacher'), otherClass)).rejects.toMatchObject({ status: 404 })
  })

  it('finds a student’s teachers and family', async () => {
    const [teacher] = await rt.db.select().from(users).where(eq(users.username, 'teacher'))
    const [family] = await rt.db.select().from(familyLinks).where(eq(familyLinks.studentId, student))
    expect(await teacherIdsOf(rt.db, student)).toEqual([teacher!.id])
    expect(await familyIdsOf(rt.db, student)).toEqual([family!.familyId])
  })
})
