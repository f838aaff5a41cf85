import { expect, test } from '@playwright/test'
import { expectAccessible, signIn, signOut, visit } from './support'

const lesson = '沟通与交往：表达我的心情'
const videoLesson = '视频课：整理书包'

test('a family sees the assignment and progress of their child and records home practice', async ({ page }) => {
  // The teacher assigns a lesson to the class through the learning pages.
  await signIn(page, 'teacher')
  await visit(page, '/teach/assign')
  await page.locator('#assign-lesson').selectOption({ label: lesson })
  await page.getByRole('button', { name: '选择这节课' }).click()
  await page.getByRole('button', { name: '布置', exact: true }).click()
  await expect(page.getByText(/已布置给 \d+ 名学生/)).toBeVisible()
  await signOut(page)

  await signIn(page, 'family')
  await page.getByRole('link', { name: '我的孩子' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '我的孩子' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: '小明' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '小明' })).toBeVisible()
  await expectAccessible(page)
  const assignments = page.getByRole('region', { name: '作业与进度' })
  await expect(assignments.getByRole('cell', { name: new RegExp(lesson) })).toBeVisible()
  await expect(assignments.getByText(/^共 [1-9]\d* 项，已完成 0 项，逾期 0 项$/)).toBeVisible()
  // The teacher's note and the demo home practice are there.
  await expect(page.getByRole('region', { name: '给家长的留言' })).toContainText('整理书包')

  const practice = page.getByRole('region', { name: '家庭练习（家校共育）' })
  await practice.getByLabel(/^练习内容/).fill('系鞋带')
  await practice.getByLabel(/^时长（分钟）/).fill('15')
  await practice.getByLabel(/^练习日期/).fill('2999-01-01')
  await practice.getByRole('button', { name: '保存练习记录' }).click()
  await expect(practice.getByText('日期不能晚于今天。')).toBeVisible()
  await expect(practice.getByLabel(/^练习日期/)).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)
  // What was typed stays; correct the date and save.
  await expect(practice.getByLabel(/^练习内容/)).toHaveValue('系鞋带')
  await practice.getByLabel(/^练习日期/).fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10))
  await practice.getByLabel(/^备注/).fill('左脚会系了')
  await practice.getByRole('button', { name: '保存练习记录' }).click()
  await expect(page.getByText('练习记录已保存，孩子的老师会收到通知。')).toBeVisible()
  await expect(practice.getByRole('cell', { name: '系鞋带' })).toBeVisible()
  await expectAccessible(page)
})

test('a teacher keeps a lesson offline, opens it and plays its video with the network cut, records the home visit, and it arrives once', async ({ page, context }) => {
  test.setTimeout(180_000)
  await signIn(page, 'teacher')
  await page.getByRole('link', { name: '我的学生' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '我的学生' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: '小明' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '小明' })).toBeVisible()
  await expect(page.getByText('智力残疾').first()).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: '送教上门离线课包' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: '送教上门离线课包' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel(/^课程/).selectOption({ label: videoLesson })
  await page.getByLabel(/^版本/).selectOption({ label: '原版' })
  await page.getByRole('button', { name: '查看课包' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `离线课包：${videoLesson}` })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: '保存到本机' }).click()
  await expect(page.getByText(/已保存到本机，共 .+。断网后也能打开。/)).toBeVisible({ timeout: 60_000 })
  const contents = page.getByRole('region', { name: '课包内容' })
  await expect(contents.getByRole('cell', { name: '未保存' })).toHaveCount(0)
  await expect(contents.getByRole('cell', { name: '视频-整理书包.mp4' })).toBeVisible()
  await expectAccessible(page)
  const lessonUrl = await page.getByRole('link', { name: '打开课文' }).getAttribute('href')

  // No network from here on.
  await context.setOffline(true)
  // Really offline: a page outside the package does not open.
  const probe = await context.newPage()
  await expect(probe.goto('/signs')).rejects.toThrow()
  await probe.close()
  await visit(page, lessonUrl!)
  await expect(page.getByRole('heading', { level: 1, name: `${videoLesson}（离线版）` })).toBeVisible()
  await expect(page.getByText('把书按大小排好')).toBeVisible()
  const video = page.locator('video').first()
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true
    return v.play()
  })
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(0)

  await page.getByRole('link', { name: '填写送教上门记录' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '送教上门记录表（可离线使用）' })).toBeVisible()
  await expect(page.getByText('网络状态：未联网')).toBeVisible()
  await page.getByLabel(/^学生/).selectOption({ label: '小明' })
  await page.getByLabel(/^时长（分钟）/).fill('60')
  await page.getByLabel(/^所教课程/).selectOption({ label: videoLesson })
  await page.getByLabel(/^教学内容/).fill('整理书包四步骤：排书、大书在后、文具进笔袋、拉拉链')
  await page.getByLabel(/^备注/).fill('孩子能独立完成前两步')
  await page.getByRole('button', { name: '保存记录' }).click()
  await expect(page.getByText('已保存在本机，联网后自动上传')).toBeVisible()
  await expect(page.getByRole('heading', { name: '本机待上传：1 条' })).toBeVisible()
  await expectAccessible(page)

  // The network returns: the record goes up by itself, once.
  await context.setOffline(false)
  await expect(page.getByText('已上传 1 条记录。')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('heading', { name: /本机待上传/ })).toHaveCount(0)
  await page.reload()
  await expect(page.getByText('网络状态：已联网')).toBeVisible()
  await visit(page, '/students/visits')
  const visits = page.getByRole('table', { name: '我的送教上门记录' })
  await expect(visits.getByRole('row', { name: /整理书包四步骤/ })).toHaveCount(1)
  await expect(visits.getByRole('row', { name: /整理书包四步骤/ })).toContainText(videoLesson)
})
