import { expect, test } from '@playwright/test'
import { expectAccessible, signIn } from './support'

test('a teacher finds lessons as they type, narrows by facets, and is helped when nothing matches', async ({ page }) => {
  await signIn(page, 'teacher')
  const box = page.getByRole('search', { name: '搜索资源' }).getByRole('searchbox')

  // Results as you type in the header, on any page. The starter content is indexed shortly after the first start.
  await expect(async () => {
    await box.fill('')
    await box.fill('洗手')
    // The learning journey may have published an adapted copy under the same title.
    await expect(page.getByRole('link', { name: '生活适应：七步洗手' }).first()).toBeVisible({ timeout: 2000 })
  }).toPass({ timeout: 30_000 })
  await expectAccessible(page)

  // Enter opens the results page: highlighted words, facets with counts.
  await box.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=%E6%B4%97%E6%89%8B/)
  await expect(page.getByRole('heading', { level: 1, name: '搜索' })).toBeVisible()
  await expect(page.getByText(/“洗手”的搜索结果：共 \d+ 个/)).toBeVisible()
  await expect(page.locator('.hit h2 mark').first()).toHaveText('洗手')
  await expectAccessible(page)

  const filters = page.getByRole('navigation', { name: '筛选结果' })
  await filters.getByRole('link', { name: /^课件 \(1\)$/ }).click()
  await expect(page).toHaveURL(/kind=slides/)
  await expect(page.locator('.hit')).toHaveCount(1)
  await expect(page.getByRole('link', { name: '课件：七步洗手' })).toBeVisible()
  await expectAccessible(page)

  // Pinyin and initials find Chinese titles.
  await page.goto('/search?q=renminbi')
  await expect(page.getByRole('link', { name: /生活数学：认识人民币/ })).toBeVisible()
  await expect(page.locator('.hit h2 mark').first()).toHaveText('人民币')
  await page.goto('/search?q=shyw') // initials of 生活语文
  await expect(page.getByRole('link', { name: '生活语文：见面问好' })).toBeVisible()

  // A wrong character is read as the word the library holds, and the page says so.
  await page.goto('/search?q=%E7%BB%93%E6%B2%9F%E5%8C%96%E6%95%99%E5%AD%A6') // 结沟化教学
  await expect(page.getByText('已按“结构化教学”搜索（你输入的是“结沟化教学”）。')).toBeVisible()
  await expect(page.getByRole('link', { name: '结构化教学：独立工作台' })).toBeVisible()
  await expectAccessible(page)

  // Nothing matches with a filter on: the page offers removing it, with what that would find.
  await page.goto('/search?q=%E4%BA%BA%E6%B0%91%E5%B8%81&schoolType=longxiao') // 人民币, 聋校
  await expect(page.getByText('没有找到与“人民币”相符的结果。')).toBeVisible()
  await page.getByRole('link', { name: /去掉“聋校”可找到 \d+ 个结果/ }).click()
  await expect(page.getByRole('link', { name: /生活数学：认识人民币/ })).toBeVisible()
  await expectAccessible(page)

  // Nothing at all: tips and the way to the library.
  await page.goto('/search?q=%E7%81%AB%E6%98%9F%E6%8E%A2%E6%B5%8B') // 火星探测
  await expect(page.getByText(/可以试试/)).toBeVisible()
  await expect(page.getByRole('link', { name: '到资源库浏览' })).toBeVisible()
  await expectAccessible(page)
})

test('the search API answers with hits, highlights and facets for a token holder', async ({ request }) => {
  const session = await request.post('/api/v1/session', { data: { login: 'researcher', password: 'tongxing-demo' } })
  const { token } = await session.json()
  const response = await request.get('/api/v1/search?q=%E6%89%8B%E8%AF%AD&kind=sign_language', { headers: { Authorization: `Bearer ${token}` } })
  expect(response.status()).toBe(200)
  const body = await response.json()
  expect(body.total).toBeGreaterThanOrEqual(2)
  expect(body.hits.every((h: { kind: string }) => h.kind === 'sign_language')).toBe(true)
  expect(body.facets.kind).toEqual([{ value: 'sign_language', count: body.total }])
  expect(body.hits[0].highlight.title.some((s: { match: boolean; text: string }) => s.match && s.text === '手语')).toBe(true)
})
