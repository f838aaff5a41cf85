import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roles, type Role } from '../../../app/modules/accounts/permissions'
import * as audit from '../../../app/routes/admin.audit'
import * as classPage from '../../../app/routes/admin.classes.$classId'
import * as overview from '../../../app/routes/admin._index'
import * as schoolPage from '../../../app/routes/admin.schools.$schoolId'
import * as schools from '../../../app/routes/admin.schools._index'
import * as newSchool from '../../../app/routes/admin.schools.new'
import * as userPage from '../../../app/routes/admin.users.$userId'
import * as users from '../../../app/routes/admin.users._index'
import * as importPage from '../../../app/routes/admin.users.import'
import * as newUser from '../../../app/routes/admin.users.new'
import { databaseKinds } from '../../support/database'
import { Browser, type PageResult } from '../../support/pages'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

type Fn = Parameters<Browser['open']>[1] & {}

/**
 * Every role × every administrative page and form, as a browser meets them: admins get the page and
 * their change lands; every other role gets 403 and nothing changes; a visitor is sent to sign in.
 */
describe.each(databaseKinds)('administrative pages and forms on %s', (kind) => {
  let rt: Runtime
  const browsers = {} as Record<Role, Browser>
  let ids: { school: string; klass: string; teacher: string; family: string; student: string }

  // Row counts, and the audit log, which records every administrative change that lands.
  const counts = async () =>
    (
      await rt.database.executeSql(
        'select (select count(*) from schools) s, (select count(*) from classes) c, (select count(*) from users) u, (select count(*) from class_members) m, (select count(*) from family_links) f, (select count(*) from audit_log) audited, (select count(*) from users where display_name = $1) renamed',
        ['改过的名字'],
      )
    ).rows

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    for (const role of roles) {
      browsers[role] = new Browser()
      await browsers[role].signIn(role)
    }
    const row = async (sql: string, params: unknown[] = []) => (await rt.database.executeSql(sql, params)).rows[0] as { id: string }
    const school = await row("select id from schools where name = '同行区培智学校'")
    ids = {
      school: school.id,
      klass: (await row("select id from classes where name = '三年级（1）班'")).id,
      teacher: (await row("select id from users where username = 'teacher'")).id,
      family: (await row("select id from users where username = 'family'")).id,
      student: (await row("select id from users where username = 'student'")).id,
    }
  })
  afterAll(() => stopTestRuntime(rt))

  let n = 0
  const unique = () => `${Date.now().toString(36)}${n++}`

  const pages: { name: string; path: () => string; loader: Fn; params: () => Record<string, string> }[] = [
    { name: 'the overview', path: () => '/admin', loader: overview.loader as Fn, params: () => ({}) },
    { name: 'the schools', path: () => '/admin/schools', loader: schools.loader as Fn, params: () => ({}) },
    { name: 'a new school form', path: () => '/admin/schools/new', loader: newSchool.loader as Fn, params: () => ({}) },
    { name: 'a school', path: () => `/admin/schools/${ids.school}`, loader: schoolPage.loader as Fn, params: () => ({ schoolId: ids.school }) },
    { name: 'a class', path: () => `/admin/classes/${ids.klass}`, loader: classPage.loader as Fn, params: () => ({ classId: ids.klass }) },
    { name: 'the users', path: () => '/admin/users', loader: users.loader as Fn, params: () => ({}) },
    { name: 'a new user form', path: () => '/admin/users/new', loader: newUser.loader as Fn, params: () => ({}) },
    { name: 'a user', path: () => `/admin/users/${ids.teacher}`, loader: userPage.loader as Fn, params: () => ({ userId: ids.teacher }) },
    { name: 'the import form', path: () => '/admin/users/import', loader: importPage.loader as Fn, params: () => ({}) },
    { name: 'the audit log', path: () => '/admin/audit', loader: audit.loader as Fn, params: () => ({}) },
  ]

  const forms: { name: string; path: () => string; action: Fn; params: () => Record<string, string>; fields: () => Record<string, string | Blob> }[] = [
    { name: 'create a school', path: () => '/admin/schools/new', action: newSchool.action as Fn, params: () => ({}), fields: () => ({ name: `学校${unique()}`, kind: 'peizhi' }) },
    {
      name: 'change a school',
      path: () => `/admin/schools/${ids.school}`,
      action: schoolPage.action as Fn,
      params: () => ({ schoolId: ids.school }),
      fields: () => ({ intent: 'update', name: '同行区培智学校', kind: 'peizhi', address: `地址${unique()}` }),
    },
    {
      name: 'create a class',
      path: () => `/admin/schools/${ids.school}`,
      action: schoolPage.action as Fn,
      params: () => ({ schoolId: ids.school }),
      fields: () => ({ intent: 'createClass', name: `班级${unique()}`, stage: 'primary', grade: '2' }),
    },
    {
      name: 'change a class',
      path: () => `/admin/classes/${ids.klass}`,
      action: classPage.action as Fn,
      params: () => ({ classId: ids.klass }),
      fields: () => ({ intent: 'update', name: '三年级（1）班', stage: 'primary', grade: '3' }),
    },
    {
      name: 'add a class member',
      path: () => `/admin/classes/${ids.klass}`,
      action: classPage.action as Fn,
      params: () => ({ classId: ids.klass }),
      fields: () => ({ intent: 'addMember', username: 'teacher' }),
    },
    {
      name: 'create a user',
      path: () => '/admin/users/new',
      action: newUser.action as Fn,
      params: () => ({}),
      fields: () => ({ username: `u${unique()}`, displayName: '新老师', role: 'teacher', schoolId: ids.school, password: 'a-long-password' }),
    },
    {
      name: 'change a user',
      path: () => `/admin/users/${ids.teacher}`,
      action: userPage.action as Fn,
      params: () => ({ userId: ids.teacher }),
      fields: () => ({ intent: 'update', displayName: '改过的名字', role: 'teacher', schoolId: ids.school, active: 'on' }),
    },
    {
      name: 'link a child',
      path: () => `/admin/users/${ids.family}`,
      action: userPage.action as Fn,
      params: () => ({ userId: ids.family }),
      fields: () => ({ intent: 'linkChild', childUsername: 'student' }),
    },
    {
      name: 'import users',
      path: () => '/admin/users/import',
      action: importPage.action as Fn,
      params: () => ({}),
      fields: () => ({
        file: new File([`username,display_name,role,password,school\ni${unique()},导入学生,student,a-long-password,同行区培智学校\n`], '用户.csv', { type: 'text/csv' }),
      }),
    },
  ]

  const expectRefused = (result: PageResult) => expect(result.status).toBe(403)

  for (const page of pages) {
    for (const role of roles) {
      const allowed = role === 'admin'
      it(`${role} ${allowed ? 'opens' : 'is refused'} ${page.name}`, async () => {
        const result = await browsers[role].open(page.path(), page.loader, page.params())
        if (allowed) expect(result.status).toBe(200)
        else expectRefused(result)
      })
    }
    it(`a visitor opening ${page.name} is sent to sign in`, async () => {
      const result = await new Browser().open(page.path(), page.loader, page.params())
      expect(result.status).toBe(302)
      expect(result.location).toMatch(/^\/login\?redirectTo=/)
    })
  }

  for (const form of forms) {
    for (const role of roles) {
      const allowed = role === 'admin'
      it(`${role} ${allowed ? 'may' : 'may not'} ${form.name} through the page`, async () => {
        const browser = browsers[role]
        await browser.open(form.path())
        const before = await counts()
        const result = await browser.submit(form.path(), form.action, form.fields(), { params: form.params() })
        if (allowed) {
          expect(result.status, JSON.stringify(result.data)).toBeLessThan(400)
          if (result.status === 200) expect(result.data?.ok, JSON.stringify(result.data)).toBe(true)
          expect(await counts()).not.toEqual(before)
        } else {
          expectRefused(result)
          expect(await counts()).toEqual(before)
        }
      })
    }
  }
})
