import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { districts, users } from '../../../db/schema'
import { hashPassword } from '../../../app/modules/accounts/passwords.server'
import { loader as homeLoader } from '../../../app/routes/_index'
import { databaseKinds } from '../../support/database'
import { api, apiToken } from '../../support/http'
import { Browser } from '../../support/pages'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

describe.each(databaseKinds)('what each role sees on %s', (kind) => {
  let rt: Runtime
  beforeAll(async () => {
    rt = await startTestRuntime(kind)
  })
  afterAll(() => stopTestRuntime(rt))

  const home = async (role: string) => {
    const browser = new Browser()
    await browser.signIn(role)
    return (await browser.open('/', homeLoader)).data.home
  }

  it('shows a visitor no one’s data', async () => {
    expect((await new Browser().open('/', homeLoader)).data.home).toBeNull()
  })

  it('shows an admin the district’s figures', async () => {
    // Six demo accounts (two teachers) and the three classmates of 小明 the learning demo adds.
    expect(await home('admin')).toMatchObject({ role: 'admin', district: '同行示范区', counts: { schools: 4, classes: 4, users: 9 } })
  })

  it('shows a researcher the district’s schools and nothing about people', async () => {
    const view = await home('researcher')
    expect(view.schools.map((s: { name: string }) => s.name)).toHaveLength(4)
    expect(JSON.stringify(view)).not.toContain('小明')
  })

  it('shows a teacher their class with its students', async () => {
    const view = await home('teacher')
    expect(view.classes).toHaveLength(1)
    expect(view.classes[0].members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['小明', '小红', '小刚', '小丽', '张老师'].sort())
  })

  it('shows a family only its own child, through pages and API', async () => {
    const view = await home('family')
    expect(view.children.map((c: { displayName: string }) => c.displayName)).toEqual(['小明'])
    const token = await apiToken('family')
    expect((await api('GET', '/me/children', { token })).body).toHaveLength(1)
    expect((await api('GET', '/me/classes', { token })).status).toBe(403)
    expect((await api('GET', '/users', { token })).status).toBe(403)
  })

  it('keeps one district’s admin out of another district’s records (404, not 403: they do not exist for them)', async () => {
    const [other] = await rt.db.insert(districts).values({ code: 'other', name: '另一区' }).returning()
    await rt.db.insert(users).values({ username: 'other-admin', displayName: '别区管理员', role: 'admin', districtId: other!.id, passwordHash: await hashPassword('a-long-password') })
    const mine = await apiToken('admin')
    const theirs = await apiToken('other-admin', 'a-long-password')
    const school = (await api('GET', '/schools', { token: mine })).body[0]
    const student = (await api('GET', '/users?role=student', { token: mine })).body.users[0]

    expect((await api('GET', '/schools', { token: theirs })).body).toEqual([])
    expect((await api('GET', `/schools/${school.id}`, { token: theirs })).status).toBe(404)
    expect((await api('PUT', `/schools/${school.id}`, { token: theirs, body: { name: '改名', kind: 'peizhi' } })).status).toBe(404)
    expect((await api('GET', `/users/${student.id}`, { token: theirs })).status).toBe(404)
    expect((await api('PUT', `/users/${student.id}`, { token: theirs, body: { displayName: 'x', role: 'student', active: false } })).status).toBe(404)
    expect((await api('POST', '/classes', { token: theirs, body: { schoolId: school.id, name: '偷偷建的班', stage: 'primary' } })).status).toBe(404)
    expect((await api('GET', '/audit', { token: theirs })).body.entries.every((e: { actorUsername: string | null }) => e.actorUsername === 'other-admin')).toBe(true)
    expect((await api('GET', `/schools/${school.id}`, { token: mine })).body.name).toBe('同行区培智学校')
  })
})
