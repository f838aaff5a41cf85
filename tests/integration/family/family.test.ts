import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { auditLog, classMembers, classes, familyLinks, guardianConsents, homeVisits, mediaAssets, mediaTextTracks, users } from '../../../db/schema'
import { assignLesson } from '../../../app/modules/learning/assignments.server'
import { createResource, publishDirectly } from '../../../app/modules/library/resources.server'
import { databaseKinds } from '../../support/database'
import { api, apiToken } from '../../support/http'
import { actorFor } from '../../support/media'
import { Browser } from '../../support/pages'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'
import { lessonInput } from '../library/fixtures'

type Login = 'admin' | 'researcher' | 'teacher' | 'teacher2' | 'student' | 'family' | 'fam-parent-b' | 'fam-child-b'

describe.each(databaseKinds)('student profiles, families and home visits on %s', (kind) => {
  let rt: Runtime
  const token = {} as Record<Login, string>
  /** 小明: the demo student, consent given by the demo family. */
  let student: string
  /** 小华: another class, taught by teacher2, linked to fam-parent-b. */
  let other: string
  /** 小军: in 小明's class, no consent, no age statement. */
  let noConsent: string
  let lesson: string
  const count = async (sql: string) => Number((await rt.database.executeSql(sql)).rows[0]!.n)
  const audits = (action: string, target: string) => count(`select count(*) n from audit_log where action = '${action}' and target_id = '${target}'`)

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    const [s] = await rt.db.select().from(users).where(eq(users.username, 'student'))
    student = s!.id
    const [teacherRow] = await rt.db.select().from(users).where(eq(users.username, 'teacher'))
    const [teacher2] = await rt.db.select().from(users).where(eq(users.username, 'teacher2'))
    const [klass] = await rt.db.select().from(classes).where(eq(classes.name, '三年级（1）班'))
    const [otherClass] = await rt.db.insert(classes).values({ schoolId: s!.schoolId!, name: '四年级（2）班', stage: 'primary', grade: 4 }).returning()
    const base = { districtId: s!.districtId, schoolId: s!.schoolId, passwordHash: s!.passwordHash }
    const [o, n, f2] = await rt.db
      .insert(users)
      .values([
        { ...base, username: 'fam-child-b', displayName: '小华', role: 'student' as const },
        { ...base, username: 'fam-child-c', displayName: '小军', role: 'student' as const },
        { ...base, username: 'fam-parent-b', displayName: '小华爸爸', role: 'family' as const, schoolId: null },
      ])
      .returning()
    other = o!.id
    noConsent = n!.id
    await rt.db.insert(classMembers).values([
      { classId: otherClass!.id, userId: other },
      { classId: otherClass!.id, userId: teacher2!.id },
      { classId: klass!.id, userId: noConsent },
    ])
    await rt.db.insert(familyLinks).values({ familyId: f2!.id, studentId: other })
    await rt.db.insert(guardianConsents).values({ studentId: other, districtId: s!.districtId, method: 'family-account', familyId: f2!.id, recordedBy: f2!.id, guardianName: '小华爸爸' })
    for (const login of ['admin', 'researcher', 'teacher', 'teacher2', 'student', 'family', 'fam-parent-b', 'fam-child-b'] as const) token[login] = await apiToken(login)
    const teacher = await actorFor(rt.db, 'teacher')
    lesson = (await createResource(rt.db, teacher, lessonInput())).id
    await publishDirectly(rt.db, lesson)
    await assignLesson(rt.db, teacher, { resourceId: lesson, studentIds: [student], defaultVariant: 'tier-a', dueOn: '2030-01-01' })
    expect(teacherRow).toBeTruthy()
  })
  afterAll(() => stopTestRuntime(rt))

  it('shows the demo data to the family: consent, the assignment, the teacher’s note, home practice and the visit', async () => {
    const children = await api('GET', '/family/children', { token: token.family })
    expect(children.status).toBe(200)
    expect(children.body).toEqual([{ id: student, displayName: '小明', consent: 'given', open: expect.any(Number), done: 0 }])
    expect(children.body[0].open).toBeGreaterThanOrEqual(1)
    const page = await api('GET', `/family/children/${student}`, { token: token.family })
    expect(page.status).toBe(200)
    expect(page.body.assignments.filter((a: { resourceId: string }) => a.resourceId === lesson).map((a: { title: string; variantKey: string }) => [a.title, a.variantKey])).toEqual([['认识人民币：1 元和 5 角', 'tier-a']])
    expect(page.body.progress).toEqual({ total: page.body.assignments.length, done: 0, overdue: 0 })
    expect(page.body.notes[0].body).toContain('整理书包')
    expect(page.body.practice[0]).toMatchObject({ activity: '四步洗手', minutes: 10, recordedBy: '小明妈妈' })
    expect(page.body.visits[0]).toMatchObject({ durationMinutes: 90, teacherName: '张老师' })
    expect(page.body.consent.inForce).toMatchObject({ method: 'family-account', guardianName: '小明妈妈' })
  })

  it('keeps every family, student and teacher to their own students, by any id (IDOR), on every endpoint', async () => {
    const before = {
      profiles: await count('select count(*) n from student_profiles'),
      notes: await count('select count(*) n from family_notes'),
      practice: await count('select count(*) n from home_practice'),
      visits: await count('select count(*) n from home_visits'),
      consents: await count('select count(*) n from guardian_consents'),
    }
    const byStudent = (id: string) => [
      ['GET', `/students/${id}/profile`],
      ['PUT', `/students/${id}/profile`, { disabilityCategory: 'visual', supportNeeds: 'x' }],
      ['GET', `/students/${id}/consent`],
      ['POST', `/students/${id}/consent`, { guardianName: '某人', paperSignedOn: '2025-01-01', paperReference: 'P-1' }],
      ['DELETE', `/students/${id}/consent`],
      ['PUT', `/students/${id}/age`, { aged14OrOver: 'yes' }],
      ['GET', `/students/${id}/export`],
      ['DELETE', `/students/${id}/data`, { confirm: 'yes' }],
      ['GET', `/students/${id}/notes`],
      ['POST', `/students/${id}/notes`, { body: '你好' }],
      ['GET', `/students/${id}/visits`],
      ['GET', `/family/children/${id}`],
      ['POST', `/family/children/${id}/practice`, { practisedOn: '2025-01-01', activity: '洗手', minutes: 5 }],
      ['POST', '/visits', { studentId: id, visitedOn: '2025-01-01', durationMinutes: 30, taught: '认钱' }],
    ] as const
    // Out of reach: another class's student, for a teacher, a family, a student; 小明 for admin and researcher.
    const attempts: [Login, string][] = [
      ['teacher', other],
      ['family', other],
      ['student', other],
      ['teacher2', student],
      ['fam-parent-b', student],
      ['fam-child-b', student],
      ['admin', student],
      ['researcher', student],
      ['teacher', '00000000-0000-0000-0000-000000000000'],
      ['family', 'not-an-id'],
    ]
    for (const [login, id] of attempts) {
      for (const [method, path, body] of byStudent(id)) {
        const response = await api(method, path, { token: token[login], body: body ?? (method === 'DELETE' ? undefined : undefined) })
        expect([403, 404], `${login} ${method} ${path} → ${response.status}`).toContain(response.status)
      }
    }
    // A student never reads their own sensitive profile either.
    expect((await api('GET', `/students/${student}/profile`, { token: token.student })).status).toBe(404)
    // Someone else's visit and note, by id.
    const [visit] = await rt.db.select().from(homeVisits).where(eq(homeVisits.studentId, student))
    expect((await api('GET', `/visits/${visit!.id}`, { token: token.teacher2 })).status).toBe(404)
    expect((await api('PUT', `/visits/${visit!.id}`, { token: token.teacher2, body: { visitedOn: '2025-01-01', durationMinutes: 1, taught: 'x' } })).status).toBe(404)
    const note = (await api('GET', `/students/${student}/notes`, { token: token.teacher })).body[0]
    expect((await api('DELETE', `/students/${other}/notes/${note.id}`, { token: token.teacher2 })).status).toBe(404)
    expect((await api('GET', '/family/children', { token: token['fam-parent-b'] })).body.map((c: { displayName: string }) => c.displayName)).toEqual(['小华'])
    expect((await api('GET', '/students', { token: token.teacher2 })).body.flatMap((c: { students: { displayName: string }[] }) => c.students.map((s) => s.displayName))).toEqual(['小华'])
    expect((await api('GET', '/students', { token: token.teacher })).body.flatMap((c: { students: { displayName: string }[] }) => c.students.map((s) => s.displayName))).not.toContain('小华')
    expect((await api('GET', '/students', { token: token.family })).status).toBe(403)
    expect((await api('GET', '/visits', { token: token.family })).status).toBe(403)
    expect(await count('select count(*) n from student_profiles')).toBe(before.profiles)
    expect(await count('select count(*) n from family_notes')).toBe(before.notes)
    expect(await count('select count(*) n from home_practice')).toBe(before.practice)
    expect(await count('select count(*) n from home_visits')).toBe(before.visits)
    expect(await count('select count(*) n from guardian_consents')).toBe(before.consents)
    expect(await count(`select count(*) n from guardian_consents where withdrawn_at is not null`)).toBe(0)
  })

  it('keeps every page loader and action to the same people', async () => {
    const profilePage = await import('../../../app/routes/students.$studentId._index')
    const childRoute = await import('../../../app/routes/family.$studentId')
    const deletePage = await import('../../../app/routes/students.$studentId.delete')
    const exportRoute = await import('../../../app/routes/students.$studentId.export')
    const visitPage = await import('../../../app/routes/students.visits.$visitId')
    const [visit] = await rt.db.select().from(homeVisits).where(eq(homeVisits.studentId, student))
    for (const [login, id] of [
      ['teacher2', student],
      ['fam-parent-b', student],
      ['student', student],
      ['admin', student],
      ['researcher', student],
    ] as const) {
      const browser = new Browser()
      await browser.signIn(login)
      expect((await browser.open(`/students/${id}`, profilePage.loader as never, { studentId: id })).status, login).toBe(404)
      expect([403, 404]).toContain((await browser.open(`/family/${id}`, childRoute.loader as never, { studentId: id })).status)
      expect((await browser.open(`/students/${id}/delete`, deletePage.loader as never, { studentId: id })).status).toBe(404)
      expect((await browser.open(`/students/${id}/export?format=json`, exportRoute.loader as never, { studentId: id })).status).toBe(404)
      const refused = await browser.submit(`/students/${id}`, profilePage.action as never, { intent: 'note', body: '越权' }, { params: { studentId: id } })
      expect([403, 404]).toContain(refused.status)
      const practice = await browser.submit(`/family/${id}`, childRoute.action as never, { intent: 'practice', practisedOn: '2025-01-01', activity: '越权', minutes: '5' }, { params: { studentId: id } })
      expect([403, 404]).toContain(practice.status)
      const erase = await browser.submit(`/students/${id}/delete`, deletePage.action as never, { confirm: 'yes' }, { params: { studentId: id } })
      expect(erase.status).toBe(404)
      expect([403, 404]).toContain((await browser.open(`/students/visits/${visit!.id}`, visitPage.loader as never, { visitId: visit!.id })).status)
    }
    expect(await count(`select count(*) n from family_notes where body = '越权'`)).toBe(0)
    expect(await count(`select count(*) n from home_practice where activity = '越权'`)).toBe(0)
    expect(await count('select count(*) n from student_profiles')).toBeGreaterThan(0)
  })

  it('keeps the teacher-only and family-only pages to their roles, and their posts to reachable students', async () => {
    const teacherPages = {
      '/students': await import('../../../app/routes/students._index'),
      '/students/visits': await import('../../../app/routes/students.visits._index'),
      '/students/visits/offline': await import('../../../app/routes/students.visits.offline'),
      '/students/offline': await import('../../../app/routes/students.offline._index'),
      [`/students/offline/${lesson}`]: await import('../../../app/routes/students.offline.$resourceId._index'),
      [`/students/offline/${lesson}/lesson`]: await import('../../../app/routes/students.offline.$resourceId.lesson'),
    }
    const familyIndex = await import('../../../app/routes/family._index')
    for (const login of ['family', 'student', 'admin', 'researcher'] as const) {
      const browser = new Browser()
      await browser.signIn(login)
      for (const [path, route] of Object.entries(teacherPages)) {
        expect((await browser.open(path, route.loader as never, { resourceId: lesson })).status, `${login} ${path}`).toBe(403)
      }
      if (login !== 'family') expect((await browser.open('/family', familyIndex.loader as never)).status).toBe(403)
    }
    const family = new Browser()
    await family.signIn('family')
    expect((await family.open('/family', familyIndex.loader as never)).data.children.map((c: { displayName: string }) => c.displayName)).toEqual(['小明'])

    // A teacher's posts about a student of another class change nothing.
    const teacher = new Browser()
    await teacher.signIn('teacher')
    const visits = await import('../../../app/routes/students.visits._index')
    const sync = await import('../../../app/routes/students.visits.sync')
    const fields = { studentId: other, visitedOn: '2025-10-01', durationMinutes: '30', taught: '越权记录', notes: '' }
    expect((await teacher.submit('/students/visits', visits.action as never, fields)).status).toBe(404)
    const synced = await teacher.submit('/students/visits/sync', sync.action as never, { ...fields, clientKey: 'offline-other001' })
    expect(synced.status).toBe(404)
    expect(synced.data).toMatchObject({ ok: false, error: { message: { key: 'errors.studentUnreachable' } } })
    // Without a session the offline form's endpoint answers JSON 401, never a sign-in page.
    const anonymous = new Browser()
    await anonymous.open('/')
    expect((await anonymous.submit('/students/visits/sync', sync.action as never, { ...fields, studentId: student, clientKey: 'offline-anon0001' })).status).toBe(401)
    // The online form lists the teacher's own students only.
    const page = await teacher.open('/students/visits', visits.loader as never)
    expect(page.data.choices.students.map((s: { displayName: string }) => s.displayName)).not.toContain('小华')
    expect(await count(`select count(*) n from home_visits where taught = '越权记录'`)).toBe(0)
  })

  it('writes an audit row for every read of a profile: page, family page, API, export', async () => {
    const reads = () => audits('student-profile.read', student)
    const start = await reads()
    await api('GET', `/students/${student}/profile`, { token: token.teacher })
    expect(await reads()).toBe(start + 1)
    await api('GET', `/students/${student}/profile`, { token: token.family })
    expect(await reads()).toBe(start + 2)
    const teacher = new Browser()
    await teacher.signIn('teacher')
    const page = await teacher.open(`/students/${student}`, (await import('../../../app/routes/students.$studentId._index')).loader as never, { studentId: student })
    expect(page.status).toBe(200)
    expect(page.data.profile.profile).toMatchObject({ disabilityCategory: 'intellectual' })
    expect(await reads()).toBe(start + 3)
    const family = new Browser()
    await family.signIn('family')
    expect((await family.open(`/family/${student}`, (await import('../../../app/routes/family.$studentId')).loader as never, { studentId: student })).status).toBe(200)
    expect(await reads()).toBe(start + 4)
    const exported = await audits('student-profile.exported', student)
    await api('GET', `/students/${student}/export`, { token: token.family })
    expect(await audits('student-profile.exported', student)).toBe(exported + 1)
    // A refused read leaves no trace of a read.
    await api('GET', `/students/${student}/profile`, { token: token.admin })
    expect(await reads()).toBe(start + 4)
    const [row] = await rt.db.select().from(auditLog).where(and(eq(auditLog.action, 'student-profile.read'), eq(auditLog.targetId, student))).orderBy(auditLog.id)
    expect(row).toMatchObject({ targetType: 'student' })
  })

  it('refuses personal data of a child under 14 without consent, stores nothing, and says what to do', async () => {
    const refused = await api('PUT', `/students/${noConsent}/profile`, { token: token.teacher, body: { disabilityCategory: 'autism', supportNeeds: '需要视觉提示' } })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('family.errors.consentRequired')
    expect(refused.body.error.messages['zh-CN']).toContain('监护人同意')
    expect(refused.body.error.messages.en).toContain('guardian')
    expect(await count(`select count(*) n from student_profiles where student_id = '${noConsent}'`)).toBe(0)
    expect((await api('POST', `/students/${noConsent}/notes`, { token: token.teacher, body: { body: '你好' } })).status).toBe(409)
    expect((await api('POST', '/visits', { token: token.teacher, body: { studentId: noConsent, visitedOn: '2025-01-01', durationMinutes: 30, taught: '认钱' } })).status).toBe(409)
    expect(await count(`select count(*) n from family_notes where student_id = '${noConsent}'`)).toBe(0)
    expect(await count(`select count(*) n from home_visits where student_id = '${noConsent}'`)).toBe(0)

    // The page form refuses too, keeping what the teacher typed.
    const browser = new Browser()
    await browser.signIn('teacher')
    const route = await import('../../../app/routes/students.$studentId._index')
    const post = await browser.submit(`/students/${noConsent}`, route.action as never, { intent: 'profile', disabilityCategory: 'autism', supportNeeds: '需要视觉提示' }, { params: { studentId: noConsent } })
    expect(post.status).toBe(409)
    expect(post.data).toMatchObject({ ok: false, error: { message: { key: 'family.errors.consentRequired' } }, values: { supportNeeds: '需要视觉提示' } })

    // A paper form recorded by the teacher opens the way; withdrawal closes it again.
    const bad = await api('POST', `/students/${noConsent}/consent`, { token: token.teacher, body: { guardianName: '小军奶奶', paperSignedOn: '2999-01-01', paperReference: 'A-7' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.paperSignedOn.code).toBe('family.errors.dateInFuture')
    const paper = await api('POST', `/students/${noConsent}/consent`, { token: token.teacher, body: { guardianName: '小军奶奶', paperSignedOn: '2025-09-01', paperReference: '三(1)-07' } })
    expect(paper.status).toBe(201)
    expect(await audits('consent.recorded', noConsent)).toBe(1)
    expect((await api('POST', `/students/${noConsent}/consent`, { token: token.teacher, body: { guardianName: '小军奶奶', paperSignedOn: '2025-09-01', paperReference: '三(1)-07' } })).status).toBe(409)
    const saved = await api('PUT', `/students/${noConsent}/profile`, { token: token.teacher, body: { disabilityCategory: 'autism', supportNeeds: '需要视觉提示' } })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ disabilityCategory: 'autism', supportNeeds: '需要视觉提示' })
    expect((await api('DELETE', `/students/${noConsent}/consent`, { token: token.teacher })).status).toBe(204)
    expect((await api('PUT', `/students/${noConsent}/profile`, { token: token.teacher, body: { disabilityCategory: 'visual', supportNeeds: '' } })).status).toBe(409)
    // Stored data stays until deletion; the family can't be the one to consent for a child that is not theirs.
    expect((await api('GET', `/students/${noConsent}/profile`, { token: token.teacher })).body.profile.disabilityCategory).toBe('autism')
    expect((await api('POST', `/students/${noConsent}/consent`, { token: token.family, body: { guardianName: '冒充', agree: true } })).status).toBe(404)

    // A teacher's statement that the student is 14 or older lifts the guardian requirement.
    expect((await api('PUT', `/students/${noConsent}/age`, { token: token.teacher, body: { aged14OrOver: 'yes' } })).status).toBe(200)
    expect((await api('PUT', `/students/${noConsent}/profile`, { token: token.teacher, body: { disabilityCategory: 'visual', supportNeeds: '' } })).status).toBe(200)
    expect((await api('GET', `/students/${noConsent}/consent`, { token: token.teacher })).body.state).toBe('not-required')
  })

  it('lets a family consent, record home practice (teachers notified) and refuses bad input clearly', async () => {
    const bad = await api('POST', `/family/children/${student}/practice`, { token: token.family, body: { practisedOn: '2025-13-40', activity: '', minutes: 0 } })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['activity', 'minutes', 'practisedOn'])
    expect(bad.body.error.fields.minutes.messages['zh-CN']).toContain('600')
    const added = await api('POST', `/family/children/${student}/practice`, { token: token.family, body: { practisedOn: '2025-10-08', activity: '系鞋带', minutes: 15, note: '左脚会了' } })
    expect(added.status).toBe(201)
    const [teacher] = await rt.db.select().from(users).where(eq(users.username, 'teacher'))
    expect(await count(`select count(*) n from notifications where user_id = '${teacher!.id}' and kind = 'family.homePractice' and link = '/students/${student}'`)).toBe(1)
    // The teacher sees it on the student's page.
    expect((await api('GET', `/family/children/${student}`, { token: token.teacher })).body.practice.map((p: { activity: string }) => p.activity)).toContain('系鞋带')
    // The family page form: consent needs the tick.
    const browser = new Browser()
    await browser.signIn('fam-parent-b')
    const route = await import('../../../app/routes/family.$studentId')
    expect((await api('DELETE', `/students/${other}/consent`, { token: token['fam-parent-b'] })).status).toBe(204)
    const noTick = await browser.submit(`/family/${other}`, route.action as never, { intent: 'consent', guardianName: '小华爸爸' }, { params: { studentId: other } })
    expect(noTick.status).toBe(400)
    expect(noTick.data.error.fields.agree.key).toBe('family.errors.mustAgree')
    const ticked = await browser.submit(`/family/${other}`, route.action as never, { intent: 'consent', guardianName: '小华爸爸', agree: 'true' }, { params: { studentId: other } })
    expect(ticked.status).toBe(200)
    expect(await count(`select count(*) n from guardian_consents where student_id = '${other}' and withdrawn_at is null`)).toBe(1)
  })

  it('stores a home visit sent twice with the same client key once, and lets only its teacher edit it', async () => {
    const body = { studentId: student, visitedOn: '2025-10-09', durationMinutes: 60, taught: '认识 1 元', notes: '带了练习卡', lessons: [`${lesson}:tier-a`], clientKey: 'offline-abc12345' }
    const first = await api('POST', '/visits', { token: token.teacher, body })
    expect(first.status).toBe(201)
    expect(first.body.created).toBe(true)
    expect(first.body.visit.lessons).toEqual([{ resourceId: lesson, title: '认识人民币：1 元和 5 角', variantKey: 'tier-a' }])
    const again = await api('POST', '/visits', { token: token.teacher, body })
    expect(again.body).toMatchObject({ created: false, visit: { id: first.body.visit.id } })
    // The offline form's endpoint (a page action) too, twice at once.
    const browser = new Browser()
    await browser.signIn('teacher')
    const sync = await import('../../../app/routes/students.visits.sync')
    const fields = { studentId: student, visitedOn: '2025-10-10', durationMinutes: '45', taught: '整理书包', notes: '', clientKey: 'offline-xyz98765' }
    const [a, b] = await Promise.all([browser.submit('/students/visits/sync', sync.action as never, fields), browser.submit('/students/visits/sync', sync.action as never, fields)])
    expect([a.status, b.status].sort()).toEqual([200, 201])
    expect(await count(`select count(*) n from home_visits where client_key = 'offline-abc12345'`)).toBe(1)
    expect(await count(`select count(*) n from home_visits where client_key = 'offline-xyz98765'`)).toBe(1)
    // A refused record answers JSON the offline form can show.
    const refused = await browser.submit('/students/visits/sync', sync.action as never, { ...fields, clientKey: 'offline-bad00000', durationMinutes: '0' })
    expect(refused.status).toBe(400)
    expect(refused.data.error.fields.durationMinutes.key).toBe('family.errors.minutesRange')

    const keptVariant = await api('PUT', `/visits/${first.body.visit.id}`, { token: token.teacher, body: { visitedOn: '2025-10-09', durationMinutes: 60, taught: '认识 1 元', lessons: [lesson] } })
    expect(keptVariant.body.lessons).toEqual([{ resourceId: lesson, title: '认识人民币：1 元和 5 角', variantKey: 'tier-a' }])
    const changed = await api('PUT', `/visits/${first.body.visit.id}`, { token: token.teacher, body: { visitedOn: '2025-10-09', durationMinutes: 75, taught: '认识 1 元和 5 元', notes: '' } })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ durationMinutes: 75, lessons: [] })
    expect((await api('GET', '/visits', { token: token.teacher })).body.filter((v: { taught: string }) => v.taught === '认识 1 元和 5 元')).toHaveLength(1)
    const future = await api('POST', '/visits', { token: token.teacher, body: { ...body, clientKey: undefined, visitedOn: '2999-01-01' } })
    expect(future.body.error.fields.visitedOn.code).toBe('family.errors.dateInFuture')
  })

  it('exports everything stored about the student, and deletion erases it but keeps the record that it happened', async () => {
    const exported = await api('GET', `/students/${student}/export`, { token: token.teacher })
    expect(exported.status).toBe(200)
    const data = exported.body
    expect(data.student).toMatchObject({ id: student, displayName: '小明' })
    expect(data.consents[0]).toMatchObject({ method: 'family-account' })
    expect(data.profile).toMatchObject({ disabilityCategory: 'intellectual' })
    expect(data.notes.length).toBeGreaterThan(0)
    expect(data.homePractice.map((p: { activity: string }) => p.activity)).toEqual(expect.arrayContaining(['四步洗手', '系鞋带']))
    expect(data.homeVisits.length).toBeGreaterThanOrEqual(3)
    expect(data.assignments.map((a: { title: string }) => a.title)).toContain('认识人民币：1 元和 5 角')
    expect(data).toHaveProperty('answers')
    expect(data).toHaveProperty('learnerPreferences')
    // The readable page carries the same facts.
    const browser = new Browser()
    await browser.signIn('family')
    const route = await import('../../../app/routes/students.$studentId.export')
    const html = await browser.open(`/students/${student}/export?format=html`, route.loader as never, { studentId: student })
    expect(html.headers.get('Content-Type')).toContain('text/html')
    expect(html.data).toContain('智力残疾')
    expect(html.data).toContain('系鞋带')
    expect(html.data).toContain('认识人民币')

    const deletePage = await import('../../../app/routes/students.$studentId.delete')
    const unconfirmed = await browser.submit(`/students/${student}/delete`, deletePage.action as never, {}, { params: { studentId: student } })
    expect(unconfirmed.status).toBe(400)
    expect(unconfirmed.data.error.fields.confirm.key).toBe('family.errors.confirmDeletion')
    expect(await count(`select count(*) n from student_profiles where student_id = '${student}'`)).toBe(1)
    const erased = await browser.submit(`/students/${student}/delete`, deletePage.action as never, { confirm: 'yes' }, { params: { studentId: student } })
    expect(erased.status).toBe(200)
    expect(erased.data.message.params).toMatchObject({ profile: 1, homePractice: 2 })
    for (const table of ['student_profiles', 'family_notes', 'home_practice', 'student_age_statements', 'learner_preferences']) {
      expect(await count(`select count(*) n from ${table} where student_id = '${student}'`), table).toBe(0)
    }
    expect(await count(`select count(*) n from home_visits where student_id = '${student}' and notes <> ''`)).toBe(0)
    expect(await count(`select count(*) n from home_visits where student_id = '${student}'`)).toBeGreaterThanOrEqual(3)
    expect(await audits('student-profile.deleted', student)).toBe(1)
    const after = (await api('GET', `/students/${student}/export`, { token: token.teacher })).body
    expect(after.profile).toBeNull()
    expect(after.homePractice).toEqual([])
    expect(after.homeVisits.every((v: { notes: string; notesErased: boolean }) => v.notes === '' && v.notesErased)).toBe(true)
  })

  it('builds the offline package of a lesson for teachers only', async () => {
    const pkg = await api('GET', `/visits/offline-package/${lesson}?variant=tier-a`, { token: token.teacher })
    expect(pkg.status).toBe(200)
    expect(pkg.body.variantKey).toBe('tier-a')
    expect(pkg.body.entries.map((e: { kind: string; url: string }) => [e.kind, e.url])).toEqual([
      ['lesson', `/students/offline/${lesson}/lesson?variant=tier-a`],
      ['printable', `/library/${lesson}/print?variant=tier-a`],
      ['visit-form', '/students/visits/offline'],
    ])
    expect((await api('GET', `/visits/offline-package/${lesson}`, { token: token.family })).status).toBe(403)
    const browser = new Browser()
    await browser.signIn('teacher')
    const lessonPage = await import('../../../app/routes/students.offline.$resourceId.lesson')

    // A lesson with a video of the media module: its low-bandwidth download and its captions go in the package.
    const teacher = await actorFor(rt.db, 'teacher')
    const [asset] = await rt.db
      .insert(mediaAssets)
      .values({
        districtId: teacher.districtId,
        ownerId: teacher.id,
        title: '整理书包示范',
        originalName: 'a.mp4',
        originalSize: 1000,
        status: 'ready',
        kind: 'video',
        currentVersion: 1,
        lastVersion: 1,
        outputs: { master: 'master.m3u8', variants: [{ name: '360p', width: 640, height: 360, bandwidth: 400000, playlist: '360p.m3u8' }], download: { key: 'download.mp4', size: 123456 } },
      })
      .returning()
    const [track] = await rt.db.insert(mediaTextTracks).values({ assetId: asset!.id, kind: 'captions', language: 'zh-CN', label: '中文字幕', storageKey: 'x.vtt', cueCount: 3 }).returning()
    const withVideo = (await createResource(rt.db, teacher, { ...lessonInput('视频示范：整理书包'), mediaAssetIds: [asset!.id] })).id
    await publishDirectly(rt.db, withVideo)
    const videoPkg = await api('GET', `/visits/offline-package/${withVideo}`, { token: token.teacher })
    expect(videoPkg.body.entries.filter((e: { kind: string }) => e.kind === 'video' || e.kind === 'captions').map((e: { kind: string; url: string; size: number | null }) => [e.kind, e.url, e.size])).toEqual([
      ['video', `/media/${asset!.id}/download`, 123456],
      ['captions', `/media/${asset!.id}/tracks/${track!.id}`, null],
    ])
    const videoPage = await browser.open(`/students/offline/${withVideo}/lesson`, lessonPage.loader as never, { resourceId: withVideo })
    expect(videoPage.data.videos).toEqual([
      { title: '整理书包示范', src: `/media/${asset!.id}/download`, poster: null, captions: [expect.objectContaining({ src: `/media/${asset!.id}/tracks/${track!.id}`, language: 'zh-CN', label: '中文字幕' })] },
    ])
    const page = await browser.open(`/students/offline/${lesson}/lesson?variant=tier-a`, lessonPage.loader as never, { resourceId: lesson })
    expect(page.status).toBe(200)
    expect(page.data.variant.key).toBe('tier-a')
  })
})
