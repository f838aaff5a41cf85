import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roles, type Role } from '../../../app/modules/accounts/permissions'
import { databaseKinds } from '../../support/database'
import { api, apiToken } from '../../support/http'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

/** Every role × every administrative action through /api/v1: allowed for admins, refused (403) for the rest. */
describe.each(databaseKinds)('administrative actions through the API on %s', (kind) => {
  let rt: Runtime
  const tokens = {} as Record<Role, string>
  let schoolId: string
  let classId: string
  let teacherId: string
  let studentId: string
  let familyId: string

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    for (const role of roles) tokens[role] = await apiToken(role)
    const admin = tokens.admin
    schoolId = (await api('GET', '/schools', { token: admin })).body.find((s: { kind: string }) => s.kind === 'peizhi').id
    classId = (await api('GET', `/schools/${schoolId}`, { token: admin })).body.classes.find((c: { name: string }) => c.name === '三年级（1）班').id
    const users = (await api('GET', '/users', { token: admin })).body.users as { id: string; username: string }[]
    teacherId = users.find((u) => u.username === 'teacher')!.id
    studentId = users.find((u) => u.username === 'student')!.id
    familyId = users.find((u) => u.username === 'family')!.id
  })
  afterAll(() => stopTestRuntime(rt))

  let n = 0
  const unique = () => `${Date.now().toString(36)}${n++}`

  const actions: { name: string; allowed: Role[]; run: (token: string) => ReturnType<typeof api> }[] = [
    { name: 'list schools', allowed: ['admin', 'researcher'], run: (token) => api('GET', '/schools', { token }) },
    { name: 'read a school', allowed: ['admin', 'researcher'], run: (token) => api('GET', `/schools/${schoolId}`, { token }) },
    { name: 'create a school', allowed: ['admin'], run: (token) => api('POST', '/schools', { token, body: { name: `学校${unique()}`, kind: 'peizhi' } }) },
    { name: 'change a school', allowed: ['admin'], run: (token) => api('PUT', `/schools/${schoolId}`, { token, body: { name: '同行区培智学校', kind: 'peizhi', address: `地址${unique()}` } }) },
    { name: 'list classes', allowed: ['admin', 'researcher'], run: (token) => api('GET', `/classes?schoolId=${schoolId}`, { token }) },
    { name: 'read a class', allowed: ['admin', 'researcher'], run: (token) => api('GET', `/classes/${classId}`, { token }) },
    { name: 'create a class', allowed: ['admin'], run: (token) => api('POST', '/classes', { token, body: { schoolId, name: `班级${unique()}`, stage: 'primary', grade: 2 } }) },
    { name: 'change a class', allowed: ['admin'], run: (token) => api('PUT', `/classes/${classId}`, { token, body: { name: '三年级（1）班', stage: 'primary', grade: 3 } }) },
    { name: 'add a class member', allowed: ['admin'], run: (token) => api('POST', `/classes/${classId}/members`, { token, body: { username: 'teacher' } }) },
    { name: 'remove a class member', allowed: ['admin'], run: (token) => api('DELETE', `/classes/${classId}/members/00000000-0000-4000-8000-000000000000`, { token }) },
    { name: 'list users', allowed: ['admin'], run: (token) => api('GET', '/users', { token }) },
    { name: 'read a user', allowed: ['admin'], run: (token) => api('GET', `/users/${studentId}`, { token }) },
    {
      name: 'create a user',
      allowed: ['admin'],
      run: (token) => api('POST', '/users', { token, body: { username: `u${unique()}`, displayName: '新老师', role: 'teacher', schoolId, password: 'a-long-password' } }),
    },
    {
      name: 'change a user',
      allowed: ['admin'],
      run: (token) => api('PUT', `/users/${teacherId}`, { token, body: { displayName: '张老师', role: 'teacher', email: 'teacher@demo.tongxing.local', schoolId, active: true } }),
    },
    { name: 'link a child', allowed: ['admin'], run: (token) => api('POST', `/users/${familyId}/children`, { token, body: { username: 'student' } }) },
    { name: 'unlink a child', allowed: ['admin'], run: (token) => api('DELETE', `/users/${familyId}/children/00000000-0000-4000-8000-000000000000`, { token }) },
    { name: 'import users', allowed: ['admin'], run: (token) => api('POST', '/users/import', { token, csv: `username,display_name,role,password,school\ni${unique()},导入学生,student,a-long-password,同行区培智学校\n` }) },
    { name: 'read the audit log', allowed: ['admin'], run: (token) => api('GET', '/audit', { token }) },
  ]

  for (const action of actions) {
    for (const role of roles) {
      const allowed = action.allowed.includes(role)
      it(`${role} ${allowed ? 'may' : 'may not'} ${action.name}`, async () => {
        const before = await rt.database.executeSql('select (select count(*) from schools) s, (select count(*) from classes) c, (select count(*) from users) u, (select count(*) from class_members) m, (select count(*) from family_links) f')
        const response = await action.run(tokens[role])
        if (allowed) {
          expect(response.status, JSON.stringify(response.body)).toBeLessThan(300)
        } else {
          expect(response.status).toBe(403)
          expect(response.body.error.code).toBe('forbidden')
          expect(response.body.error.messages['zh-CN']).toBe('你没有权限查看或进行这个操作。')
          const after = await rt.database.executeSql('select (select count(*) from schools) s, (select count(*) from classes) c, (select count(*) from users) u, (select count(*) from class_members) m, (select count(*) from family_links) f')
          expect(after.rows).toEqual(before.rows)
        }
      })
    }
  }

  it('refuses every endpoint but sign-in without a token', async () => {
    expect((await api('GET', '/me')).status).toBe(401)
    expect((await api('GET', '/schools')).status).toBe(401)
    expect((await api('POST', '/schools', { body: { name: 'x', kind: 'peizhi' } })).status).toBe(401)
  })

  it('answers 404 for an id outside the district and for a malformed id, never 500', async () => {
    expect((await api('GET', '/schools/00000000-0000-4000-8000-000000000000', { token: tokens.admin })).status).toBe(404)
    expect((await api('GET', '/schools/not-a-uuid', { token: tokens.admin })).status).toBe(404)
    expect((await api('GET', '/nothing-here', { token: tokens.admin })).status).toBe(404)
    expect((await api('PATCH', '/schools', { token: tokens.admin })).status).toBe(405)
  })

  it('reports bad input per field in zh-CN and English', async () => {
    const response = await api('POST', '/users', { token: tokens.admin, lang: 'en', body: { username: 'x', displayName: '', role: 'wizard', password: 'short' } })
    expect(response.status).toBe(400)
    expect(response.body.error.fields.username.message).toMatch(/3–32/)
    expect(response.body.error.fields.role.code).toBe('invalidChoice')
    expect(response.body.error.fields.password.message).toBe('A password needs at least 10 characters.')
    expect(response.body.error.messages['zh-CN']).toBe('提交的内容有误，请检查后重试。')
  })

  it('keeps usernames unique without regard to case', async () => {
    const response = await api('POST', '/users', { token: tokens.admin, body: { username: 'TEACHER', displayName: '重名', role: 'researcher', password: 'a-long-password' } })
    expect(response.status).toBe(409)
    expect(response.body.error.fields.username.code).toBe('usernameTaken')
  })
})
