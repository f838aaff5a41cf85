import { expect, test } from '@playwright/test'
import { expectAccessible, signIn, signOut, visit } from './support'

test('a visitor reads the portal in Chinese, switches to English and back', async ({ page }) => {
  await visit(page, '/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('欢迎使用同行')
  await page.getByRole('button', { name: /English/ }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Tongxing')
  await expectAccessible(page)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Tongxing')
  await page.getByRole('button', { name: /中文/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('欢迎使用同行')
})

test('the skip link and landmarks work from the keyboard', async ({ page }) => {
  await page.goto('/')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: '跳到主要内容' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.locator('main#main')).toBeFocused()
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible()
  await expect(page.getByRole('contentinfo')).toBeVisible()
  // The next Tab lands on the first control inside main, and focus is visible: it draws an outline.
  await page.keyboard.press('Tab')
  const focused = await page.evaluate(() => {
    const active = document.activeElement!
    return { inMain: active !== document.body && !!active.closest('main'), outline: getComputedStyle(active).outlineStyle }
  })
  expect(focused).toEqual({ inMain: true, outline: 'solid' })
})

test('display preferences apply at once and are kept, for visitors and for users', async ({ page }) => {
  await visit(page, '/preferences')
  await page.getByRole('radio', { name: '特大' }).check()
  await page.getByRole('radio', { name: '高对比度' }).check()
  await page.getByRole('checkbox', { name: '减少动画' }).check()
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('status')).toHaveText('显示设置已保存。')
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-font-scale', 'x-large')
  await expect(html).toHaveAttribute('data-contrast', 'high')
  await expect(html).toHaveAttribute('data-reduced-motion', 'true')
  const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
  expect(fontSize).toBeGreaterThanOrEqual(23)
  await expectAccessible(page)
  await page.reload()
  await expect(html).toHaveAttribute('data-contrast', 'high')

  // A signed-in user's own choices are kept with the account, whatever this browser had.
  await signIn(page, 'student')
  await expect(html).toHaveAttribute('data-contrast', 'normal')
  await visit(page, '/preferences')
  await page.getByRole('radio', { name: '大', exact: true }).check()
  await page.getByRole('button', { name: '保存' }).click()
  await expect(html).toHaveAttribute('data-font-scale', 'large')
  await signOut(page)
  await signIn(page, 'student')
  await expect(html).toHaveAttribute('data-font-scale', 'large')
})

test('a missing page and a refused page are friendly', async ({ page }) => {
  const missing = await page.goto('/no-such-page')
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面')
  await expectAccessible(page)
  await page.getByRole('link', { name: '回到首页' }).click()
  await expect(page).toHaveURL('/')
})

test('signing in with a wrong password says so, and keeps the login typed', async ({ page }) => {
  await visit(page, '/login')
  await page.getByLabel('用户名或邮箱').fill('teacher')
  await page.getByLabel(/^密码/).fill('wrong-password')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。')
  await expect(page.getByLabel('用户名或邮箱')).toHaveValue('teacher')
  await expectAccessible(page)
})
