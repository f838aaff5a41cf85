import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseKinds } from '../../support/database'
import { api, apiToken } from '../../support/http'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

describe.each(databaseKinds)('importing users from CSV on %s', (kind) => {
  let rt: Runtime
  let admin: string
  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    admin = await apiToken('admin')
  })
  afterAll(() => stopTestRuntime(rt))

  const count = async (sql: string) => Number((await rt.database.executeSql(sql)).rows[0]!.n)

  it('imports the good rows, reports each bad row by line, and stores nothing of a bad row', async () => {
    const usersBefore = await count('select count(*) n from users')
    const csv = [
      'username,display_name,role,email,school,class,password,children',
      'lihua,李华,student,,同行区培智学校,三年级（1）班,a-long-password,', // 2: good, joins the class
      'wanglaoshi,王老师,teacher,wang@example.cn,同行区聋校,,a-long-password,', // 3: good
      'lihua-mum,李华妈妈,family,,,,a-long-password,lihua', // 4: good, a child from row 2 (family rows run last)
      'x,太短,student,,同行区培智学校,,a-long-password,', // 5: username invalid
      'zhaoliu,赵六,wizard,,,,a-long-password,', // 6: unknown role
      'sunqi,孙七,teacher,,不存在的学校,,a-long-password,', // 7: unknown school
      'zhouba,周八,student,,同行区培智学校,九年级（9）班,a-long-password,', // 8: unknown class: user must not be created either
      'teacher,重名,teacher,,同行区培智学校,,a-long-password,', // 9: taken by the demo teacher
      'lihua,李华二,student,,同行区培智学校,,a-long-password,', // 10: duplicate in the file
      'wujiu,吴九,family,,,,a-long-password,nobody-such', // 11: child unknown: family must not be created
      'zhengshi,郑十,student,,,,short,', // 12: no school for a student, and a short password
    ].join('\n')
    const response = await api('POST', '/users/import', { token: admin, csv })
    expect(response.status).toBe(200)
    expect(response.body.imported.map((r: { row: number }) => r.row)).toEqual([2, 3, 4])
    const failed = Object.fromEntries(response.body.failed.map((r: { row: number; fields: Record<string, { key: string }> }) => [r.row, Object.fromEntries(Object.entries(r.fields).map(([f, m]) => [f, m.key]))]))
    expect(failed).toEqual({
      5: { username: 'errors.invalidUsername' },
      6: { role: 'errors.invalidRole' },
      7: { school: 'errors.unknownSchool' },
      8: { class: 'errors.unknownClass' },
      9: { username: 'errors.usernameTaken' },
      10: { username: 'errors.csvDuplicate' },
      11: { children: 'errors.studentNotFound' },
      12: { password: 'errors.passwordTooShort', school: 'errors.schoolRequired' },
    })
    expect(await count('select count(*) n from users')).toBe(usersBefore + 3)
    expect(await count(`select count(*) n from users where username in ('zhouba', 'wujiu', 'x', 'zhaoliu', 'sunqi', 'zhengshi')`)).toBe(0)
    expect(await count(`select count(*) n from class_members m join users u on u.id = m.user_id join classes c on c.id = m.class_id where u.username = 'lihua' and c.name = '三年级（1）班'`)).toBe(1)
    expect(await count(`select count(*) n from family_links f join users a on a.id = f.family_id join users b on b.id = f.student_id where a.username = 'lihua-mum' and b.username = 'lihua'`)).toBe(1)

    // The imported family account reaches its own child, and signs in with the imported password.
    const family = await apiToken('lihua-mum', 'a-long-password')
    const children = await api('GET', '/me/children', { token: family })
    expect(children.body.map((c: { username: string }) => c.username)).toEqual(['lihua'])
  })

  it('rejects a file that is not usable as a whole, naming why, and imports nothing', async () => {
    const before = await count('select count(*) n from users')
    const missingColumns = await api('POST', '/users/import', { token: admin, csv: 'username,name\nabc,def\n' })
    expect(missingColumns.status).toBe(400)
    expect(missingColumns.body.error.code).toBe('csvHeader')
    expect(missingColumns.body.error.messages.en).toBe('The CSV header lacks required columns: display_name, role, password.')
    const empty = await api('POST', '/users/import', { token: admin, csv: '' })
    expect(empty.body.error.code).toBe('csvEmpty')
    const broken = await api('POST', '/users/import', { token: admin, csv: 'username,display_name,role,password\n"unclosed,a,student,b\n' })
    expect(broken.status).toBe(400)
    expect(broken.body.error.code).toBe('csvParse')
    expect(await count('select count(*) n from users')).toBe(before)
  })

  it('reads a UTF-8 file with a byte-order mark, as spreadsheet programs save it', async () => {
    const response = await api('POST', '/users/import', { token: admin, csv: '\uFEFFusername,display_name,role,password\nbom-user,带BOM,researcher,a-long-password\n' })
    expect(response.body.imported).toEqual([{ row: 2, username: 'bom-user' }])
  })
})
