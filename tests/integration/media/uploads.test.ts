import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../../app/modules/accounts/actor'
import { handleTus } from '../../../app/modules/media/tus.server'
import { purgeExpiredUploads } from '../../../app/modules/media/uploads.server'
import { mediaKeys } from '../../../app/modules/media/keys'
import { mediaUploads } from '../../../db/schema'
import { eq } from 'drizzle-orm'
import { databaseKinds } from '../../support/database'
import { actorFor, assetRow, keysUnder } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

const base = 'http://localhost'
const b64 = (s: string) => Buffer.from(s).toString('base64')
const tus = { 'Tus-Resumable': '1.0.0' }

/** A body that delivers `bytes` and then breaks, as a dropped connection does. */
function cutBody(bytes: Uint8Array) {
  let sent = false
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true
        controller.enqueue(bytes)
      } else controller.error(new Error('connection reset by peer'))
    },
  })
}

describe.each(databaseKinds)('resumable uploads (tus 1.0.0) on %s', (kind) => {
  let rt: Runtime
  let teacher: Actor
  let otherTeacher: Actor
  let student: Actor
  const payload = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251))

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    teacher = await actorFor(rt.db, 'teacher')
    student = await actorFor(rt.db, 'student')
    otherTeacher = { ...teacher, id: (await actorFor(rt.db, 'researcher')).id, role: 'teacher' }
  })
  afterAll(() => stopTestRuntime(rt))

  const call = (actor: Actor | null, method: string, path: string, headers: Record<string, string> = {}, body?: BodyInit | ReadableStream) =>
    handleTus(new Request(base + path, { method, headers: { ...tus, ...headers }, body: body as BodyInit, duplex: 'half' } as RequestInit), actor, rt, path.split('/')[3])

  const create = async (length = payload.length, metadata = `filename ${b64('第一课.mp4')},filetype ${b64('video/mp4')},title ${b64('第一课')}`) => {
    const response = await call(teacher, 'POST', '/media/uploads', { 'Upload-Length': String(length), 'Upload-Metadata': metadata })
    return { response, location: response.headers.get('Location')!, assetId: response.headers.get('X-Asset-Id')! }
  }
  const patch = (actor: Actor, location: string, offset: number, body: BodyInit | ReadableStream) =>
    call(actor, 'PATCH', location, { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }, body)

  it('advertises the protocol and refuses clients that do not speak it', async () => {
    const options = await handleTus(new Request(`${base}/media/uploads`, { method: 'OPTIONS' }), null, rt)
    expect(options.status).toBe(204)
    expect(options.headers.get('Tus-Extension')).toBe('creation,termination')
    expect(Number(options.headers.get('Tus-Max-Size'))).toBeGreaterThanOrEqual(4 * 1024 ** 3)
    const old = await handleTus(new Request(`${base}/media/uploads`, { method: 'POST', headers: { 'Upload-Length': '10' } }), teacher, rt)
    expect(old.status).toBe(412)
  })

  it('lets only signed-in staff from this site start an upload, and says why not', async () => {
    expect((await call(null, 'POST', '/media/uploads', { 'Upload-Length': '10' })).status).toBe(401)
    expect((await call(student, 'POST', '/media/uploads', { 'Upload-Length': '10', 'Upload-Metadata': `filename ${b64('a.mp4')}` })).status).toBe(403)
    expect((await call(teacher, 'POST', '/media/uploads', { 'Upload-Length': '10', Origin: 'https://evil.example' })).status).toBe(403)
    const tooBig = await create(9 * 1024 ** 3)
    expect(tooBig.response.status).toBe(413)
    expect((await tooBig.response.json()).error.text).toEqual({ 'zh-CN': '文件太大：最大 8 GB。', en: 'The file is too large: at most 8 GB.' })
    const notVideo = await create(10, `filename ${b64('a.pdf')},filetype ${b64('application/pdf')}`)
    expect(notVideo.response.status).toBe(415)
    expect((await notVideo.response.json()).error.message).toEqual({ key: 'media.errors.notVideoType', params: { type: 'application/pdf' } })
  })

  it('keeps what arrived before the connection dropped, resumes from there, and queues the finished video', async () => {
    const { response, location, assetId } = await create()
    expect(response.status).toBe(201)
    expect(location).toMatch(/^\/media\/uploads\/[0-9a-f-]{36}$/)
    expect((await assetRow(rt.db, assetId)).status).toBe('uploading')

    const cut = await patch(teacher, location, 0, cutBody(payload.subarray(0, 120_000)))
    expect(cut.status).toBe(204)
    expect(cut.headers.get('Upload-Offset')).toBe('120000')
    const head = await call(teacher, 'HEAD', location)
    expect([head.status, head.headers.get('Upload-Offset'), head.headers.get('Upload-Length'), head.headers.get('Cache-Control')]).toEqual([200, '120000', String(payload.length), 'no-store'])

    // A client that lost track and sends from the wrong place is told where the server is.
    const wrong = await patch(teacher, location, 100_000, payload.subarray(100_000))
    expect(wrong.status).toBe(409)
    expect((await wrong.json()).error.message).toEqual({ key: 'media.errors.uploadOffset', params: { expected: 120_000 } })
    // More than the declared length is refused, and nothing of it is kept.
    const overflow = await patch(teacher, location, 120_000, Buffer.concat([payload.subarray(120_000), Buffer.alloc(10)]))
    expect(overflow.status).toBe(413)
    expect((await call(teacher, 'HEAD', location)).headers.get('Upload-Offset')).toBe('120000')
    // Somebody else's upload does not exist for them.
    expect((await patch(otherTeacher, location, 120_000, payload.subarray(120_000))).status).toBe(404)
    expect((await call(otherTeacher, 'HEAD', location)).status).toBe(404)

    const rest = await patch(teacher, location, 120_000, payload.subarray(120_000))
    expect([rest.status, rest.headers.get('Upload-Offset')]).toEqual([204, String(payload.length)])
    expect((await assetRow(rt.db, assetId)).status).toBe('queued')
    const jobs = await rt.database.executeSql(`select count(*)::int as n from pgboss.job where name = 'media.transcode' and data->>'assetId' = $1`, [assetId])
    expect(Number(jobs.rows[0]!.n)).toBe(1)

    // The parts, in order, are exactly the file; no stray part is left from the refused requests.
    const [upload] = await rt.db.select().from(mediaUploads).where(eq(mediaUploads.assetId, assetId))
    const chunks: Buffer[] = []
    for (const part of upload!.parts) for await (const chunk of (await rt.storage.get(part.key))!.body) chunks.push(chunk as Buffer)
    expect(createHash('sha256').update(Buffer.concat(chunks)).digest('hex')).toBe(createHash('sha256').update(payload).digest('hex'))
    expect((await keysUnder(rt.storage, `media/${assetId}/original/`)).length).toBe(upload!.parts.length)
    expect((await patch(teacher, location, payload.length, Buffer.alloc(1))).status).toBe(409)
  })

  it('attaches sign-language and audio-description uploads only to a main video the uploader manages', async () => {
    const { assetId: parentId } = await create()
    const meta = (fields: Record<string, string>) => Object.entries({ filename: 'sign.mp4', ...fields }).map(([k, v]) => `${k} ${b64(v)}`).join(',')
    const sign = await call(teacher, 'POST', '/media/uploads', { 'Upload-Length': '100', 'Upload-Metadata': meta({ role: 'sign_language', parentId }) })
    expect(sign.status).toBe(201)
    const child = await assetRow(rt.db, sign.headers.get('X-Asset-Id')!)
    expect(child).toMatchObject({ role: 'sign_language', parentId })
    const described = await call(teacher, 'POST', '/media/uploads', { 'Upload-Length': '100', 'Upload-Metadata': meta({ role: 'audio_description', parentId, language: 'en' }) })
    expect((await assetRow(rt.db, described.headers.get('X-Asset-Id')!)).language).toBe('en')
    // Not one's own video, a track as parent, no parent, an unknown language: refused.
    expect((await call(otherTeacher, 'POST', '/media/uploads', { 'Upload-Length': '100', 'Upload-Metadata': meta({ role: 'sign_language', parentId }) })).status).toBe(403)
    expect((await call(teacher, 'POST', '/media/uploads', { 'Upload-Length': '100', 'Upload-Metadata': meta({ role: 'sign_language', parentId: child.id }) })).status).toBe(400)
    expect((await call(teacher, 'POST', '/media/uploads', { 'Upload-Length': '100', 'Upload-Metadata': meta({ role: 'sign_language' }) })).status).toBe(400)
    expect((await call(teacher, 'POST', '/media/uploads', { 'Upload-Length': '100', 'Upload-Metadata': meta({ role: 'audio_description', parentId, language: 'xx' }) })).status).toBe(400)
    expect((await call(teacher, 'POST', '/media/uploads', { 'Upload-Length': '100', 'Upload-Metadata': meta({ role: 'sign_language', parentId: '00000000-0000-4000-8000-000000000000' }) })).status).toBe(404)
  })

  it('removes uploads left unfinished past their expiry, never before and never a finished one', async () => {
    const stale = await create()
    await patch(teacher, stale.location, 0, payload.subarray(0, 10_000))
    const fresh = await create()
    const done = await create(10)
    await patch(teacher, done.location, 0, payload.subarray(0, 10))
    // Within the week an upload can still be resumed.
    await purgeExpiredUploads(rt)
    expect((await call(teacher, 'HEAD', stale.location)).headers.get('Upload-Offset')).toBe('10000')
    const purged = await purgeExpiredUploads(rt, new Date(Date.now() + 8 * 24 * 3600 * 1000))
    expect(purged).toBeGreaterThanOrEqual(2)
    expect(await keysUnder(rt.storage, mediaKeys.asset(stale.assetId))).toEqual([])
    expect((await call(teacher, 'HEAD', stale.location)).status).toBe(404)
    expect((await call(teacher, 'HEAD', fresh.location)).status).toBe(404)
    // A finished upload is the video's original: never purged.
    expect((await assetRow(rt.db, done.assetId)).status).toBe('queued')
    expect((await keysUnder(rt.storage, mediaKeys.asset(done.assetId))).length).toBe(1)
  })

  it('cancels an unfinished upload with everything received', async () => {
    const { location, assetId } = await create()
    await patch(teacher, location, 0, payload.subarray(0, 50_000))
    expect((await call(teacher, 'DELETE', location)).status).toBe(204)
    expect((await call(teacher, 'HEAD', location)).status).toBe(404)
    expect(await keysUnder(rt.storage, mediaKeys.asset(assetId))).toEqual([])
  })
})
