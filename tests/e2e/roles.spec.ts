import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, signIn, visit } from './support'

async function expectNoAdmin(page: Page) {
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '管理' })).toHaveCount(0)
  const response = await page.goto('/admin')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有权限')
  await expectAccessible(page)
}

test('an admin sees the district’s figures and the administration', async ({ page }) => {
  await signIn(page, 'admin')
  await expectAccessible(page)
  await expect(page.getByText('你管理 同行示范区 的学校、班级和账户。')).toBeVisible()
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '管理' })).toBeVisible()
  await visit(page, '/admin')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('a researcher sees the district’s schools and no administration', async ({ page }) => {
  await signIn(page, 'researcher')
  await expectAccessible(page)
  for (const school of ['同行区培智学校', '同行区盲校', '同行区聋校']) await expect(page.getByRole('heading', { name: school })).toBeVisible()
  await expect(page.getByText('小明')).toHaveCount(0)
  await expectNoAdmin(page)
})

test('a teacher sees their class and its students, and no administration', async ({ page }) => {
  await signIn(page, 'teacher')
  await expectAccessible(page)
  await expect(page.getByRole('heading', { name: '同行区培智学校 · 三年级（1）班' })).toBeVisible()
  await expect(page.getByText('小明', { exact: true })).toBeVisible()
  await expectNoAdmin(page)
})

test('a student sees their class and teachers, not their classmates’ list', async ({ page }) => {
  await signIn(page, 'student')
  await expectAccessible(page)
  await expect(page.getByRole('heading', { name: '同行区培智学校 · 三年级（1）班' })).toBeVisible()
  await expect(page.getByText('张老师')).toBeVisible()
  await expect(page.getByRole('heading', { name: '学生' })).toHaveCount(0)
  await expectNoAdmin(page)
})

test('a family sees its own child only', async ({ page }) => {
  await signIn(page, 'family')
  await expectAccessible(page)
  await expect(page.getByRole('heading', { name: '我的孩子' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '小明' })).toBeVisible()
  await expectNoAdmin(page)
  const api = await page.request.get('/api/v1/users')
  expect(api.status()).toBe(403)
})

test('every role can open its account page and change its password', async ({ page }) => {
  await signIn(page, 'researcher')
  await visit(page, '/account')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的账户')
  await page.getByLabel(/^当前密码/).fill('tongxing-demo')
  await page.getByLabel(/^新密码/).fill('short')
  await page.getByLabel(/^确认新密码/).fill('short')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('密码至少需要 10 个字符。').last()).toBeVisible()
  await expectAccessible(page)
})

test('a visitor is sent to sign in and brought back', async ({ page }) => {
  await page.goto('/account')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/)
  await page.getByLabel('用户名或邮箱').fill('teacher')
  await page.getByLabel(/^密码/).fill('tongxing-demo')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL('/account')
})
