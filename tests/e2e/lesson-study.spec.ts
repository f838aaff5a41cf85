import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, signIn, signOut, visit } from './support'

const dir = path.resolve('.tmp/e2e-lesson-study')

/** A six-second classroom clip (long enough for notes at different seconds), made once per run. */
function classroomClip(): string {
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'classroom.mp4')
  if (!existsSync(file)) {
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=6', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100:duration=6', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file])
  }
  return file
}

const videoTime = (page: Page) => page.locator('video.player-video').evaluate((v: HTMLVideoElement) => v.currentTime)

async function scoreRound(page: Page, scores: Record<string, number>, comment?: [string, string]) {
  for (const [dimension, score] of Object.entries(scores)) await page.getByRole('group', { name: dimension }).getByRole('radio', { name: String(score), exact: true }).check()
  if (comment) await page.getByLabel(`${comment[0]}：评语`).fill(comment[1])
  await page.getByRole('button', { name: '保存评分' }).click()
  await expect(page.getByText('已保存评分。')).toBeVisible()
}

test('a lesson study: class video, time-coded notes and rubric scores from two observers, a revised second round with its diff, published as 优秀课例', async ({ page }) => {
  test.setTimeout(300_000)
  const clip = classroomClip()

  // The teacher starts a study in the demo group.
  await signIn(page, 'teacher')
  await page.getByRole('link', { name: '课例研究', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: '课例研究' })).toBeVisible()
  await expectAccessible(page)
  // From the demo study's group page, which lists the group's studies.
  const groupLink = page.getByRole('article', { name: '认识颜色' }).getByRole('link', { name: /^教研组：/ })
  const groupName = (await groupLink.innerText()).replace('教研组：', '')
  await groupLink.click()
  await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible()
  await expect(page.getByRole('region', { name: '本组课例研究' }).getByRole('link', { name: '认识颜色' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('region', { name: '本组课例研究' }).getByRole('link', { name: '新建课例研究' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '新建课例研究' })).toBeVisible()
  await expectAccessible(page)
  await expect(page.getByLabel(/^教研组/).locator('option:checked')).toHaveText(groupName)
  await page.getByLabel(/^课题/).fill('认识水果')
  await expect(page.getByLabel(/^授课教师/)).toHaveValue(/.+/)
  await page.getByRole('textbox', { name: '第一轮教案' }).click()
  await page.keyboard.type('学生能说出苹果和香蕉。')
  await page.keyboard.press('Enter')
  await page.keyboard.type('出示实物水果，请学生摸一摸、闻一闻。')
  await page.getByRole('button', { name: '创建课例研究' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '认识水果' })).toBeVisible()
  await expectAccessible(page)
  const studyUrl = page.url()

  // Round 1: the class video goes through the media pipeline and plays on the round's page.
  await page.getByRole('link', { name: '第 1 轮' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '认识水果 · 第 1 轮' })).toBeVisible()
  await expectAccessible(page)
  const roundUrl = page.url()
  await page.getByLabel('课堂视频文件').setInputFiles(clip)
  await page.getByLabel(/^标题/).fill('认识水果课堂实录')
  await page.getByRole('button', { name: '开始上传' }).click()
  await expect(page.getByRole('region', { name: /视频播放器/ })).toBeVisible({ timeout: 120_000 })
  await expect(page.getByText('课堂视频只有本教研组成员可以观看。')).toBeVisible()
  // Captions are optional: the uploader adds them on the video's own page.
  await expect(page.getByRole('link', { name: '管理这段视频（添加字幕、手语翻译或口述影像）' })).toHaveAttribute('href', /^\/media\/[0-9a-f-]{36}$/)
  await expectAccessible(page)
  await signOut(page)

  // First observer: a note at a time they type, and rubric scores.
  await signIn(page, 'teacher2')
  await visit(page, roundUrl)
  await expect(page.getByRole('region', { name: /视频播放器/ })).toBeVisible()
  await page.getByLabel(/^视频时间/).fill('00:02')
  await page.getByLabel(/^记录内容/).fill('学生主动指认苹果')
  await page.getByRole('button', { name: '添加记录' }).click()
  await expect(page.getByText('已添加观察记录。')).toBeVisible()
  await expect(page.getByRole('button', { name: '00:02 陈老师：学生主动指认苹果' })).toBeVisible()
  await scoreRound(page, { 目标契合学生个别化目标: 4, 支持与差异化: 3, 师生互动: 5, 辅具使用: 4 }, ['目标契合学生个别化目标', '目标贴合个别化教育计划'])
  await expectAccessible(page)
  await signOut(page)

  // Second observer: clicking the first note seeks the video; the new note's time follows the player.
  await signIn(page, 'researcher')
  await visit(page, roundUrl)
  await page.getByRole('button', { name: '跳到 00:02' }).click()
  await expect.poll(() => videoTime(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(1.9)
  await expect(page.getByLabel(/^视频时间/)).toHaveValue('00:02')
  await page.getByLabel(/^视频时间/).fill('00:04')
  await page.getByLabel(/^记录内容/).fill('教师用实物引导，学生兴趣高')
  await page.getByRole('button', { name: '添加记录' }).click()
  await expect(page.getByText('已添加观察记录。')).toBeVisible()
  // The timeline under the player: markers reached from the keyboard, each naming time, author and note.
  const marker = page.getByRole('list', { name: '观察记录时间轴' }).getByRole('button', { name: '00:04 李教研：教师用实物引导，学生兴趣高' })
  await marker.focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => videoTime(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(3.9)
  await scoreRound(page, { 目标契合学生个别化目标: 5, 支持与差异化: 4, 师生互动: 4, 辅具使用: 3 })
  // The summary: (4 + 5) / 2 = 4.5 by 2 observers, 4–5; overall (4.5 + 3.5 + 4.5 + 3.5) / 4 = 4.0.
  const summary = page.getByRole('table', { name: '第 1 轮观察量表汇总（1–5 分）' })
  await expect(summary.getByRole('row', { name: /目标契合学生个别化目标/ })).toHaveText(/目标契合学生个别化目标\s*4\.5\s*2\s*4–5/)
  await expect(summary.getByRole('row', { name: /总体/ })).toContainText('4.0')
  await expect(page.getByRole('table', { name: '各观察者的评分' })).toContainText('目标贴合个别化教育计划')
  await expectAccessible(page)
  await signOut(page)

  // The teacher hears of both observers' notes and opens one from the notifications.
  await signIn(page, 'teacher')
  await page.getByRole('link', { name: /^通知（\d+ 条未读）$/ }).click()
  await expectAccessible(page)
  await page.getByRole('button', { name: '查看：陈老师 在你的课例“认识水果”第 1 轮视频 00:02 处留了观察记录。' }).click()
  await expect(page).toHaveURL(/\/rounds\/1#note-[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { level: 1, name: '认识水果 · 第 1 轮' })).toBeVisible()

  // The teacher starts round 2 and revises the plan; the diff against round 1 shows the change.
  await visit(page, studyUrl)
  await page.getByRole('button', { name: '开始下一轮' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '认识水果 · 第 2 轮' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: '修改教案' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '修改教案 · 第 2 轮' })).toBeVisible()
  await expectAccessible(page)
  const editor = page.getByRole('textbox', { name: '教案内容' })
  await editor.getByText('学生能说出苹果和香蕉。').click()
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.type('和橘子')
  await page.getByRole('button', { name: '保存为新版本' }).click()
  await expect(page.getByText('已保存为第 3 版。')).toBeVisible()
  // Round 2's page shows what changed since round 1; the full comparison is one link away.
  await expect(page.getByRole('region', { name: '与第 1 轮教案相比的变化' }).locator('ins')).toHaveText('新增：和橘子（新增完）')
  await expectAccessible(page)
  await page.getByRole('link', { name: '查看与第 1 轮教案的差异' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /教案对比/ })).toBeVisible()
  await expect(page.locator('.plan-diff-changed')).toContainText('修改段落 · 段落')
  await expect(page.locator('.plan-diff-changed ins')).toHaveText('新增：和橘子（新增完）')
  await expect(page.getByText('新增 0 段，删除 0 段，修改 1 段，未变 1 段。')).toBeVisible()
  await expectAccessible(page)
  await signOut(page)

  // The leader finishes the study: the final plan is published to the library as 优秀课例.
  await signIn(page, 'researcher')
  await visit(page, studyUrl)
  await page.getByLabel(/^简介/).fill('经过两轮课例研究打磨的认识水果一课。')
  await page.getByRole('button', { name: '完成并发布' }).click()
  await expect(page.getByText('课例研究已完成，优秀课例已发布到资源库。')).toBeVisible()
  await expectAccessible(page)
  await page.locator('.study-outcome').getByRole('link', { name: '认识水果' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '认识水果' })).toBeVisible()
  await expect(page.locator('.resource-header .exemplary-badge')).toHaveText('优秀课例')
  await expect(page.getByRole('link', { name: '本课的课例研究过程：认识水果' })).toBeVisible()
  await expect(page.getByText('学生能说出苹果和香蕉和橘子。')).toBeVisible()
  await expectAccessible(page)
  await visit(page, '/library?collection=exemplary')
  await expect(page.getByRole('article', { name: '认识水果' }).locator('.exemplary-badge')).toHaveText('优秀课例')
})

test('two people editing the same plan: the later save opens a merge view, nothing is lost, the merge is saved as a new version', async ({ browser }) => {
  test.setTimeout(120_000)
  const first = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  const second = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await signIn(first, 'teacher')
  await signIn(second, 'teacher2')
  await visit(first, '/research/studies')
  await first.getByRole('link', { name: '认识颜色' }).click()
  await first.getByRole('link', { name: '第 1 轮' }).click()
  await first.getByRole('link', { name: '修改教案' }).click()
  await expect(first.getByRole('heading', { level: 1, name: '修改教案 · 第 1 轮' })).toBeVisible()
  const planUrl = first.url()
  await visit(second, planUrl)

  // Both edit version 2; the teacher saves first.
  await second.getByRole('textbox', { name: '教案内容' }).getByText('一、导入', { exact: false }).click()
  await second.keyboard.press('End')
  await second.keyboard.type('播放水果儿歌。')
  await first.getByRole('textbox', { name: '教案内容' }).getByText('三、练习：给积木分类', { exact: false }).click()
  await first.keyboard.press('End')
  await first.keyboard.type('每组三人。')
  await first.getByRole('button', { name: '保存为新版本' }).click()
  await expect(first.getByText('已保存为第 3 版。')).toBeVisible()

  // The other editor is told while still typing, and keeps what they typed.
  await expect(second.getByText('张老师 刚刚保存了第 3 版。', { exact: false })).toBeVisible({ timeout: 25_000 })
  await expect(second.getByRole('textbox', { name: '教案内容' })).toContainText('播放水果儿歌。')
  await second.getByRole('button', { name: '保存为新版本' }).click()
  await expect(second.getByRole('heading', { name: '有人先保存了新版本' })).toBeVisible()
  await expect(second.getByText('张老师 在你编辑期间保存了第 3 版。', { exact: false })).toBeVisible()
  await expect(second.getByRole('region', { name: '对方的版本（第 3 版）' })).toContainText('每组三人。')
  await expect(second.getByRole('region', { name: '你的修改（尚未保存）' })).toContainText('播放水果儿歌。')
  await expectAccessible(second)

  // Start from their version, add this change again, and save on top of it.
  await second.getByRole('button', { name: '以对方版本为底稿' }).click()
  const merged = second.getByRole('textbox', { name: '合并后的教案' })
  await expect(merged).toContainText('每组三人。')
  await merged.getByText('一、导入', { exact: false }).click()
  await second.keyboard.press('End')
  await second.keyboard.type('播放水果儿歌。')
  await second.getByRole('button', { name: '保存为新版本' }).click()
  await expect(second.getByText('已保存为第 4 版。')).toBeVisible()
  await expect(second.locator('.study-plan')).toContainText('每组三人。')
  await expect(second.locator('.study-plan')).toContainText('播放水果儿歌。')
  await expectAccessible(second)
})
