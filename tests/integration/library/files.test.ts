import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import sharp from 'sharp'
import { makeThumbnail, uploadFile } from '../../../app/modules/library/files.server'
import { eq } from 'drizzle-orm'
import { users } from '../../../db/schema'
import { handleApi } from '../../../app/platform/api/endpoints.server'
import { databaseKinds } from '../../support/database'
import { api, apiToken, baseUrl } from '../../support/http'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'
import { lessonInput } from './fixtures'

const scores = { accessibility: 5, curriculum: 4, differentiation: 4 }

/** The object stores this run covers: local disk always, S3 (s3rver in CI) when S3_BUCKET is set. */
const stores: [string, Record<string, string>][] = [['local disk', {}]]
if (process.env.S3_BUCKET) {
  stores.push([
    'S3',
    {
      STORAGE: 's3',
      S3_BUCKET: process.env.S3_BUCKET,
      S3_ENDPOINT: process.env.S3_ENDPOINT ?? '',
      S3_REGION: process.env.S3_REGION ?? 'us-east-1',
      S3_ACCESS_KEY_ID: process.env.S3_ACCESS_KEY_ID ?? '',
      S3_SECRET_ACCESS_KEY: process.env.S3_SECRET_ACCESS_KEY ?? '',
    },
  ])
}
const cases = databaseKinds.flatMap((db) => stores.map(([store, env]) => [`${store} with ${db}`, db, env] as const))

/** Files of resources through the API, on every object store: streamed in, judged by their bytes, served back by name. */
describe.each(cases)('library files on %s', (_name, kind, env) => {
  let rt: Runtime
  const token = {} as Record<'admin' | 'researcher' | 'teacher', string>

  beforeAll(async () => {
    rt = await startTestRuntime(kind, env)
    for (const role of ['admin', 'researcher', 'teacher'] as const) token[role] = await apiToken(role)
  })
  afterAll(() => stopTestRuntime(rt))

  async function upload(resourceId: string, name: string, bytes: Uint8Array | string, as = token.teacher) {
    const response = await handleApi(
      new Request(`${baseUrl}/api/v1/resources/${resourceId}/files?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${as}`, 'Content-Type': 'application/octet-stream' },
        body: typeof bytes === "string" ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]),
      }),
      { ip: '127.0.0.1' },
    )
    return { status: response.status, body: await response.json() }
  }

  it('streams uploads, judges the type by the bytes and serves them back with the Chinese name', async () => {
    const worksheet = await api('POST', '/resources', {
      token: token.teacher,
      body: { ...lessonInput('数字描红'), kind: 'worksheet', details: { pages: 2 }, variants: [] },
    })
    const id = worksheet.body.id
    // Not ready: a worksheet needs its file.
    const notReady = await api('POST', `/resources/${id}/submit`, { token: token.teacher })
    expect(notReady.status).toBe(400)
    expect(notReady.body.error.fields.files.code).toBe('library.errors.needsFile')

    const exe = await upload(id, '练习.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array(200).fill(0)]))
    expect(exe.status).toBe(400)
    expect(exe.body.error.fields.file.code).toBe('library.errors.fileType')

    const pdf = await upload(id, '数字描红 第1页.pdf', '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201)
    expect(pdf.body).toMatchObject({ fileName: '数字描红 第1页.pdf', contentType: 'application/pdf' })
    const brf = await upload(id, 'shuzi.brf', '  #A #B #C\n')
    expect(brf.body.contentType).toBe('text/plain; charset=us-ascii')

    const download = await handleApi(new Request(`${baseUrl}/api/v1/files/${pdf.body.id}?download=1`, { headers: { Authorization: `Bearer ${token.teacher}` } }), { ip: '127.0.0.1' })
    expect(download.status).toBe(200)
    expect(download.headers.get('Content-Disposition')).toBe(`attachment; filename="____ _1_.pdf"; filename*=UTF-8''${encodeURIComponent('数字描红 第1页.pdf')}`)
    expect((await download.text()).startsWith('%PDF-1.4')).toBe(true)
    const range = await handleApi(new Request(`${baseUrl}/api/v1/files/${pdf.body.id}`, { headers: { Authorization: `Bearer ${token.teacher}`, Range: 'bytes=1-3' } }), { ip: '127.0.0.1' })
    expect(range.status).toBe(206)
    expect(await range.text()).toBe('PDF')

    // Others cannot fetch a draft's file; once published they can, and an older version keeps a removed file.
    const asResearcher = await handleApi(new Request(`${baseUrl}/api/v1/files/${pdf.body.id}`, { headers: { Authorization: `Bearer ${token.researcher}` } }), { ip: '127.0.0.1' })
    expect(asResearcher.status).toBe(404)
    await api('POST', `/resources/${id}/submit`, { token: token.teacher })
    await api('POST', `/resources/${id}/review`, { token: token.researcher, body: { decision: 'approve', ...scores } })
    await api('POST', `/resources/${id}/publish`, { token: token.admin, body: scores })
    expect((await api('DELETE', `/resources/${id}/files/${pdf.body.id}`, { token: token.teacher })).status).toBe(204)
    // Taking a file off a published resource starts a new draft; readers keep version 1 with the file.
    const working = await api('GET', `/resources/${id}?version=working`, { token: token.teacher })
    expect(working.body).toMatchObject({ status: 'draft', version: null, publishedVersion: 1 })
    expect(working.body.files.map((f: { fileName: string }) => f.fileName)).toEqual(['shuzi.brf'])
    const v1 = await api('GET', `/resources/${id}?version=1`, { token: token.researcher })
    expect(v1.body.files.map((f: { fileName: string }) => f.fileName)).toEqual(['数字描红 第1页.pdf', 'shuzi.brf'])
    const again = await handleApi(new Request(`${baseUrl}/api/v1/files/${pdf.body.id}?download=1`, { headers: { Authorization: `Bearer ${token.researcher}` } }), { ip: '127.0.0.1' })
    expect(again.status).toBe(200)
    await again.text()
    expect((await api('GET', `/resources/${id}`, { token: token.researcher })).body.counts.downloads).toBe(2)
  })


  it('makes thumbnails of images and of a PDF’s first page into the same store', async () => {
    const aid = await api('POST', '/resources', { token: token.teacher, body: { ...lessonInput('教具缩略图'), kind: 'teaching_aid', details: {}, variants: [] } })
    const png = await upload(aid.body.id, '一日流程卡.png', new Uint8Array(readFileSync('content/files/一日流程卡.png')))
    const pdf = await upload(aid.body.id, '七步洗手.pdf', new Uint8Array(readFileSync('content/files/七步洗手课件.pdf')))
    for (const file of [png.body, pdf.body]) {
      await makeThumbnail(rt, file.id)
      const [row] = (await rt.database.executeSql('select thumbnail_state, thumbnail_key from resource_files where id = $1', [file.id])).rows as { thumbnail_state: string; thumbnail_key: string }[]
      expect(row!.thumbnail_state, file.fileName).toBe('ready')
      const stored = await rt.storage.get(row!.thumbnail_key)
      const chunks: Buffer[] = []
      for await (const chunk of stored!.body) chunks.push(chunk as Buffer)
      const meta = await sharp(Buffer.concat(chunks)).metadata()
      expect(meta).toMatchObject({ format: 'webp', width: 320 })
    }
  })

  it('leaves files without a thumbnail alone, and marks a broken image failed for the queue to retry', async () => {
    const aid = await api('POST', '/resources', { token: token.teacher, body: { ...lessonInput('损坏的图片'), kind: 'teaching_aid', details: {}, variants: [] } })
    const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]
    const broken = await upload(aid.body.id, '坏图.png', new Uint8Array([...pngSignature, ...new Array(64).fill(7)]))
    expect(broken.body.contentType).toBe('image/png')
    await expect(makeThumbnail(rt, broken.body.id)).rejects.toThrow()
    const audio = await upload(aid.body.id, '儿歌.mp3', new Uint8Array(readFileSync('content/files/儿歌-洗手歌.mp3')))
    await makeThumbnail(rt, audio.body.id)
    const states = (await rt.database.executeSql('select file_name, thumbnail_state from resource_files where resource_id = $1 order by file_name', [aid.body.id])).rows
    expect(states).toEqual([
      { file_name: '儿歌.mp3', thumbnail_state: 'none' },
      { file_name: '坏图.png', thumbnail_state: 'failed' },
    ])
  })

  it('stops a file past the size limit as it streams and keeps nothing of it', async () => {
    const aid = await api('POST', '/resources', { token: token.teacher, body: { ...lessonInput('太大的文件'), kind: 'teaching_aid', details: {}, variants: [] } })
    const [u] = await rt.db.select().from(users).where(eq(users.username, 'teacher'))
    const actor = { id: u!.id, username: 'teacher', displayName: u!.displayName, role: u!.role, districtId: u!.districtId, schoolId: u!.schoolId, locale: 'zh-CN', preferences: {} }
    const stored = async () => {
      let n = 0
      for await (const _ of rt.storage.list('library/files/')) n++
      return n
    }
    const before = await stored()
    const pdf = readFileSync('content/files/七步洗手课件.pdf')
    const error = await uploadFile(rt, actor, aid.body.id, { fileName: '大.pdf', body: Readable.from([pdf]) }, { maxBytes: 4096 }).catch((e) => e)
    expect(error.userMessage).toEqual({ key: 'library.errors.fileTooLarge', params: { max: 1 } })
    expect(error.options.fields.file.key).toBe('library.errors.fileTooLarge')
    expect(await stored()).toBe(before)
    expect((await rt.database.executeSql('select count(*)::int n from resource_files where resource_id = $1', [aid.body.id])).rows).toEqual([{ n: 0 }])
    // The same file within the limit is kept whole.
    const kept = await uploadFile(rt, actor, aid.body.id, { fileName: '大.pdf', body: Readable.from([pdf]) })
    expect(kept.size).toBe(pdf.length)
  })

  it('allows so many files per resource and says so past that', async () => {
    const aid = await api('POST', '/resources', { token: token.teacher, body: { ...lessonInput('很多文件'), kind: 'teaching_aid', details: {}, variants: [] } })
    for (let i = 1; i <= 20; i++) expect((await upload(aid.body.id, `第${i}张.txt`, `卡片 ${i}\n`)).status).toBe(201)
    const refused = await upload(aid.body.id, '第21张.txt', '卡片 21\n')
    expect(refused.status).toBe(400)
    expect(refused.body.error.fields.file.message).toBe('每个资源最多 20 个文件。')
  })
})
