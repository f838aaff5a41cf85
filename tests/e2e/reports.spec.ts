import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { expectAccessible, signIn, visit } from './support'

test('a researcher reads the quality-monitoring dashboard, narrows it, downloads its figures and the annual report', async ({ page }) => {
  await signIn(page, 'researcher')
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '质量监测' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '质量监测' })).toBeVisible()
  await expect(page.getByText(/同行示范区 · 全区 · \d{4}–\d{4} 学年第[一二]学期/)).toBeVisible()
  await expectAccessible(page)

  // The starter library is published, so the figures are not empty, and the curriculum gaps say so in words.
  const glance = page.getByRole('list', { name: '一览' })
  await expect(glance.getByText(/个已发布资源/)).toBeVisible()
  await expect(page.getByRole('figure', { name: '课程标准覆盖率：按学校类型' })).toBeVisible()
  await page.getByText(/^培智学校：课程标准覆盖（\d+\/23）：\d+ 个缺口/).click()
  const peizhi = page.getByRole('table', { name: /培智学校：课程标准覆盖/ })
  await expect(peizhi).toBeVisible()
  await expect(peizhi.getByRole('rowheader', { name: '生活语文' })).toBeVisible()
  await expect(peizhi.getByText('缺口').first()).toBeVisible()

  // Each chart has its table, read by screen readers and shown on request.
  const kinds = page.getByRole('figure', { name: '已发布资源：按类型' })
  const toggle = kinds.getByRole('button', { name: '显示数据表' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(kinds.getByRole('button', { name: '隐藏数据表' })).toHaveAttribute('aria-expanded', 'true')
  await expect(kinds.getByRole('table').getByRole('rowheader', { name: '国家课程标准课例' })).toBeVisible()
  await expectAccessible(page)

  // The school year and one school.
  const filters = page.getByRole('form', { name: '筛选' })
  const year = await filters.getByLabel('时段').locator('option', { hasText: /^\d{4}–\d{4} 学年$/ }).first().textContent()
  await filters.getByLabel('时段').selectOption({ label: year! })
  await filters.getByLabel('学校').selectOption({ label: '同行区培智学校' })
  await filters.getByRole('button', { name: '查看' }).click()
  await expect(page.getByText(`同行示范区 · 同行区培智学校 · ${year}`)).toBeVisible()
  await expect(page.getByRole('table', { name: /盲校：课程标准覆盖/ })).toHaveCount(0)
  await expectAccessible(page)

  const csvDownload = page.waitForEvent('download')
  await page.getByRole('link', { name: '下载全部数据（CSV）' }).click()
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8')
  expect(csv.startsWith('\uFEFF')).toBe(true)
  expect(csv).toContain('已发布资源：按类型')
  expect(csv).toContain('类型,数量')

  await page.getByRole('link', { name: `${year} 年度报告` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `同行示范区 特殊教育质量监测年度报告（${year}）` })).toBeVisible()
  await expect(page.getByRole('table', { name: '各校情况' }).getByRole('rowheader', { name: '同行区盲校' })).toBeVisible()
  await expectAccessible(page)
  const pdfDownload = page.waitForEvent('download')
  await page.getByRole('link', { name: '下载 PDF' }).click()
  const pdf = readFileSync((await (await pdfDownload).path())!)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
})

test('a teacher sends a lesson to another installation as a package and imports it back as a draft', async ({ page }) => {
  await signIn(page, 'teacher')
  // Teachers do not read district reports.
  const refused = await page.goto('/reports')
  expect(refused?.status()).toBe(403)

  await visit(page, '/library?q=&kind=lesson')
  const first = page.getByRole('main').getByRole('article').first().getByRole('link').first()
  const title = (await first.textContent())!.trim()
  await first.click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: '导出资源包' }).click()
  const file = await (await download).path()
  expect((await download).suggestedFilename()).toMatch(/\.tongxing\.zip$/)

  await page.getByRole('navigation', { name: '资源库导航' }).getByRole('link', { name: '导入资源包' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '导入资源包' })).toBeVisible()
  await expectAccessible(page)
  // Not a package: a clear refusal, nothing imported.
  await page.getByLabel(/^资源包文件/).setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('这不是压缩包') })
  await page.getByRole('button', { name: '导入' }).click()
  await expect(page.getByText('这不是一个可以读取的 .zip 文件。').first()).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel(/^资源包文件/).setInputFiles(file!)
  await page.getByRole('button', { name: '导入' }).click()
  await expect(page.getByText(new RegExp(`已导入“${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`))).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: '打开导入的资源' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('草稿').first()).toBeVisible()
  await expectAccessible(page)
})
