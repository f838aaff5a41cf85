import { Readable } from 'node:stream'
import { and, eq } from 'drizzle-orm'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assignmentStudents, classes, classMembers, districts, exerciseAnswers, learnerPreferences, notifications, schools, users } from '../../../db/schema'
import type { Actor } from '../../../app/modules/accounts/actor'
import { hashPassword } from '../../../app/modules/accounts/passwords.server'
import { giveConsent, stateAge } from '../../../app/modules/learning/consent.server'
import { uploadExerciseImage } from '../../../app/modules/learning/exercises.server'
import { createResource, publishDirectly } from '../../../app/modules/library/resources.server'
import { action as playerAction, loader as playerLoader } from '../../../app/routes/learn.$assignmentId'
import { loader as myLessonsLoader } from '../../../app/routes/learn._index'
import { action as prefsAction, loader as prefsLoader } from '../../../app/routes/learn.preferences'
import { loader as imageLoader } from '../../../app/routes/learn.images.$imageId'
import { action as assignAction, loader as assignLoader } from '../../../app/routes/teach.assign'
import { loader as progressLoader } from '../../../app/routes/teach.classes.$classId'
import { loader as teachLoader } from '../../../app/routes/teach._index'
import { action as editorAction, loader as editorLoader } from '../../../app/routes/teach.lessons.$id.exercises'
import { databaseKinds } from '../../support/database'
import { api, apiToken } from '../../support/http'
import { actorFor } from '../../support/media'
import { Browser } from '../../support/pages'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'
import { lessonInput } from '../library/fixtures'

type Who = 'teacher' | 'teacher2' | 'student' | 'student2' | 'family' | 'otherTeacher' | 'otherKid' | 'outsider'
const missingId = '00000000-0000-4000-8000-000000000000'

describe.each(databaseKinds)('learning: assignments, player, exercises, preferences, progress on %s', (kind) => {
  let rt: Runtime
  const token = {} as Record<Who, string>
  const a = {} as Record<Who, Actor>
  let classId: string
  let otherClassId: string
  let lessonId: string
  let assignmentId: string
  let yesNoId: string
  let orderingId: string
  const browsers = {} as Record<Who, Browser>

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    // Another class of the same school with its own teacher and student; another district's teacher.
    const [klass] = await rt.db.select({ id: classes.id, schoolId: classes.schoolId }).from(classes).where(eq(classes.name, '三年级（1）班'))
    classId = klass!.id
    const [district] = await rt.db.select({ id: districts.id }).from(districts).where(eq(districts.code, 'demo'))
    const [other] = await rt.db.insert(classes).values({ schoolId: klass!.schoolId, name: '四年级（2）班', stage: 'primary', grade: 4 }).returning()
    otherClassId = other!.id
    const passwordHash = await hashPassword('tongxing-demo')
    const created = await rt.db
      .insert(users)
      .values([
        { username: 'other-teacher', displayName: '李老师', role: 'teacher', districtId: district!.id, schoolId: klass!.schoolId, passwordHash },
        { username: 'other-kid', displayName: '小强', role: 'student', districtId: district!.id, schoolId: klass!.schoolId, passwordHash },
      ])
      .returning()
    await rt.db.insert(classMembers).values(created.map((u) => ({ classId: otherClassId, userId: u.id })))
    const [far] = await rt.db.insert(districts).values({ code: 'far', name: '远方区' }).returning()
    const [farSchool] = await rt.db.insert(schools).values({ districtId: far!.id, name: '远方培智学校', kind: 'peizhi' }).returning()
    await rt.db.insert(users).values({ username: 'outsider', displayName: '外区老师', role: 'teacher', districtId: far!.id, schoolId: farSchool!.id, passwordHash })

    const logins: Record<Who, string> = { teacher: 'teacher', teacher2: 'teacher2', student: 'student', student2: 'student2', family: 'family', otherTeacher: 'other-teacher', otherKid: 'other-kid', outsider: 'outsider' }
    for (const [who, login] of Object.entries(logins) as [Who, string][]) {
      a[who] = await actorFor(rt.db, login)
      token[who] = await apiToken(login)
      browsers[who] = new Browser()
      await browsers[who].signIn(login)
    }
    const lesson = await createResource(rt.db, a.teacher, {
      ...lessonInput('认识人民币'),
      variants: [
        ...lessonInput().variants,
        { key: 'tier-b', objectives: '在提示下付 1 元', activities: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '看图付钱。再说一说！' }] }] }, assessment: '提示下完成' },
      ],
    })
    await publishDirectly(rt.db, lesson.id)
    lessonId = lesson.id
  })
  afterAll(() => stopTestRuntime(rt))

  const fields = (body: { error: { fields?: Record<string, { code: string }> } }) => Object.fromEntries(Object.entries(body.error.fields ?? {}).map(([f, m]) => [f, m.code]))

  it('assigns a lesson to the class with a variant per student, and tells students and the family', async () => {
    const refused = await api('POST', '/learning/assignments', { token: token.teacher, body: { resourceId: lessonId, classId, defaultVariant: 'tier-b', variants: { [a.student2.id]: 'disability-hearing' } } })
    expect(refused.status).toBe(400)
    expect(fields(refused.body)).toEqual({ [`variants.${a.student2.id}`]: 'learning.errors.variantNotOffered' })

    const made = await api('POST', '/learning/assignments', { token: token.teacher, body: { resourceId: lessonId, classId, dueOn: '2030-01-15', defaultVariant: 'tier-b', variants: { [a.student2.id]: 'tier-a' }, note: '周五前完成' } })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    expect(made.body.students).toBe(4)
    assignmentId = made.body.id
    const rows = await rt.db.select().from(assignmentStudents).where(eq(assignmentStudents.assignmentId, assignmentId))
    expect(Object.fromEntries(rows.map((r) => [r.studentId, r.variantKey]))).toMatchObject({ [a.student.id]: 'tier-b', [a.student2.id]: 'tier-a' })
    expect(rows.every((r) => r.status === 'assigned')).toBe(true)

    const toStudent = await rt.db.select().from(notifications).where(and(eq(notifications.userId, a.student.id), eq(notifications.kind, 'learning.assigned')))
    expect(toStudent.map((n) => n.link)).toEqual([`/learn/${assignmentId}`])
    const toFamily = await rt.db.select().from(notifications).where(and(eq(notifications.userId, a.family.id), eq(notifications.kind, 'learning.assignedChild')))
    expect(toFamily.map((n) => n.params)).toEqual([{ title: '认识人民币', student: '小明' }])
  })

  it('assigns only published lessons of the district to students the teacher teaches', async () => {
    const draft = await createResource(rt.db, a.teacher, lessonInput('草稿'))
    expect(fields((await api('POST', '/learning/assignments', { token: token.teacher, body: { resourceId: draft.id, classId } })).body)).toEqual({ resourceId: 'learning.errors.lessonNotAssignable' })
    expect(fields((await api('POST', '/learning/assignments', { token: token.otherTeacher, body: { resourceId: lessonId, classId } })).body)).toEqual({ classId: 'learning.errors.classNotTaught' })
    expect(fields((await api('POST', '/learning/assignments', { token: token.teacher, body: { resourceId: lessonId, studentIds: [a.otherKid.id] } })).body)).toEqual({ studentIds: 'learning.errors.studentNotTaught' })
    expect(fields((await api('POST', '/learning/assignments', { token: token.teacher, body: { resourceId: lessonId, classId, studentIds: [a.otherKid.id] } })).body)).toEqual({ studentIds: 'learning.errors.studentNotTaught' })
    expect(fields((await api('POST', '/learning/assignments', { token: token.teacher, body: { resourceId: lessonId, classId, dueOn: '2030-02-31' } })).body)).toEqual({ dueOn: 'learning.errors.badDate' })
    expect(fields((await api('POST', '/learning/assignments', { token: token.outsider, body: { resourceId: lessonId, studentIds: [a.student.id] } })).body)).toEqual({ resourceId: 'learning.errors.lessonNotAssignable' })
    for (const who of ['student', 'family'] as const) expect((await api('POST', '/learning/assignments', { token: token[who], body: { resourceId: lessonId, classId } })).status).toBe(403)
    // Chosen students of one's own class.
    const chosen = await api('POST', '/learning/assignments', { token: token.otherTeacher, body: { resourceId: lessonId, studentIds: [a.otherKid.id] } })
    expect(chosen.status).toBe(201)
    expect((await api('GET', '/learning/assignments', { token: token.teacher })).body.map((x: { id: string }) => x.id)).not.toContain(chosen.body.id)
  })

  it("shows a student's assignments to the student, their family and their teachers only (404 for everyone else, guessed ids included)", async () => {
    const path = `/learning/students/${a.student.id}/assignments`
    for (const who of ['student', 'family', 'teacher'] as const) {
      const res = await api('GET', path, { token: token[who] })
      expect(res.status).toBe(200)
      expect(res.body).toEqual([expect.objectContaining({ assignmentId, title: '认识人民币', variantKey: 'tier-b', variantName: { 'zh-CN': 'B 层（部分支持）', en: expect.any(String) }, dueOn: '2030-01-15', status: 'assigned', overdue: false })])
    }
    for (const who of ['student2', 'teacher2', 'otherTeacher', 'otherKid', 'outsider'] as const) expect((await api('GET', path, { token: token[who] })).status).toBe(404)
    expect((await api('GET', `/learning/students/${missingId}/assignments`, { token: token.teacher })).status).toBe(404)
    expect((await api('GET', '/learning/students/not-an-id/assignments', { token: token.teacher })).status).toBe(404)

    // The page: own list; a family with one child gets theirs; ?student= of another child is a 404.
    expect((await browsers.student.open('/learn', myLessonsLoader)).data.assignments).toHaveLength(1)
    expect((await browsers.family.open('/learn', myLessonsLoader)).data.student.displayName).toBe('小明')
    expect((await browsers.student.open(`/learn?student=${a.student2.id}`, myLessonsLoader)).status).toBe(404)
    expect((await browsers.family.open(`/learn?student=${a.otherKid.id}`, myLessonsLoader)).status).toBe(404)
    expect((await browsers.otherTeacher.open(`/learn?student=${a.student.id}`, myLessonsLoader)).status).toBe(404)
    expect((await browsers.teacher.open('/learn', myLessonsLoader)).location).toBe('/teach')
    const admin = new Browser()
    await admin.signIn('admin')
    expect((await admin.open('/learn', myLessonsLoader)).status).toBe(403)
    expect((await admin.open(`/learn?student=${a.student.id}`, myLessonsLoader)).status).toBe(404)
  })

  it('opens the lesson player for the student with their variant; another student or class is a 404', async () => {
    const page = await browsers.student.open(`/learn/${assignmentId}`, playerLoader, { assignmentId })
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({ relation: 'self', lesson: { title: '认识人民币' }, variant: { key: 'tier-b', objectives: '在提示下付 1 元' }, assignment: { status: 'assigned', note: '周五前完成' } })
    expect(JSON.stringify(page.data.variant.activities)).toContain('看图付钱')

    const asFamily = await browsers.family.open(`/learn/${assignmentId}?student=${a.student.id}`, playerLoader, { assignmentId })
    expect(asFamily.data.relation).toBe('family')
    // The same assignment id, through someone else's student id, or by a student who is not in it.
    expect((await browsers.student.open(`/learn/${assignmentId}?student=${a.student2.id}`, playerLoader, { assignmentId })).status).toBe(404)
    expect((await browsers.otherKid.open(`/learn/${assignmentId}`, playerLoader, { assignmentId })).status).toBe(404)
    expect((await browsers.otherTeacher.open(`/learn/${assignmentId}?student=${a.student.id}`, playerLoader, { assignmentId })).status).toBe(404)
    expect((await browsers.student.open(`/learn/${missingId}`, playerLoader, { assignmentId: missingId })).status).toBe(404)
  })

  it('keeps exercises per lesson: teachers add them, only their author or the lesson author changes them', async () => {
    const yesNo = await api('POST', `/learning/lessons/${lessonId}/exercises`, { token: token.teacher, body: { kind: 'yes_no', prompt: '1 元比 5 角多。', data: { answer: true } } })
    expect(yesNo.status, JSON.stringify(yesNo.body)).toBe(201)
    yesNoId = yesNo.body.id
    const ordering = await api('POST', `/learning/lessons/${lessonId}/exercises`, { token: token.otherTeacher, body: { kind: 'ordering', prompt: '付钱的顺序', data: { items: ['看价格', '拿钱', '交给收银员'] } } })
    orderingId = ordering.body.id
    expect(fields((await api('POST', `/learning/lessons/${lessonId}/exercises`, { token: token.teacher, body: { kind: 'matching', prompt: '配对', data: { pairs: [{ left: '1 元', right: '' }] } } })).body)).toMatchObject({ 'data.pairs': 'learning.errors.twoPairs' })

    // 李老师 wrote the ordering exercise; 张老师 is the lesson's author: both may change it. 陈老师 may not.
    expect((await api('PUT', `/learning/lessons/${lessonId}/exercises/${orderingId}`, { token: token.teacher2, body: { kind: 'ordering', prompt: 'x', data: { items: ['a', 'b'] } } })).status).toBe(403)
    expect((await api('PUT', `/learning/lessons/${lessonId}/exercises/${orderingId}`, { token: token.teacher, body: { kind: 'ordering', prompt: '付钱的顺序', data: { items: ['看价格', '拿钱', '交给收银员'] } } })).status).toBe(200)
    expect((await api('DELETE', `/learning/lessons/${lessonId}/exercises/${yesNoId}`, { token: token.otherTeacher })).status).toBe(403)
    for (const who of ['student', 'family'] as const) expect((await api('GET', `/learning/lessons/${lessonId}/exercises`, { token: token[who] })).status).toBe(403)
    expect((await api('GET', `/learning/lessons/${lessonId}/exercises`, { token: token.outsider })).status).toBe(404)
    // An exercise id through another lesson is not found.
    const draft = await createResource(rt.db, a.teacher, lessonInput('另一课'))
    await publishDirectly(rt.db, draft.id)
    expect((await api('DELETE', `/learning/lessons/${draft.id}/exercises/${yesNoId}`, { token: token.teacher })).status).toBe(404)

    const editor = await browsers.teacher.open(`/teach/lessons/${lessonId}/exercises`, editorLoader, { id: lessonId })
    expect(editor.data.exercises.map((e: { prompt: string; canEdit: boolean }) => [e.prompt, e.canEdit])).toEqual([
      ['1 元比 5 角多。', true],
      ['付钱的顺序', true],
    ])
    const moved = await browsers.teacher.submit(`/teach/lessons/${lessonId}/exercises`, editorAction, { intent: 'up', exerciseId: orderingId }, { params: { id: lessonId } })
    expect(moved.status).toBe(200)
    expect((await api('GET', `/learning/lessons/${lessonId}/exercises`, { token: token.teacher })).body.exercises.map((e: { id: string }) => e.id)).toEqual([orderingId, yesNoId])
    expect((await browsers.teacher2.open(`/teach/lessons/${lessonId}/exercises`, editorLoader, { id: lessonId })).data.exercises.every((e: { canEdit: boolean }) => !e.canEdit)).toBe(true)
  })

  it('adds a picture-choice exercise from the editor form with uploaded pictures; refuses a non-picture and a missing alt text', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } }).png().toBuffer()
    const form = (extra: Record<string, string | Blob>) => ({ kind: 'picture_choice', prompt: '哪一张是 1 元？', alt1: '1 元硬币', alt2: '5 角硬币', correct: '1', image1: new File([png], 'a.png'), image2: new File([png], 'b.png'), ...extra })
    const ok = await browsers.teacher.submit(`/teach/lessons/${lessonId}/exercises`, editorAction, form({}), { params: { id: lessonId } })
    expect(ok.status, JSON.stringify(ok.data)).toBe(200)
    const noAlt = await browsers.teacher.submit(`/teach/lessons/${lessonId}/exercises`, editorAction, form({ alt2: '' }), { params: { id: lessonId } })
    expect(noAlt.status).toBe(400)
    expect(noAlt.data.error.fields).toEqual({ 'data.options.1.alt': { key: 'learning.errors.altRequired' } })
    const text = await browsers.teacher.submit(`/teach/lessons/${lessonId}/exercises`, editorAction, form({ image2: new File(['not a picture'], 'b.png') }), { params: { id: lessonId } })
    expect(text.data.error.fields).toEqual({ file: { key: 'learning.errors.notAPicture' } })
    const noCsrf = await browsers.teacher.submit(`/teach/lessons/${lessonId}/exercises`, editorAction, form({}), { params: { id: lessonId }, csrf: null })
    expect(noCsrf.status).toBe(403)

    const exercises = (await api('GET', `/learning/lessons/${lessonId}/exercises`, { token: token.teacher })).body.exercises
    expect(exercises).toHaveLength(3)
    const picture = exercises.find((e: { kind: string }) => e.kind === 'picture_choice')
    const imageId = picture.data.options[0].imageId
    // A picture reaches anyone signed in to the district, nobody from another.
    expect((await browsers.student.open(`/learn/images/${imageId}`, imageLoader, { imageId })).headers.get('Content-Type')).toBe('image/png')
    expect((await browsers.outsider.open(`/learn/images/${imageId}`, imageLoader, { imageId })).status).toBe(404)
    // A picture of another district cannot be used in an exercise.
    const far = await uploadExerciseImage(rt, a.outsider, { fileName: 'x.png', body: Readable.from([png]) })
    const foreign = await api('POST', `/learning/lessons/${lessonId}/exercises`, { token: token.teacher, body: { kind: 'picture_choice', prompt: 'p', data: { options: [{ imageId: far.id, alt: 'a' }, { imageId, alt: 'b' }], correct: 0 } } })
    expect(fields(foreign.body)).toEqual({ 'data.options.0.imageId': 'learning.errors.pictureMissing' })
    // Changing it from the editor keeps the pictures not replaced; a colleague who did not write it cannot.
    const keep = { kind: 'picture_choice', prompt: '哪一张是 5 角？', alt1: '1 元硬币', alt2: '5 角硬币', correct: '2', keep1: imageId, keep2: picture.data.options[1].imageId, exerciseId: picture.id }
    const changed = await browsers.teacher.submit(`/teach/lessons/${lessonId}/exercises`, editorAction, { ...keep, image3: new File([], '') }, { params: { id: lessonId } })
    expect(changed.data).toEqual({ ok: true, message: { key: 'learning.exercises.updated' } })
    const after = (await api('GET', `/learning/lessons/${lessonId}/exercises`, { token: token.teacher })).body.exercises.find((e: { id: string }) => e.id === picture.id)
    expect(after).toMatchObject({ prompt: '哪一张是 5 角？', data: { correct: 1, options: [{ imageId, alt: '1 元硬币' }, { imageId: picture.data.options[1].imageId }] } })
    expect((await browsers.teacher2.submit(`/teach/lessons/${lessonId}/exercises`, editorAction, { ...keep, image3: new File([], '') }, { params: { id: lessonId } })).status).toBe(403)
    await api('DELETE', `/learning/lessons/${lessonId}/exercises/${picture.id}`, { token: token.teacher })
  })

  it('stores every answer as an attempt of the student only; the first one counts', async () => {
    const answer = (who: Who, exerciseId: string, body: unknown, student = a.student.id) =>
      api('POST', `/learning/students/${student}/assignments/${assignmentId}/exercises/${exerciseId}/answers`, { token: token[who], body })
    const seen = (await api('GET', `/learning/students/${a.student.id}/assignments/${assignmentId}/exercises`, { token: token.student })).body
    expect(JSON.stringify(seen)).not.toContain('"answer"')
    const ordering = seen.find((e: { id: string }) => e.id === orderingId)
    expect(ordering.items.map((i: { text: string }) => i.text).sort()).toEqual(['交给收银员', '拿钱', '看价格'].sort())

    expect((await answer('student', yesNoId, { yes: false })).body).toEqual({ correct: false, attempt: 1 })
    expect((await answer('student', yesNoId, { yes: true })).body).toEqual({ correct: true, attempt: 2 })
    const viaPage = await browsers.student.submit(`/learn/${assignmentId}`, playerAction, { intent: 'answer', exerciseId: orderingId, answer: JSON.stringify({ order: [0, 1, 2] }) }, { params: { assignmentId } })
    expect(viaPage.data).toEqual({ ok: true, result: { correct: true, attempt: 1 } })
    expect(fields((await answer('student', yesNoId, { order: [0, 1] })).body)).toEqual({ answer: 'learning.errors.answerDoesNotFit' })

    expect((await answer('family', yesNoId, { yes: true })).status).toBe(403)
    expect((await answer('teacher', yesNoId, { yes: true })).status).toBe(403)
    expect((await answer('student2', yesNoId, { yes: true }, a.student.id)).status).toBe(404)
    expect((await answer('student', yesNoId, { yes: true }, a.student2.id)).status).toBe(404)
    expect((await answer('student', missingId, { yes: true })).status).toBe(404)
    const stored = await rt.db.select().from(exerciseAnswers).where(eq(exerciseAnswers.studentId, a.student.id))
    expect(stored.map((r) => [r.attempt, r.correct]).sort()).toEqual([
      [1, false],
      [1, true],
      [2, true],
    ])
    const mine = (await api('GET', `/learning/students/${a.student.id}/assignments`, { token: token.student })).body[0]
    expect(mine.score).toEqual({ total: 2, answered: 2, firstTry: 1 })
  })

  it('lets only the student mark the lesson done, and the class progress shows it', async () => {
    expect((await browsers.family.submit(`/learn/${assignmentId}?student=${a.student.id}`, playerAction, { intent: 'done' }, { params: { assignmentId } })).status).toBe(403)
    expect((await browsers.student2.submit(`/learn/${assignmentId}?student=${a.student.id}`, playerAction, { intent: 'done' }, { params: { assignmentId } })).status).toBe(404)
    const done = await browsers.student.submit(`/learn/${assignmentId}`, playerAction, { intent: 'done' }, { params: { assignmentId } })
    expect(done.data).toEqual({ ok: true, message: { key: 'learning.player.markedDone' } })
    expect((await api('GET', `/learning/students/${a.student.id}/assignments`, { token: token.family })).body[0]).toMatchObject({ status: 'done', doneAt: expect.any(String) })

    const progress = await browsers.teacher.open(`/teach/classes/${classId}`, progressLoader, { classId })
    const block = progress.data.assignments.find((x: { id: string }) => x.id === assignmentId)
    expect(block.summary).toEqual({ students: 4, done: 1, exercises: 2, firstTry: 1, possible: 8 })
    expect(block.rows.map((r: { student: { displayName: string }; variantKey: string; status: string; dueState: string }) => [r.student.displayName, r.variantKey, r.status, r.dueState])).toEqual(
      expect.arrayContaining([
        ['小明', 'tier-b', 'done', 'done'],
        ['小红', 'tier-a', 'assigned', 'upcoming'],
      ]),
    )
    expect((await api('GET', `/learning/classes/${classId}/progress`, { token: token.teacher })).status).toBe(200)
    for (const who of ['otherTeacher', 'teacher2', 'outsider'] as const) expect((await api('GET', `/learning/classes/${classId}/progress`, { token: token[who] })).status).toBe(404)
    for (const who of ['student', 'family'] as const) expect((await api('GET', `/learning/classes/${classId}/progress`, { token: token[who] })).status).toBe(403)
    expect((await browsers.otherTeacher.open(`/teach/classes/${classId}`, progressLoader, { classId })).status).toBe(404)
    expect((await browsers.student.open('/teach', teachLoader)).status).toBe(403)
    expect((await browsers.student.open(`/teach/assign?resource=${lessonId}`, assignLoader)).status).toBe(403)

    const undone = await api('DELETE', `/learning/students/${a.student.id}/assignments/${assignmentId}/done`, { token: token.student })
    expect(undone.body).toEqual({ status: 'assigned', doneAt: null })
    await api('PUT', `/learning/students/${a.student.id}/assignments/${assignmentId}/done`, { token: token.student })
  })

  it('assigns from the teacher page with a per-student variant', async () => {
    const page = await browsers.teacher.open(`/teach/assign?resource=${lessonId}&class=${classId}`, assignLoader)
    expect(page.data.lesson.variantKeys).toEqual(['tier-a', 'tier-b', 'tier-c'])
    expect(page.data.klass.students.map((s: { displayName: string }) => s.displayName).sort()).toEqual(['小丽', '小刚', '小明', '小红'].sort())
    const result = await browsers.teacher.submit('/teach/assign', assignAction, { resourceId: lessonId, classId, target: 'class', defaultVariant: 'tier-c', [`variant.${a.student2.id}`]: 'tier-a', dueOn: '2030-03-01', note: '' })
    expect(result.data).toMatchObject({ ok: true, message: { key: 'learning.assign.assigned', params: { count: 4 } } })
    const bad = await browsers.teacher.submit('/teach/assign', assignAction, { resourceId: lessonId, classId: otherClassId, target: 'class' })
    expect(bad.data.error.fields).toEqual({ classId: { key: 'learning.errors.classNotTaught' } })
  })

  it('layers preferences (student ?? family ?? teacher ?? default) and stores them only with consent', async () => {
    const put = (who: Who, body: unknown, student = a.student.id) => api('PUT', `/learning/students/${student}/preferences`, { token: token[who], body })
    // 小红 has no guardian consent on record and no stated age: nothing is stored.
    const blocked = await put('teacher', { captions: true, readAloudRate: 0.8 }, a.student2.id)
    expect(blocked.status).toBe(409)
    expect(blocked.body.error.code).toBe('family.errors.consentRequired')
    expect((await browsers.student2.submit('/learn/preferences', prefsAction, { readAloudRate: '1.2' })).status).toBe(409)
    expect(await rt.db.select().from(learnerPreferences).where(eq(learnerPreferences.studentId, a.student2.id))).toEqual([])
    // A student stated to be 14 or older needs none.
    await stateAge(rt.db, a.teacher, a.student2.id, { aged14OrOver: 'yes' })
    expect((await put('teacher', { captions: true }, a.student2.id)).status).toBe(200)

    // 小明's mother has consented (the demo may have recorded it already).
    await giveConsent(rt.db, a.family, a.student.id, { guardianName: '小明妈妈', agree: true }).catch((error) => expect(error.userMessage.key).toBe('family.errors.consentAlreadyGiven'))
    expect((await put('teacher', { captions: true, readAloudRate: 0.8, signWindow: 'pip' })).status).toBe(200)
    expect((await put('family', { signWindow: 'side' })).status).toBe(200)
    const own = await browsers.student.submit('/learn/preferences', prefsAction, { readAloudRate: '1.5', fontScale: 'x-large', captions: '', scanInterval: '' })
    expect(own.data).toEqual({ ok: true, message: { key: 'learning.prefs.saved' } })
    const view = (await api('GET', `/learning/students/${a.student.id}/preferences`, { token: token.family })).body
    expect(view.layer).toBe('family')
    expect(view.effective).toMatchObject({ captions: true, signWindow: 'side', readAloudRate: 1.5, fontScale: 'x-large', contrast: 'normal' })
    expect(view.sources).toMatchObject({ captions: 'teacher', signWindow: 'family', readAloudRate: 'student', fontScale: 'student', contrast: 'default' })
    // The student's own text size is their account's display setting: the same place /preferences keeps it.
    const [account] = await rt.db.select({ preferences: users.preferences }).from(users).where(eq(users.id, a.student.id))
    expect(account!.preferences).toEqual({ fontScale: 'x-large' })
    // The player starts from these.
    expect((await browsers.student.open(`/learn/${assignmentId}`, playerLoader, { assignmentId })).data.preferences).toMatchObject({ captions: true, signWindow: 'side', readAloudRate: 1.5 })

    const bad = await browsers.student.submit('/learn/preferences', prefsAction, { readAloudRate: '3' })
    expect(bad.status).toBe(400)
    expect(bad.data.error.fields).toEqual({ readAloudRate: { key: 'learning.errors.readAloudRate' } })
    expect((await api('GET', `/learning/students/${a.student.id}/preferences`, { token: token.student })).body.effective.readAloudRate).toBe(1.5)

    // Nobody else reaches these preferences.
    for (const who of ['student2', 'otherTeacher', 'teacher2', 'outsider'] as const) {
      expect((await api('GET', `/learning/students/${a.student.id}/preferences`, { token: token[who] })).status).toBe(404)
      expect((await put(who, { captions: false })).status).toBe(404)
    }
    expect((await browsers.student.open(`/learn/preferences?student=${a.student2.id}`, prefsLoader)).status).toBe(404)
    expect((await browsers.student.submit(`/learn/preferences?student=${a.student2.id}`, prefsAction, { captions: 'on' })).status).toBe(404)

  })
})
