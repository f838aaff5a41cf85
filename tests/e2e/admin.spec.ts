import { expect, test } from '@playwright/test'
import { expectAccessible, signIn, signOut } from './support'

// One run of the journey makes names no other run has made, so a retry on the same data still works.
const run = Date.now().toString(36)

test('an admin builds a school with a class, adds a teacher, imports users from CSV and reads the audit log', async ({ page }) => {
  await signIn(page, 'admin')

  // A new school.
  await page.goto('/admin/schools/new')
  await expectAccessible(page)
  const school = `同行区第二培智学校-${run}`
  await page.getByRole('button', { name: '创建' }).click()
  await expect(page.getByText('请填写学校名称', { exact: false }).or(page.locator('[aria-invalid="true"]')).first()).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel(/学校名称/).fill(school)
  await page.getByLabel(/学校类型/).selectOption({ label: '培智学校' })
  await page.getByRole('button', { name: '创建' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(school)
  await expectAccessible(page)

  // A class in it.
  await page.getByLabel(/班级名称/).fill('一年级（1）班')
  await page.getByLabel(/学段/).selectOption({ label: '小学' })
  await page.getByLabel(/年级/).fill('1')
  await page.getByRole('button', { name: '新建班级' }).click()
  await expect(page.getByRole('link', { name: '编辑 一年级（1）班' })).toBeVisible()
  await expectAccessible(page)

  // A teacher of that school.
  await page.goto('/admin/users/new')
  await expectAccessible(page)
  const teacher = `t${run}`
  await page.getByLabel(/^用户名/).fill(teacher)
  await page.getByLabel(/^姓名/).fill('王老师')
  await page.getByLabel(/^角色/).selectOption({ label: '教师' })
  await page.getByLabel(/^学校/).selectOption({ label: school })
  await page.getByLabel(/^初始密码/).fill('a-long-enough-password')
  await page.getByRole('button', { name: '创建' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('王老师')
  await expectAccessible(page)

  // CSV import: two good rows and one bad row; the bad row is reported by line and nothing of it is stored.
  await page.goto('/admin/users/import')
  await expectAccessible(page)
  const csv = [
    'username,display_name,role,email,school,class,password,children',
    `s${run},李小红,student,,${school},一年级（1）班,a-long-enough-password,`,
    `f${run},李妈妈,family,,,,a-long-enough-password,s${run}`,
    `x${run},没有学校的老师,teacher,,,,a-long-enough-password,`,
  ].join('\n')
  await page.getByLabel(/CSV 文件/).setInputFiles({ name: '导入.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await page.getByRole('button', { name: '导入' }).click()
  await expect(page.getByText('导入完成：成功 2 行，失败 1 行。')).toBeVisible()
  await expect(page.getByRole('table', { name: '失败的行' })).toContainText('第 4 行')
  await expectAccessible(page)

  await page.goto(`/admin/users?q=${run}`)
  await expectAccessible(page)
  await expect(page.getByRole('cell', { name: '李小红', exact: true })).toBeVisible()
  await expect(page.getByRole('cell', { name: '李妈妈', exact: true })).toBeVisible()
  await expect(page.getByRole('cell', { name: '没有学校的老师', exact: true })).toHaveCount(0)

  // Every change above is in the audit log.
  await page.goto('/admin/audit')
  await expectAccessible(page)
  const log = page.getByRole('table')
  await expect(log).toContainText(school)
  await expect(log).toContainText('王老师')

  // The imported family signs in and sees its own child only.
  await signOut(page)
  await signIn(page, `f${run}`, 'a-long-enough-password')
  await expect(page.getByRole('heading', { name: '李小红' })).toBeVisible()
  await expectAccessible(page)
})
