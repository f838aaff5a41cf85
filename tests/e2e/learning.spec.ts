import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { makeClip } from '../support/media-clips'
import { expectAccessible, signIn, signOut, visit } from './support'

const dir = path.resolve('.tmp/e2e-learning-clips')
const captionsSrt = '1\n00:00:00,000 --> 00:00:00,700\n先打湿双手\n\n2\n00:00:00,700 --> 00:00:01,400\n再抹上肥皂\n'

/**
 * Headless Chromium has no voices: this stands in for the Web Speech API. Each utterance stays
 * "spoken" until the test calls `__finishUtterance()`, so the test decides when a sentence ends.
 */
function fakeSpeech(voices: { name: string; lang: string }[]) {
  const w = window as unknown as Record<string, unknown>
  const spoken: { text: string; lang: string; rate: number }[] = []
  let current: { text: string; lang: string; rate: number; onend?: (e: unknown) => void; onerror?: (e: unknown) => void } | null = null
  const synth = {
    speaking: false,
    paused: false,
    pending: false,
    getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false })),
    speak(u: typeof current) {
      current = u
      synth.speaking = true
      spoken.push({ text: u!.text, lang: u!.lang, rate: u!.rate })
    },
    cancel() {
      const u = current
      current = null
      synth.speaking = false
      u?.onerror?.({ error: 'canceled' })
    },
    pause: () => void (synth.paused = true),
    resume: () => void (synth.paused = false),
    addEventListener() {},
    removeEventListener() {},
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
  w.SpeechSynthesisUtterance = class {
    text: string
    lang = ''
    rate = 1
    voice: unknown = null
    constructor(text: string) {
      this.text = text
    }
  }
  w.__spoken = spoken
  w.__finishUtterance = () => {
    const u = current
    current = null
    synth.speaking = false
    u?.onend?.({})
  }
}

async function token(request: APIRequestContext, login: string) {
  const res = await request.post('/api/v1/session', { data: { login, password: 'tongxing-demo' } })
  expect(res.status()).toBe(201)
  return { Authorization: `Bearer ${(await res.json()).token}` }
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: { text: string; rate: number }[] }).__spoken)

test('a teacher assigns tiered variants to the class; a student reads aloud, watches with captions, answers by keyboard and by switch, and is done; the class progress shows it', async ({ page, browser, request }) => {
  test.setTimeout(300_000)
  mkdirSync(dir, { recursive: true })
  const clip = makeClip(dir, 'h264')
  writeFileSync(path.join(dir, 'captions.srt'), captionsSrt)

  // A video with Chinese captions, uploaded by the teacher.
  await signIn(page, 'teacher')
  await visit(page, '/media')
  await page.getByLabel('视频或音频文件').setInputFiles(clip.file)
  await page.getByLabel('标题').fill('七步洗手示范')
  await page.getByRole('button', { name: '开始上传' }).click()
  await page.waitForURL(/\/media\/[0-9a-f-]{36}$/)
  const assetId = page.url().split('/').pop()!
  await expect(page.locator('.media-status')).toHaveText('可以播放', { timeout: 120_000 })
  await page.getByLabel('字幕文件').setInputFiles(path.join(dir, 'captions.srt'))
  await page.getByLabel('类型').selectOption('captions')
  await page.getByLabel('语言', { exact: true }).selectOption('zh-CN')
  await page.getByRole('button', { name: '上传字幕' }).click()
  await expect(page.getByText('已保存 2 条字幕。')).toBeVisible()

  // The teacher adapts the starter lesson 七步洗手 with the video, and the researcher publishes it (through the API).
  const teacher = await token(request, 'teacher')
  const researcher = await token(request, 'researcher')
  const lessons = await (await request.get('/api/v1/learning/lessons', { headers: teacher })).json()
  const original = lessons.find((l: { title: string }) => l.title === '生活适应：七步洗手')
  const draft = await (await request.post(`/api/v1/resources/${original.id}/adapt`, { headers: teacher })).json()
  const input = {
    kind: draft.kind,
    title: draft.title,
    summary: draft.summary,
    schoolType: draft.schoolType,
    subject: draft.subject,
    stage: draft.stage,
    grade: draft.grade,
    disabilityCategories: draft.disabilityCategories,
    licence: draft.licence,
    attribution: draft.attribution,
    details: draft.details,
    body: draft.body,
    variants: draft.variants,
    mediaAssetIds: [assetId],
  }
  expect((await request.put(`/api/v1/resources/${draft.id}`, { headers: teacher, data: input })).status()).toBe(200)
  expect((await request.post(`/api/v1/resources/${draft.id}/submit`, { headers: teacher })).status()).toBe(200)
  const scores = { accessibility: 5, curriculum: 4, differentiation: 5 }
  expect((await request.post(`/api/v1/resources/${draft.id}/review`, { headers: researcher, data: { decision: 'approve', ...scores } })).status()).toBe(200)
  expect((await request.post(`/api/v1/resources/${draft.id}/publish`, { headers: researcher, data: scores })).status()).toBe(200)
  const lessonId: string = draft.id

  // Exercises on the lesson, from the editor.
  await visit(page, `/teach/lessons/${lessonId}/exercises`)
  await page.getByLabel('题型').selectOption('yes_no')
  await page.getByLabel('题目').fill('洗手要用肥皂。')
  await page.getByRole('button', { name: '添加练习' }).click()
  await expect(page.getByRole('status')).toHaveText('练习已添加。')
  await page.getByLabel('题型').selectOption('ordering')
  await page.getByLabel('题目').fill('洗手的顺序是什么？')
  await page.getByLabel('正确的顺序（每行一步）').fill('打湿双手\n抹上肥皂\n冲洗干净')
  await page.getByRole('button', { name: '添加练习' }).click()
  await expect(page.getByRole('status')).toHaveText('练习已添加。')
  await expect(page.getByRole('listitem').filter({ hasText: '答案：打湿双手 → 抹上肥皂 → 冲洗干净' })).toBeVisible()
  await expectAccessible(page)

  // 小明's teachers set his scanning a little faster (his default; he can change it).
  await visit(page, '/teach')
  await page.getByRole('link', { name: '“三年级（1）班”的进度' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /三年级（1）班 · 班级进度/ })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: '设置小明的默认学习设置' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '小明的学习设置' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('扫描间隔（秒，0.5–10）').fill('1')
  await page.getByLabel('朗读速度（0.5–2 倍）').fill('0.8')
  await page.getByRole('button', { name: '保存设置' }).click()
  await expect(page.getByRole('status')).toHaveText('学习设置已保存。')
  await expect(page.getByRole('row', { name: /扫描间隔/ })).toContainText('老师的默认设置')

  // Assign to the class: B for the class, A for 小红, C for 小刚.
  // From the lesson's library page.
  await visit(page, `/library/${lessonId}`)
  await page.getByRole('link', { name: '布置给学生' }).click()
  await expect(page.getByRole('heading', { level: 2, name: '生活适应：七步洗手' })).toBeVisible()
  await page.getByLabel('全班默认版本').selectOption('tier-b')
  await page.getByRole('combobox', { name: '版本：小红' }).selectOption('tier-a')
  await page.getByRole('combobox', { name: '版本：小刚' }).selectOption('tier-c')
  await page.getByLabel('截止日期').fill('2030-06-30')
  await page.getByLabel('给学生的话').fill('看视频，再做练习。')
  await page.getByRole('button', { name: '布置', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('已布置给 4 名学生。')
  await expectAccessible(page)
  await signOut(page)

  // The student, in a browser whose speech we control.
  const context = await browser.newContext({ locale: 'zh-CN' })
  await context.addInitScript(fakeSpeech, [
    { name: 'Fake Mandarin', lang: 'zh-CN' },
    { name: 'Fake English', lang: 'en-US' },
  ])
  const student = await context.newPage()
  await signIn(student, 'student')
  await student.getByRole('link', { name: '我的课程' }).click()
  await expect(student.getByRole('heading', { level: 1, name: '我的课程' })).toBeVisible()
  await expectAccessible(student)
  const card = student.getByRole('listitem').filter({ hasText: '生活适应：七步洗手' })
  await expect(card).toContainText('待完成')
  await expect(card).toContainText('我的版本：B 层（部分支持）')
  await expect(card).toContainText('截止：2030-06-30')
  await card.getByRole('link', { name: '打开“生活适应：七步洗手”' }).click()
  await expect(student.getByRole('heading', { level: 1, name: '生活适应：七步洗手' })).toBeVisible()
  await expect(student.getByText('版本：B 层（部分支持）')).toBeVisible()
  await expectAccessible(student)

  // Read-aloud: the first sentence is marked, then the next when it has been spoken.
  await student.getByRole('button', { name: '开始朗读' }).click()
  const marked = student.locator('.lesson-text .sentence-current')
  await expect(student.getByText(/正在朗读第 1 \/ \d+ 句/)).toBeVisible()
  let said = await spoken(student)
  expect(said).toHaveLength(1)
  expect(said[0]!.rate).toBe(0.8)
  await expect(marked.first()).toBeVisible()
  expect((await marked.allTextContents()).join('')).toBe(said[0]!.text)
  await expect(marked.first()).toHaveCSS('text-decoration-line', 'underline')
  await student.evaluate(() => (window as unknown as { __finishUtterance: () => void }).__finishUtterance())
  await expect(student.getByText(/正在朗读第 2 \/ \d+ 句/)).toBeVisible()
  said = await spoken(student)
  expect(said).toHaveLength(2)
  expect((await marked.allTextContents()).join('')).toBe(said[1]!.text)
  await student.getByRole('button', { name: '暂停' }).click()
  await student.getByRole('button', { name: '继续' }).click()
  await student.getByRole('button', { name: '停止' }).click()
  await expect(marked).toHaveCount(0)
  // Easy-read: larger text.
  const normalSize = await student.locator('.lesson-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  await student.getByRole('button', { name: '易读模式' }).click()
  await expect(student.getByRole('button', { name: '易读模式' })).toHaveAttribute('aria-pressed', 'true')
  expect(await student.locator('.lesson-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(normalSize)
  await expectAccessible(student)

  // The video with captions turned on.
  const player = student.getByRole('region', { name: /视频播放器/ })
  await player.getByRole('combobox', { name: '字幕', exact: true }).selectOption('zh-CN')
  await player.getByRole('button', { name: '播放' }).click()
  await expect(student.locator('.player-caption')).toHaveText(/先打湿双手|再抹上肥皂/, { timeout: 20_000 })
  await expectAccessible(student)

  // Exercise 1 by keyboard: arrows move between the answers, Enter chooses.
  const exercises = student.getByRole('region', { name: '练习' })
  await expect(exercises.getByText('洗手要用肥皂。')).toBeVisible()
  const yes = exercises.getByRole('button', { name: '✔ 对' })
  const no = exercises.getByRole('button', { name: '✘ 不对' })
  await yes.focus()
  await student.keyboard.press('ArrowRight')
  await expect(no).toBeFocused()
  await student.keyboard.press('ArrowLeft')
  await expect(yes).toBeFocused()
  await student.keyboard.press('Enter')
  await expect(exercises.getByRole('status')).toHaveText('✔ 答对了！')

  // Exercise 2 by a single switch: the choices light up in turn; Space takes the lit one.
  await exercises.getByRole('button', { name: '下一题' }).click()
  await expect(exercises.getByText('洗手的顺序是什么？')).toBeVisible()
  await exercises.getByRole('button', { name: '开关扫描' }).click()
  await expect(exercises.getByRole('button', { name: '开关扫描' })).toHaveAttribute('aria-pressed', 'true')
  const lit = exercises.locator('.choice-button.scan-lit')
  for (const step of ['打湿双手', '抹上肥皂', '冲洗干净']) {
    await expect(lit).toHaveText(`▶${step}`, { timeout: 10_000 })
    await student.keyboard.press('Space')
    await expect(exercises.locator('.steps-so-far')).toContainText(step)
  }
  await expect(exercises.getByRole('status')).toHaveText('✔ 答对了！')
  await expectAccessible(student)

  // Done.
  await student.getByRole('button', { name: '✔ 完成' }).click()
  await expect(student.getByText('这一课已完成。').first()).toBeVisible()
  await student.getByRole('link', { name: '← 返回我的课程' }).click()
  await expect(card).toContainText('已完成')
  await expect(card).toContainText('练习：第一次就答对 2 / 2 题')
  await expectAccessible(student)
  await context.close()

  // The teacher sees it in the class progress.
  await signIn(page, 'teacher')
  await visit(page, '/teach')
  await page.getByRole('link', { name: '“三年级（1）班”的进度' }).click()
  const table = page.getByRole('table', { name: /生活适应：七步洗手/ }).first()
  await expect(table.getByRole('row', { name: /小明/ })).toContainText('B 层（部分支持）')
  await expect(table.getByRole('row', { name: /小明/ })).toContainText('已完成')
  await expect(table.getByRole('row', { name: /小明/ })).toContainText('第一次答对 2 / 2')
  await expect(table.getByRole('row', { name: /小红/ })).toContainText('A 层（独立完成）')
  await expect(table.getByRole('row', { name: /小刚/ })).toContainText('C 层（完全支持）')
  await expect(page.getByText(/1 \/ 4 名学生已完成/).first()).toBeVisible()
  await expectAccessible(page)
})

test('read-aloud says clearly when the device has no voice for the language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' })
  await context.addInitScript(fakeSpeech, [{ name: 'Fake English', lang: 'en-US' }])
  const page = await context.newPage()
  await signIn(page, 'student2')
  await visit(page, '/learn')
  await page.getByRole('link', { name: '打开“生活语文：认识超市里的标志”' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '生活语文：认识超市里的标志' })).toBeVisible()
  await expect(page.locator('.lesson-meta')).toContainText('版本：A 层（独立完成）')
  await page.getByRole('button', { name: '开始朗读' }).click()
  await expect(page.getByRole('alert')).toContainText('这台设备没有可用的中文朗读语音')
  expect(await spoken(page)).toEqual([])
  await expectAccessible(page)
  await context.close()
})

test('a student answers picture-choice and matching exercises with large buttons, and learning settings wait for a guardian’s consent without losing what was chosen', async ({ page }) => {
  await signIn(page, 'student3')
  await visit(page, '/learn')
  const card = page.getByRole('listitem').filter({ hasText: '生活语文：认识超市里的标志' })
  await expect(card).toContainText('我的版本：C 层（完全支持）')
  await card.getByRole('link', { name: '打开“生活语文：认识超市里的标志”' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '生活语文：认识超市里的标志' })).toBeVisible()
  const exercises = page.getByRole('region', { name: '练习' })
  await exercises.getByRole('button', { name: '下一题' }).click()

  // Pictures with their text alternatives, at least 44 px each way.
  await expect(exercises.getByText('哪一个是“出口”的标志？')).toBeVisible()
  const exit = exercises.getByRole('button', { name: '绿色标志：箭头从门里指向门外' })
  await expect(exit.locator('img')).toHaveJSProperty('complete', true)
  expect(await exit.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  const box = (await exit.boundingBox())!
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44)
  await expectAccessible(page)
  await exercises.getByRole('button', { name: '蓝色标志：箭头从门外指向门里' }).click()
  await expect(exercises.getByRole('status')).toHaveText('✘ 再想一想，可以再试一次。')
  await exit.click()
  await expect(exercises.getByRole('status')).toHaveText('✔ 答对了！')

  // Matching, one left item at a time.
  await exercises.getByRole('button', { name: '下一题' }).click()
  for (const [left, right] of [
    ['入口', '进超市的地方'],
    ['出口', '离开超市的地方'],
    ['收银台', '付钱的地方'],
  ]) {
    await expect(exercises.getByText(`“${left}”配哪一个？`)).toBeVisible()
    await exercises.getByRole('button', { name: right }).click()
  }
  await expect(exercises.getByRole('status')).toHaveText('✔ 答对了！')

  // 小刚's own settings: without a guardian's consent on record nothing is stored, and the form keeps his choices.
  await page.getByRole('link', { name: '← 返回我的课程' }).click()
  await page.getByRole('link', { name: '我的学习设置' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '学习设置' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('手语窗口').selectOption('pip')
  await page.getByLabel('朗读速度（0.5–2 倍）').fill('1.2')
  await page.getByRole('button', { name: '保存设置' }).click()
  await expect(page.getByRole('alert')).toContainText('监护人同意')
  await expect(page.getByLabel('手语窗口')).toHaveValue('pip')
  await expect(page.getByLabel('朗读速度（0.5–2 倍）')).toHaveValue('1.2')
  await expect(page.getByRole('row', { name: /手语窗口/ })).toContainText('系统默认')
  await expectAccessible(page)
})
