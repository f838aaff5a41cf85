import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../../app/modules/accounts/actor'
import { getAssetDetail, getPlayerSource, listMyAssets } from '../../../app/modules/media/assets.server'
import { openOfflineDownload, openPublishedFile } from '../../../app/modules/media/delivery.server'
import { CaptionFileError, captionTextForSearch, openTextTrack, saveTextTrack } from '../../../app/modules/media/text-tracks.server'
import { mediaTools, transcodeAsset } from '../../../app/modules/media/transcode.server'
import { ingestFile } from '../../../app/modules/media/uploads.server'
import { districts } from '../../../db/schema'
import { AppError } from '../../../app/platform/errors'
import { databaseKinds } from '../../support/database'
import { makeClip } from '../../support/media-clips'
import { actorFor } from '../../support/media'
import { Browser } from '../../support/pages'
import { api, apiToken } from '../../support/http'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

const clipsDir = mkdtempSync(path.join(tmpdir(), 'tongxing-clips-'))
const utf8 = (text: string) => new TextEncoder().encode(text)
const srt = '1\n00:00:00,000 --> 00:00:00,700\n红色\n\n2\n00:00:00,700 --> 00:00:01,400\n黄色\n'

async function statusOf(run: Promise<unknown>) {
  try {
    await run
    return 200
  } catch (error) {
    if (error instanceof AppError) return error.status
    throw error
  }
}

describe.each(databaseKinds)('who sees and changes a video, its captions and files, on %s', (kind) => {
  let rt: Runtime
  let teacher: Actor
  let student: Actor
  let family: Actor
  let outsider: Actor
  let assetId: string

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    teacher = await actorFor(rt.db, 'teacher')
    student = await actorFor(rt.db, 'student')
    family = await actorFor(rt.db, 'family')
    const [elsewhere] = await rt.db.insert(districts).values({ code: `other-${kind}`, name: '别的区' }).returning()
    outsider = { ...teacher, id: teacher.id, districtId: elsewhere!.id }
    const clip = makeClip(clipsDir, 'h264')
    ;({ assetId } = await ingestFile(rt, teacher, { path: clip.file, name: '颜色.mp4', size: clip.size, type: clip.type }, { title: '认识颜色' }))
    await transcodeAsset({ db: rt.db, storage: rt.storage, tools: mediaTools() }, assetId)
  })
  afterAll(() => stopTestRuntime(rt))

  it('stores SRT captions as WebVTT, one per kind and language, and replaces them on a new upload', async () => {
    const saved = await saveTextTrack(rt, teacher, assetId, { kind: 'captions', language: 'zh-CN' }, { name: '颜色.srt', bytes: utf8(srt) }, '中文')
    expect(saved.cueCount).toBe(2)
    const again = await saveTextTrack(rt, teacher, assetId, { kind: 'captions', language: 'zh-CN' }, { name: 'colours.vtt', bytes: utf8('WEBVTT\n\n00:00.000 --> 00:01.000\n颜色\n') }, '中文')
    await saveTextTrack(rt, teacher, assetId, { kind: 'captions', language: 'en' }, { name: 'en.vtt', bytes: utf8('WEBVTT\n\n00:00.000 --> 00:01.000\nColours\n') }, 'English')
    const detail = await getAssetDetail(rt.db, teacher, assetId)
    expect(detail.textTracks.map((t) => [t.kind, t.language, t.cueCount])).toEqual([
      ['captions', 'en', 1],
      ['captions', 'zh-CN', 1],
    ])
    const opened = await openTextTrack(rt, student, assetId, again.id)
    const chunks: Buffer[] = []
    for await (const chunk of opened.body) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).toString('utf8')).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n颜色\n')
  })

  it('gives the captions of its videos as plain text for a search index', async () => {
    const text = await captionTextForSearch(rt, [assetId])
    expect(text.split('\n').sort()).toEqual(['Colours', '颜色'])
    expect(await captionTextForSearch(rt, [])).toBe('')
  })

  it('refuses a broken caption file with every problem by line, and keeps the old one', async () => {
    const broken = 'WEBVTT\n\n00:00:01.000 --> 00:00:00.500\n倒了\n\n00:00:02.000 --> 00:00:03.000\n'
    const error = await saveTextTrack(rt, teacher, assetId, { kind: 'captions', language: 'zh-CN' }, { name: 'x.vtt', bytes: utf8(broken) }, '中文').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CaptionFileError)
    expect((error as CaptionFileError).problems).toEqual([
      { key: 'media.errors.captionOrder', params: { line: 3 } },
      { key: 'media.errors.captionText', params: { line: 6 } },
    ])
    const latin1 = new Uint8Array([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0x0a, 0xe9, 0xff])
    expect(await statusOf(saveTextTrack(rt, teacher, assetId, { kind: 'captions', language: 'zh-CN' }, { name: 'x.vtt', bytes: latin1 }, '中文'))).toBe(400)
    expect(await statusOf(saveTextTrack(rt, teacher, assetId, { kind: 'captions', language: 'xx' }, { name: 'x.vtt', bytes: utf8(srt) }, '中文'))).toBe(400)
    expect(await statusOf(saveTextTrack(rt, teacher, assetId, { kind: 'captions', language: 'zh-CN' }, { name: 'notes.txt', bytes: utf8('hello') }, '中文'))).toBe(400)
    const detail = await getAssetDetail(rt.db, teacher, assetId)
    expect(detail.textTracks.find((t) => t.language === 'zh-CN')?.cueCount).toBe(1)
  })

  it('lets the district watch, only the uploader change, and nobody outside even see it', async () => {
    expect((await getPlayerSource(rt.db, student, assetId))?.src).toBe(`/media/${assetId}/files/v1/master.m3u8`)
    expect((await getPlayerSource(rt.db, family, assetId))?.textTracks).toHaveLength(2)
    expect(await statusOf(saveTextTrack(rt, student, assetId, { kind: 'captions', language: 'zh-CN' }, { name: 'x.srt', bytes: utf8(srt) }, '中文'))).toBe(403)
    expect(await statusOf(listMyAssets(rt.db, student))).toBe(403)
    expect(await statusOf(getPlayerSource(rt.db, outsider, assetId))).toBe(404)
    expect(await statusOf(openPublishedFile(rt, outsider, assetId, 'v1/master.m3u8'))).toBe(404)
  })

  it('serves only files of the published version, with byte ranges', async () => {
    const master = await openPublishedFile(rt, student, assetId, 'v1/master.m3u8')
    master.body.destroy()
    expect(master.object.contentType).toBe('application/vnd.apple.mpegurl')
    const part = await openPublishedFile(rt, student, assetId, 'v1/240p/init.mp4', { start: 0, end: 7 })
    const bytes: Buffer[] = []
    for await (const chunk of part.body) bytes.push(chunk as Buffer)
    expect(Buffer.concat(bytes).subarray(4, 8).toString('latin1')).toBe('ftyp')
    for (const wrong of ['v2/master.m3u8', 'v1/../v1/master.m3u8', 'master.m3u8', 'v1/missing.m4s', 'v1//master.m3u8']) {
      expect(await statusOf(openPublishedFile(rt, student, assetId, wrong)), wrong).toBe(404)
    }
  })

  it('packs the low-bandwidth rendition and every caption language into one MP4 for offline use', async () => {
    const download = await openOfflineDownload({ ...rt, tools: mediaTools() }, student, assetId)
    expect(download.filename).toBe('认识颜色.mp4')
    const chunks: Buffer[] = []
    for await (const chunk of download.body) chunks.push(chunk as Buffer)
    const file = path.join(clipsDir, 'offline.mp4')
    writeFileSync(file, Buffer.concat(chunks))
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', file], { encoding: 'utf8' }))
    const streams = probe.streams.map((s: { codec_type: string; codec_name: string; height?: number; tags?: { language?: string } }) => [s.codec_type, s.codec_name, s.height ?? s.tags?.language])
    expect(streams).toEqual([
      ['video', 'h264', 240],
      ['audio', 'aac', 'und'],
      ['subtitle', 'mov_text', 'eng'],
      ['subtitle', 'mov_text', 'chi'],
    ])
  })

  it('answers /api/v1/media for clients and the library, by asset id', async () => {
    const teacherToken = await apiToken('teacher')
    const studentToken = await apiToken('student')
    const mine = await api('GET', '/media', { token: teacherToken })
    expect(mine.status).toBe(200)
    expect(mine.body.map((a: { id: string }) => a.id)).toContain(assetId)
    expect((await api('GET', '/media', { token: studentToken })).status).toBe(403)
    const player = await api('GET', `/media/${assetId}/player`, { token: studentToken })
    expect(player.status).toBe(200)
    expect(player.body).toMatchObject({ assetId, kind: 'video', src: `/media/${assetId}/files/v1/master.m3u8`, sign: null })
    const detail = await api('GET', `/media/${assetId}`, { token: studentToken })
    expect(detail.body).toMatchObject({ asset: { id: assetId, status: 'ready', playable: true }, canManage: false })
    expect((await api('POST', `/media/${assetId}/retry`, { token: studentToken })).status).toBe(403)
    expect((await api('GET', '/media/00000000-0000-4000-8000-000000000000', { token: teacherToken })).status).toBe(404)
    expect((await api('GET', '/media/nonsense/player', { token: teacherToken })).status).toBe(404)
  })

  it('shows the page to a student without the controls to change it, and keeps the list to staff', async () => {
    const page = await import('../../../app/routes/media.$assetId')
    const list = await import('../../../app/routes/media._index')
    const browser = new Browser()
    await browser.signIn('student')
    const opened = await browser.open(`/media/${assetId}`, page.loader as never, { assetId })
    expect(opened.status).toBe(200)
    expect(opened.data.detail.canManage).toBe(false)
    expect(opened.data.source.src).toBe(`/media/${assetId}/files/v1/master.m3u8`)
    expect((await browser.open('/media', list.loader as never)).status).toBe(403)
    const changed = await browser.submit(`/media/${assetId}`, page.action as never, { intent: 'rename', title: '改名' }, { params: { assetId } })
    expect(changed.status).toBe(403)
    expect((await browser.open('/media/not-a-uuid', page.loader as never, { assetId: 'not-a-uuid' })).status).toBe(404)
  })

  it('shows a failed video with its reason, and lets its uploader (not a student) process it again from the page', async () => {
    const clip = makeClip(clipsDir, 'text')
    const failed = await ingestFile(rt, teacher, { path: clip.file, name: 'notes.mp4', size: clip.size, type: clip.type })
    await transcodeAsset({ db: rt.db, storage: rt.storage, tools: mediaTools() }, failed.assetId)
    const page = await import('../../../app/routes/media.$assetId')
    const params = { assetId: failed.assetId }
    const owner = new Browser()
    await owner.signIn('teacher')
    const shown = await owner.open(`/media/${failed.assetId}`, page.loader as never, params)
    expect(shown.data.detail.asset).toMatchObject({ status: 'failed', failure: { key: 'media.errors.notMedia' }, playable: false })
    expect(shown.data.source).toBeNull()
    const pupil = new Browser()
    await pupil.signIn('student')
    await pupil.open(`/media/${failed.assetId}`, page.loader as never, params)
    expect((await pupil.submit(`/media/${failed.assetId}`, page.action as never, { intent: 'retry', assetId: failed.assetId }, { params })).status).toBe(403)
    const retried = await owner.submit(`/media/${failed.assetId}`, page.action as never, { intent: 'retry', assetId: failed.assetId }, { params })
    expect(retried.data).toMatchObject({ ok: true, message: { key: 'media.retried' } })
    expect((await getAssetDetail(rt.db, teacher, failed.assetId)).asset).toMatchObject({ status: 'queued', failure: null })
    // Without a fresh CSRF token nothing happens.
    expect((await owner.submit(`/media/${failed.assetId}`, page.action as never, { intent: 'retry', assetId: failed.assetId }, { params, csrf: 'forged' })).status).toBe(403)
  })
})
