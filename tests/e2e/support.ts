import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Every page a journey visits gets an axe check; any violation fails the journey, listed by rule. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(summary, `axe violations on ${page.url()}`).toEqual([])
}

export async function visit(page: Page, path: string) {
  await page.goto(path)
  await expectAccessible(page)
}

export const demoPassword = 'tongxing-demo'

export async function signIn(page: Page, login: string, password = demoPassword) {
  await page.goto('/login')
  await expectAccessible(page)
  await page.getByLabel(/用户名或邮箱|Username or email/).fill(login)
  await page.getByLabel(/^(密码|Password)/).fill(password)
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click()
  await expect(page.getByRole('button', { name: /退出登录|Sign out/ })).toBeVisible()
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /退出登录|Sign out/ }).click()
  await expect(page.getByRole('link', { name: /^(登录|Sign in)$/ }).first()).toBeVisible()
}
