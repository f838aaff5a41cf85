import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { expectAccessible, signIn } from './support'

test('a teacher converts text to braille, checks it beside the print and downloads BRF', async ({ page }) => {
  await signIn(page, 'teacher')
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '盲文' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '盲文转换' })).toBeVisible()
  await expectAccessible(page)

  // Nothing typed: a clear error, and the page stays usable.
  await page.getByRole('button', { name: '转换' }).click()
  await expect(page.getByText('请输入要转换的文本。').first()).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('要转换的文本').fill('我们在学校学习。\n今天是3月5日。')
  await page.getByLabel('每行方数').fill('20')
  await page.getByRole('button', { name: '转换' }).click()
  const words = page.locator('.braille-words li')
  await expect(words.filter({ hasText: '学校' })).toContainText(/[\u2800-\u28ff]+/)
  await expect(words.filter({ hasText: '学校' }).locator('.pinyin')).toHaveText('xue2 xiao4')
  await expect(page.getByText(/共 1 页（每行 20 方，每页 25 行）/)).toBeVisible()
  await expect(page.getByLabel('要转换的文本')).toHaveValue('我们在学校学习。\n今天是3月5日。')
  await expectAccessible(page)

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: '下载 BRF' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('盲文.brf')
  const brf = readFileSync(await download.path(), 'latin1')
  expect(brf).toMatch(/^[ -~\r\n\f]+$/)
  for (const line of brf.split('\r\n').filter(Boolean)) expect(line.length).toBeLessThanOrEqual(20)
})

test('a teacher reads a lesson in braille beside its print, corrects it, and downloads the BRF', async ({ page }) => {
  await signIn(page, 'teacher')
  await page.goto('/search?q=%E7%99%BB%E9%B9%B3%E9%9B%80%E6%A5%BC') // 登鹳雀楼
  await page.getByRole('link', { name: '语文（随班就读）：古诗《登鹳雀楼》' }).click()
  await page.getByRole('link', { name: '盲文版' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '盲文版：语文（随班就读）：古诗《登鹳雀楼》' })).toBeVisible()
  await expect(page.getByText('这是自动转换的盲文，尚未校对。')).toBeVisible()
  await expect(page.locator('.braille-words li').filter({ hasText: '白日' }).first()).toContainText(/[\u2800-\u28ff]/)
  await expectAccessible(page)

  // A correction is kept with the resource and used for the embosser file.
  const braille = page.getByRole('textbox', { name: /^盲文/ })
  await braille.fill('⠁A')
  await page.getByRole('button', { name: '保存校对' }).click()
  await expect(page.getByText('输入中含有非盲文字符：“A”。')).toBeVisible()
  await expectAccessible(page)
  await braille.fill('⠓⠑⠇⠇⠕ ⠁⠃')
  await page.getByRole('button', { name: '保存校对' }).click()
  await expect(page.getByText('校对已保存，下载的 BRF 会使用校对后的盲文。')).toBeVisible()
  await expect(page.getByText(/这是 张老师 于 .* 校对过的盲文。/)).toBeVisible()

  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: '下载 BRF' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('语文（随班就读）：古诗《登鹳雀楼》.brf')
  expect(readFileSync(await download.path(), 'latin1')).toBe('HELLO AB\r\n')

  await page.getByRole('button', { name: '恢复自动转换' }).click()
  await expect(page.getByText('这是自动转换的盲文，尚未校对。')).toBeVisible()
  await expectAccessible(page)
})
