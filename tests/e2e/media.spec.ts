import { execFileSync } from 'node:child_process'
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { makeClip } from '../support/media-clips'
import { expectAccessible, signIn, visit } from './support'

const dir = path.resolve('.tmp/e2e-media-clips')

/** Captions in SRT (converted on upload) for the 1.5-second test clip. */
const captionsSrt = '1\n00:00:00,000 --> 00:00:00,700\n第一句字幕\n\n2\n00:00:00,700 --> 00:00:01,400\n第二句字幕\n'
const brokenVtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n好的一句\n\n00:00:02.000 -> 00:00:03.000\n坏的时间\n'

async function videoState(page: Page, selector = 'video.player-video') {
  return page.locator(selector).evaluate((v: HTMLVideoElement) => ({ time: v.currentTime, paused: v.paused, ready: v.readyState }))
}

test('a teacher uploads a video, watches it processed, plays it with captions, seeks from the transcript and opens the sign window', async ({ page }) => {
  test.setTimeout(180_000)
  mkdirSync(dir, { recursive: true })
  const main = makeClip(dir, 'h264')
  const signer = makeClip(dir, 'portrait')
  writeFileSync(path.join(dir, 'captions.srt'), captionsSrt)
  writeFileSync(path.join(dir, 'broken.vtt'), brokenVtt)

  await signIn(page, 'teacher')
  await page.getByRole('link', { name: '视频' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '我的视频' })).toBeVisible()
  await expectAccessible(page)

  // Upload with progress: the bar appears and the page moves on to the asset once the bytes are in.
  // The clip is tiny, so its bytes are held back until the bar has been seen.
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/media/uploads/*', async (route) => {
    if (route.request().method() === 'PATCH') await held
    // A request the page gave up on (pause) cannot be continued any more.
    await route.continue().catch(() => {})
  })
  await page.getByLabel('视频或音频文件').setInputFiles(main.file)
  await page.getByLabel('标题').fill('认识颜色')
  await page.getByRole('button', { name: '开始上传' }).click()
  await expect(page.getByRole('progressbar', { name: '上传进度' })).toBeVisible()
  await expect(page.getByText(/已上传 0 B \/ [\d.]+ KB（0%）/)).toBeVisible()
  // Pause and resume: the upload goes on from what the server has.
  await page.getByRole('button', { name: '暂停' }).click()
  await expect(page.locator('.transfer-figures')).toContainText('已暂停')
  await page.getByRole('button', { name: '继续' }).click()
  await expect(page.getByRole('button', { name: '暂停' })).toBeVisible()
  release()
  await page.waitForURL(/\/media\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { level: 1, name: '认识颜色' })).toBeVisible()

  // Processing, then the player replaces the progress without a reload.
  await expect(page.getByRole('region', { name: /视频播放器/ })).toBeVisible({ timeout: 90_000 })
  await expect(page.locator('.media-status')).toHaveText('可以播放')
  await expectAccessible(page)

  // A broken caption file is refused with its line number, and nothing is saved.
  await page.getByLabel('字幕文件').setInputFiles(path.join(dir, 'broken.vtt'))
  await page.getByRole('button', { name: '上传字幕' }).click()
  await expect(page.getByText('第 6 行：时间格式不对')).toBeVisible()
  await expect(page.getByText('还没有字幕。')).toBeVisible()

  // SRT captions in Chinese.
  await page.getByLabel('字幕文件').setInputFiles(path.join(dir, 'captions.srt'))
  await page.getByLabel('类型').selectOption('captions')
  await page.getByLabel('语言', { exact: true }).selectOption('zh-CN')
  await page.getByRole('button', { name: '上传字幕' }).click()
  await expect(page.getByText('已保存 2 条字幕。')).toBeVisible()

  // The sign-language interpreter goes through the same pipeline.
  const signSection = page.getByRole('region', { name: '手语翻译视频' })
  await signSection.getByLabel('上传手语视频').setInputFiles(signer.file)
  await signSection.getByRole('button', { name: '开始上传' }).click()
  await expect(signSection.locator('.media-status')).toHaveText('可以播放', { timeout: 90_000 })
  await expect(page.getByRole('combobox', { name: '手语', exact: true })).toBeVisible({ timeout: 10_000 })

  // Play (nothing played by itself), captions on, the caption shows over the picture.
  const player = page.getByRole('region', { name: /视频播放器/ })
  // The storyboard shows the moment under the pointer on the position slider.
  await player.locator('.player-seek').hover()
  await expect(player.locator('.player-preview-image')).toBeVisible()
  await expect(player.locator('.player-preview-image')).toHaveCSS('background-image', /storyboard\.jpg/)
  await page.mouse.move(0, 0)
  await expect(player.locator('.player-preview-image')).toBeHidden()
  // From the keyboard too: stepping along the slider shows the moment it is on.
  await player.getByRole('slider', { name: '播放位置' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(player.locator('.player-preview-image')).toBeVisible()
  await player.getByRole('button', { name: '播放' }).focus()
  await expect(player.locator('.player-preview-image')).toBeHidden()
  expect((await videoState(page)).paused).toBe(true)
  await player.getByRole('combobox', { name: '字幕', exact: true }).selectOption('zh-CN')
  await player.getByRole('button', { name: '播放' }).click()
  await expect.poll(async () => (await videoState(page)).time, { timeout: 20_000 }).toBeGreaterThan(0.1)
  await player.getByRole('button', { name: '暂停' }).click()

  // Transcript: the second line seeks there, and it becomes the current one; the caption on screen follows.
  const transcript = page.getByRole('region', { name: '文字稿' })
  await transcript.getByRole('button', { name: /跳到 0:00: 第二句字幕/ }).click()
  await expect.poll(async () => (await videoState(page)).time).toBeGreaterThanOrEqual(0.69)
  await expect(transcript.getByRole('button', { name: /第二句字幕/ })).toHaveAttribute('aria-current', 'true')
  await expect(page.locator('.player-caption')).toHaveText('第二句字幕')

  // Search inside the transcript.
  await transcript.getByLabel('在文字稿中搜索').fill('第一')
  await expect(transcript.getByRole('listitem')).toHaveCount(1)
  await transcript.getByLabel('在文字稿中搜索').fill('')

  // Sign window: picture-in-picture, moved from the keyboard, side by side, swapped, then off.
  await player.getByRole('combobox', { name: '手语', exact: true }).selectOption('pip')
  const signWindow = page.getByRole('group', { name: '手语翻译窗口' })
  await expect(signWindow).toBeVisible()
  const before = await signWindow.boundingBox()
  await signWindow.focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect.poll(async () => (await signWindow.boundingBox())!.x).toBeLessThan(before!.x)
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  await expect.poll(async () => (await signWindow.boundingBox())!.width).toBeGreaterThan(before!.width)
  // And with a pointer: drag the window, then its corner.
  await player.scrollIntoViewIfNeeded()
  const start = (await signWindow.boundingBox())!
  await page.mouse.move(start.x + 20, start.y + 20)
  await page.mouse.down()
  await page.mouse.move(start.x - 40, start.y + 40, { steps: 5 })
  await page.mouse.up()
  const moved = (await signWindow.boundingBox())!
  // The pointer went 60 px left and 20 px down; so did the window.
  expect(moved.x).toBeCloseTo(start.x - 60, -1)
  expect(moved.y).toBeCloseTo(start.y + 20, -1)
  const corner = (await signWindow.locator('.sign-resize').boundingBox())!
  await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2)
  await page.mouse.down()
  await page.mouse.move(corner.x - 40, corner.y, { steps: 5 })
  await page.mouse.up()
  expect((await signWindow.boundingBox())!.width).toBeLessThan(moved.width - 20)
  await expectAccessible(page)
  await player.getByRole('button', { name: '播放' }).click()
  await expect.poll(async () => (await videoState(page, 'video.player-sign-video')).time, { timeout: 20_000 }).toBeGreaterThan(0.75)
  await player.getByRole('button', { name: '暂停' }).click()
  await player.getByRole('combobox', { name: '手语', exact: true }).selectOption('side')
  await expect(signWindow).toHaveAttribute('data-layout', 'side')
  await player.getByRole('combobox', { name: '手语', exact: true }).selectOption('swap')
  await expect(signWindow).toHaveAttribute('data-layout', 'swap')
  await player.getByRole('combobox', { name: '手语', exact: true }).selectOption('off')
  await expect(signWindow).toBeHidden()

  // Keyboard: K plays and pauses, the speed steps, A–B repeat marks a segment.
  await player.getByRole('button', { name: '播放' }).focus()
  await page.keyboard.press('>')
  await expect(player.getByRole('combobox', { name: '速度', exact: true })).toHaveValue('1.25')
  await page.keyboard.press('[')
  await expect(player.locator('.player-repeat-state')).toContainText('A 点')

  // The caption choice and speed are remembered on the next visit.
  await page.reload()
  await expect(page.getByRole('region', { name: /视频播放器/ }).getByRole('combobox', { name: '字幕', exact: true })).toHaveValue('zh-CN')
  await expect(page.getByRole('region', { name: /视频播放器/ }).getByRole('combobox', { name: '速度', exact: true })).toHaveValue('1.25')
  await visit(page, page.url())
  // Every word on the page comes from the catalogue, in both languages (a missing key would show as "media.…").
  expect(await page.locator('main').innerText()).not.toMatch(/media\.[a-z]/)
  await page.getByRole('button', { name: /English/ }).click()
  await expect(page.getByRole('region', { name: 'Video player: 认识颜色' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Transcript' })).toBeVisible()
  expect(await page.locator('main').innerText()).not.toMatch(/media\.[a-z]/)
  await expectAccessible(page)
  await page.getByRole('button', { name: /中文/ }).click()
  await expect(page.getByRole('heading', { name: '文字稿' })).toBeVisible()
})

test('an upload cut off by the network continues where it stopped after the page is reloaded', async ({ page }) => {
  test.setTimeout(180_000)
  mkdirSync(dir, { recursive: true })
  // About 20 MB, so the browser sends it in three 8 MiB requests.
  const big = path.join(dir, 'big.mp4')
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=12', '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '20M', '-maxrate', '20M', '-bufsize', '4M', '-pix_fmt', 'yuv420p', big])
  const size = statSync(big).size
  expect(size).toBeGreaterThan(16 * 1024 * 1024)

  await signIn(page, 'teacher')
  await page.goto('/media')
  // The network drops after the first 8 MiB reached the server.
  let patches = 0
  await page.route('**/media/uploads/*', async (route) => {
    if (route.request().method() === 'PATCH' && patches++ >= 1) await route.abort('connectionreset')
    else await route.continue()
  })
  await page.getByLabel('视频或音频文件').setInputFiles(big)
  await page.getByLabel('标题').fill('断点续传')
  await page.getByRole('button', { name: '开始上传' }).click()
  await expect.poll(() => patches, { timeout: 30_000 }).toBeGreaterThanOrEqual(2)

  // Reload: the page lists the unfinished upload; choosing the same file continues it from 8 MiB.
  // Reload first (the page's own retries die with it), then let the network back.
  await page.reload()
  await page.unroute('**/media/uploads/*')
  await expect(page.getByText('未完成的上传')).toBeVisible()
  await expect(page.getByText(/big\.mp4（已上传 \d+%）/)).toBeVisible()
  const sent: number[] = []
  page.on('request', (request) => {
    if (request.method() === 'PATCH') sent.push(Number(request.headers()['upload-offset']))
  })
  await page.getByLabel('视频或音频文件').setInputFiles(big)
  await page.getByRole('button', { name: '开始上传' }).click()
  await page.waitForURL(/\/media\/[0-9a-f-]{36}$/, { timeout: 60_000 })
  // It went on from what the server already had (at least the first 8 MiB; a retry cut by the reload may have added more), not from 0.
  expect(sent[0]).toBeGreaterThanOrEqual(8 * 1024 * 1024)
  expect(sent[0]).toBeLessThan(size)
  await expect(page.getByRole('heading', { level: 1, name: '断点续传' })).toBeVisible()
  await expect(page.getByRole('region', { name: /视频播放器/ })).toBeVisible({ timeout: 120_000 })
  // One asset, not two.
  await page.goto('/media')
  await expect(page.getByRole('link', { name: '断点续传' })).toHaveCount(1)
  await expectAccessible(page)
})

test('a student watches with chapters, an audio-description track and the audio-only rendition', async ({ page, browser }) => {
  test.setTimeout(180_000)
  mkdirSync(dir, { recursive: true })
  const main = makeClip(dir, 'h264')
  const described = makeClip(dir, 'audioOnly')
  writeFileSync(path.join(dir, 'chapters.vtt'), 'WEBVTT\n\n00:00:00.000 --> 00:00:00.800\n开头\n\n00:00:00.800 --> 00:00:01.500\n认识红色\n')

  await signIn(page, 'teacher')
  await page.goto('/media')
  await page.getByLabel('视频或音频文件').setInputFiles(main.file)
  await page.getByLabel('标题').fill('口述影像示例')
  await page.getByRole('button', { name: '开始上传' }).click()
  await page.waitForURL(/\/media\/[0-9a-f-]{36}$/)
  const address = new URL(page.url()).pathname
  await expect(page.getByRole('region', { name: /视频播放器/ })).toBeVisible({ timeout: 90_000 })
  await page.getByLabel('字幕文件').setInputFiles(path.join(dir, 'chapters.vtt'))
  await page.getByLabel('类型').selectOption('chapters')
  await page.getByRole('button', { name: '上传字幕' }).click()
  await expect(page.getByText('已保存 2 条字幕。')).toBeVisible()
  writeFileSync(path.join(dir, 'descriptions.vtt'), 'WEBVTT\n\n00:00:00.200 --> 00:00:00.900\n屏幕上出现七种颜色的竖条。\n')
  await page.getByLabel('字幕文件').setInputFiles(path.join(dir, 'descriptions.vtt'))
  await page.getByLabel('类型').selectOption('descriptions')
  await page.getByRole('button', { name: '上传字幕' }).click()
  await expect(page.getByText('已保存 1 条字幕。')).toBeVisible()
  const describe = page.getByRole('region', { name: '口述影像音轨' })
  await describe.getByLabel('上传口述音轨').setInputFiles(described.file)
  await describe.getByRole('button', { name: '开始上传' }).click()
  await expect(describe.locator('.media-status')).toHaveText('可以播放', { timeout: 90_000 })

  const context = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'zh-CN' })
  // Speech synthesis has no voices in a headless browser: record what would be read aloud instead.
  await context.addInitScript(() => {
    const spoken: string[] = []
    Object.assign(window, { spoken })
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        speaking: false,
        speak(utterance: SpeechSynthesisUtterance) {
          spoken.push(`${utterance.lang}:${utterance.text}`)
          setTimeout(() => utterance.onend?.(new Event('end') as SpeechSynthesisEvent), 10)
        },
        cancel() {},
      },
    })
  })
  const student = await context.newPage()
  await signIn(student, 'student')
  await student.goto(address)
  const player = student.getByRole('region', { name: /视频播放器/ })
  await expect(player).toBeVisible()
  await expect(student.getByRole('region', { name: '字幕、口述文字和章节' })).toHaveCount(0)
  await expectAccessible(student)

  // Chapters seek.
  await player.getByRole('navigation', { name: '章节' }).getByRole('button', { name: /认识红色/ }).click()
  await expect.poll(() => student.locator('video.player-video').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThanOrEqual(0.79)
  await expect(player.getByRole('navigation', { name: '章节' }).getByRole('button', { name: /认识红色/ })).toHaveAttribute('aria-current', 'true')

  // Timed text descriptions are read aloud when their time comes.
  await player.getByRole('checkbox', { name: '朗读口述文字' }).check()
  await player.getByRole('button', { name: '后退 5 秒' }).click()
  await player.getByRole('button', { name: '播放' }).click()
  await expect.poll(() => student.evaluate(() => (window as unknown as { spoken: string[] }).spoken), { timeout: 20_000 }).toEqual(['zh-CN:屏幕上出现七种颜色的竖条。'])
  await player.getByRole('button', { name: '暂停' }).click()
  await player.getByRole('checkbox', { name: '朗读口述文字' }).uncheck()

  // The described audio replaces the programme sound, in step with the picture.
  await player.getByRole('combobox', { name: '口述影像', exact: true }).selectOption({ label: '中文（普通话）' })
  await player.getByRole('button', { name: '播放' }).click()
  await expect.poll(() => student.locator('.player-stage audio').evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 20_000 }).toBeGreaterThan(0.9)
  expect(await student.locator('video.player-video').evaluate((v: HTMLVideoElement) => v.muted)).toBe(true)
  await player.getByRole('button', { name: '暂停' }).click()

  // Audio only, for the weakest connection: the same element now plays the audio rendition.
  await player.getByRole('combobox', { name: '清晰度', exact: true }).selectOption('audio')
  await player.getByRole('button', { name: '播放' }).click()
  await expect.poll(() => student.locator('video.player-video').evaluate((v: HTMLVideoElement) => ({ playing: !v.paused, width: v.videoWidth })), { timeout: 20_000 }).toEqual({ playing: true, width: 0 })
  await context.close()
})
