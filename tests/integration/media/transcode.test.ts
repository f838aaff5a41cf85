import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../../app/modules/accounts/actor'
import { getPlayerSource, retryTranscode } from '../../../app/modules/media/assets.server'
import { mediaKeys } from '../../../app/modules/media/keys'
import { maxAttempts, mediaTools, transcodeAsset, type TranscodeDeps } from '../../../app/modules/media/transcode.server'
import { ingestFile } from '../../../app/modules/media/uploads.server'
import { databaseKinds } from '../../support/database'
import { makeClip, type ClipName } from '../../support/media-clips'
import { actorFor, assetRow, keysUnder, probeRendition, readText } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

const clipsDir = mkdtempSync(path.join(tmpdir(), 'tongxing-clips-'))

interface Expected {
  rungs: { name: string; width: number; height: number }[]
  audio: boolean
}

/** Every shape the issue lists, and what the ladder must be for it (never above the source). */
const playable: [ClipName, Expected][] = [
  ['h264', { rungs: [{ name: '360p', width: 640, height: 360 }, { name: '240p', width: 426, height: 240 }], audio: true }],
  ['hd', { rungs: [{ name: '720p', width: 1280, height: 720 }, { name: '480p', width: 854, height: 480 }, { name: '360p', width: 640, height: 360 }, { name: '240p', width: 426, height: 240 }], audio: true }],
  ['hevc10', { rungs: [{ name: '360p', width: 640, height: 360 }, { name: '240p', width: 426, height: 240 }], audio: true }],
  ['vp9', { rungs: [{ name: '240p', width: 426, height: 240 }], audio: true }],
  ['mpeg2', { rungs: [{ name: '576p', width: 720, height: 576 }, { name: '480p', width: 600, height: 480 }, { name: '360p', width: 450, height: 360 }, { name: '240p', width: 300, height: 240 }], audio: true }],
  ['portrait', { rungs: [{ name: '360p', width: 360, height: 640 }, { name: '240p', width: 240, height: 426 }], audio: true }],
  ['rotated', { rungs: [{ name: '360p', width: 360, height: 640 }, { name: '240p', width: 240, height: 426 }], audio: true }],
  ['odd', { rungs: [{ name: '240p', width: 320, height: 240 }], audio: true }],
  ['tiny', { rungs: [{ name: '120p', width: 160, height: 120 }], audio: false }],
  ['vfr', { rungs: [{ name: '240p', width: 426, height: 240 }], audio: true }],
  ['silent', { rungs: [{ name: '240p', width: 426, height: 240 }], audio: false }],
  ['audioOnly', { rungs: [], audio: true }],
]

const refused: [ClipName, string][] = [
  ['truncated', 'media.errors.truncated'],
  ['text', 'media.errors.notMedia'],
  ['image', 'media.errors.notMedia'],
]

describe.each(databaseKinds)('transcoding with real ffmpeg on %s', (kind) => {
  let rt: Runtime
  let teacher: Actor
  let deps: TranscodeDeps

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    teacher = await actorFor(rt.db, 'teacher')
    deps = { db: rt.db, storage: rt.storage, tools: mediaTools() }
  })
  afterAll(() => stopTestRuntime(rt))

  async function upload(name: ClipName) {
    const clip = makeClip(clipsDir, name)
    const { assetId } = await ingestFile(rt, teacher, { path: clip.file, name: clip.file.split('/').at(-1)!, size: clip.size, type: clip.type })
    return assetId
  }

  it.each(playable)('%s comes out as the right ladder, published under v1', async (name, expected) => {
    const assetId = await upload(name)
    expect((await assetRow(rt.db, assetId)).status).toBe('queued')
    await transcodeAsset(deps, assetId)
    const asset = await assetRow(rt.db, assetId)
    expect(asset.failure).toBeNull()
    expect(asset.status).toBe('ready')
    expect(asset.currentVersion).toBe(1)
    expect(asset.kind).toBe(expected.rungs.length ? 'video' : 'audio')
    const prefix = mediaKeys.version(assetId, 1)
    const outputs = asset.outputs!
    expect(outputs.variants.map((v) => ({ name: v.name, width: v.width, height: v.height }))).toEqual(expected.rungs)

    const master = await readText(rt.storage, prefix + outputs.master)
    for (const rung of expected.rungs) {
      expect(master).toContain(`RESOLUTION=${rung.width}x${rung.height}`)
      const rendition = await probeRendition(rt.storage, prefix, `${rung.name}/index.m3u8`)
      expect(rendition).toMatchObject({ video: { codec: 'h264', width: rung.width, height: rung.height, pixFmt: 'yuv420p' }, audio: null, endList: true })
      expect(rendition.duration).toBeGreaterThan(0.5)
    }
    if (expected.audio) {
      const audio = await probeRendition(rt.storage, prefix, 'audio/index.m3u8')
      expect(audio).toMatchObject({ video: null, audio: { codec: 'aac', channels: 2 }, endList: true })
      expect(master).toContain(expected.rungs.length ? 'TYPE=AUDIO' : 'CODECS="mp4a.40.2"')
    } else {
      expect(outputs.audio).toBeUndefined()
      expect(master).not.toContain('AUDIO')
    }
    if (expected.rungs.length) {
      expect(outputs.poster).toBe('poster.jpg')
      expect(outputs.storyboard).toEqual({ image: 'storyboard.jpg', vtt: 'storyboard.vtt' })
      expect(await readText(rt.storage, prefix + 'storyboard.vtt')).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:01\.000\nstoryboard\.jpg#xywh=0,0,/)
      expect(outputs.download?.size).toBeGreaterThan(1000)
    }
    // Nothing but the published version and the original's parts.
    const keys = await keysUnder(rt.storage, mediaKeys.asset(assetId))
    expect(keys.every((k) => k.startsWith(prefix) || k.startsWith(`media/${assetId}/original/`))).toBe(true)

    const source = await getPlayerSource(rt.db, teacher, assetId)
    expect(source?.src).toBe(`/media/${assetId}/files/v1/master.m3u8`)
  })

  it.each(refused)('%s is refused with a reason the uploader can read, without retries', async (name, reason) => {
    const assetId = await upload(name)
    await transcodeAsset(deps, assetId)
    const asset = await assetRow(rt.db, assetId)
    expect(asset.status).toBe('failed')
    expect(asset.failure?.key).toBe(reason)
    expect(asset.attempts).toBe(1)
    expect(asset.currentVersion).toBeNull()
    expect(await keysUnder(rt.storage, mediaKeys.versionsPrefix(assetId))).toEqual([])
  })

  it('retries a failing run with the previous version still served, ends failed after the last attempt, and can be retried', async () => {
    const assetId = await upload('h264')
    await transcodeAsset(deps, assetId)
    const v1 = await keysUnder(rt.storage, mediaKeys.version(assetId, 1))
    expect(v1.length).toBeGreaterThan(5)

    // Re-processing with an ffmpeg that crashes: every attempt throws (so pg-boss retries with backoff) until the last.
    await retryTranscode(rt, teacher, assetId)
    const broken: TranscodeDeps = { ...deps, tools: { ...deps.tools, ffmpeg: path.resolve('tests/support/crashing-ffmpeg.sh') } }
    for (let attempt = 1; attempt < maxAttempts; attempt++) {
      await expect(transcodeAsset(broken, assetId)).rejects.toThrow()
      const asset = await assetRow(rt.db, assetId)
      expect(asset).toMatchObject({ status: 'queued', currentVersion: 1, attempts: attempt })
    }
    await transcodeAsset(broken, assetId)
    const failed = await assetRow(rt.db, assetId)
    expect(failed).toMatchObject({ status: 'failed', currentVersion: 1, failure: { key: 'media.errors.transcodeFailed' } })
    // Version 1 still whole and the only one stored; the failed runs left nothing behind.
    expect(await keysUnder(rt.storage, mediaKeys.versionsPrefix(assetId))).toEqual(v1)
    expect((await getPlayerSource(rt.db, teacher, assetId))?.src).toBe(`/media/${assetId}/files/v1/master.m3u8`)

    await retryTranscode(rt, teacher, assetId)
    await transcodeAsset(deps, assetId)
    const fixed = await assetRow(rt.db, assetId)
    expect(fixed).toMatchObject({ status: 'ready', currentVersion: maxAttempts + 2, attempts: 1, failure: null })
    const versions = new Set((await keysUnder(rt.storage, mediaKeys.versionsPrefix(assetId))).map((k) => k.split('/')[2]))
    expect([...versions]).toEqual([`v${maxAttempts + 2}`])
  })

  it('a late or duplicate delivery of the job does nothing', async () => {
    const assetId = await upload('tiny')
    await transcodeAsset(deps, assetId)
    const before = await assetRow(rt.db, assetId)
    await transcodeAsset(deps, assetId)
    expect(await assetRow(rt.db, assetId)).toMatchObject({ status: 'ready', currentVersion: before.currentVersion, lastVersion: before.lastVersion })
  })
})
