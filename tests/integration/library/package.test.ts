import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { count, eq } from 'drizzle-orm'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import yazl from 'yazl'
import { mediaAssets, mediaTextTracks, resourceBraille, resources, signTerms } from '../../../db/schema'
import type { Actor } from '../../../app/modules/accounts/actor'
import { saveBrailleCorrection } from '../../../app/modules/braille/resource.server'
import { uploadFile } from '../../../app/modules/library/files.server'
import { exportPackage, importPackage } from '../../../app/modules/library/package.server'
import type { Manifest } from '../../../app/modules/library/package-format'
import { createResource, getResource } from '../../../app/modules/library/resources.server'
import { saveTextTrack } from '../../../app/modules/media/text-tracks.server'
import { mediaTools, transcodeAsset } from '../../../app/modules/media/transcode.server'
import { ingestFile } from '../../../app/modules/media/uploads.server'
import { createTerm } from '../../../app/modules/signs/terms.server'
import { handleApi } from '../../../app/platform/api/endpoints.server'
import { AppError } from '../../../app/platform/errors'
import { databaseKinds } from '../../support/database'
import { apiToken } from '../../support/http'
import { actorFor } from '../../support/media'
import { makeClip } from '../../support/media-clips'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'
import { lessonInput } from './fixtures'

const work = mkdtempSync(path.join(tmpdir(), 'tongxing-package-test-'))
const utf8 = (text: string) => new TextEncoder().encode(text)
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

async function bytesOf(stream: Readable | NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks)
}

/** Exports to a file, as a browser saves the download. */
async function exportToFile(rt: Runtime, actor: Actor, id: string, name: string) {
  const { fileName, body } = await exportPackage(rt, actor, id)
  const file = path.join(work, name)
  writeFileSync(file, await bytesOf(body))
  return { fileName, file }
}

async function manifestOf(file: string): Promise<Manifest> {
  const yauzl = (await import('yauzl')).default
  const zip = await yauzl.openPromise(file)
  try {
    for await (const entry of zip.eachEntry()) if (entry.fileName === 'manifest.json') return JSON.parse((await bytesOf(await zip.openReadStreamPromise(entry))).toString('utf8'))
  } finally {
    zip.close()
  }
  throw new Error('no manifest')
}

/**
 * What must survive the journey: everything but when and where it was exported, and how each
 * glossary describes its signs (a receiving glossary that knows a word keeps its own description).
 */
const portable = (m: Manifest) => ({ ...m, exportedAt: undefined, source: { ...m.source, resourceId: undefined, district: undefined }, signTerms: m.signTerms.map((t) => [t.ref, t.word]) })

async function zipOf(entries: Record<string, Buffer | string>): Promise<string> {
  const zip = new yazl.ZipFile()
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name)
  zip.end()
  const file = path.join(work, `crafted-${Math.random().toString(36).slice(2)}.zip`)
  writeFileSync(file, await bytesOf(zip.outputStream))
  return file
}

async function refusal(run: Promise<unknown>) {
  try {
    await run
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, key: error.userMessage.key, params: error.userMessage.params, fields: error.options.fields }
    throw error
  }
  throw new Error('expected a refusal')
}

/**
 * Two installations (each its own database and file store, each with its own ids): a resource with
 * variants, files shown in its text, a captioned video with a sign-language companion, signed words
 * and a braille correction goes from one to the other, and comes back out identical.
 */
describe.each(databaseKinds)('resource packages between installations on %s', (kind) => {
  let sender: Runtime
  let receiver: Runtime
  let sourceTeacher: Actor
  let teacher: Actor
  let resourceId: string
  let exported: { fileName: string; file: string }

  beforeAll(async () => {
    sender = await startTestRuntime(kind)
    sourceTeacher = await actorFor(sender.db, 'teacher')
    const picture = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).png().toBuffer()
    const teacherTerm = await createTerm(sender.db, sourceTeacher, { word: '老师', category: 'people', handshape: '食指指向前方', movement: '', notes: '' })
    const shopTerm = await createTerm(sender.db, sourceTeacher, { word: '超市', category: 'places', handshape: '双手', movement: '画圈', notes: '' })

    const created = await createResource(sender.db, sourceTeacher, lessonInput('去超市：认识 1 元和 5 角'))
    resourceId = created.id
    const image = await uploadFile(sender, sourceTeacher, resourceId, { fileName: '硬币.png', body: Readable.from([picture]) })
    const sheet = await uploadFile(sender, sourceTeacher, resourceId, { fileName: '购物清单.pdf', body: Readable.from([pdf]) })
    const clip = makeClip(work, 'h264')
    const { assetId } = await ingestFile(sender, sourceTeacher, { path: clip.file, name: '超市购物.mp4', size: clip.size, type: clip.type }, { title: '超市购物' })
    await saveTextTrack(sender, sourceTeacher, assetId, { kind: 'captions', language: 'zh-CN' }, { name: 'zh.vtt', bytes: utf8('WEBVTT\n\n00:00.000 --> 00:01.000\n我们去超市。\n') }, '中文')
    await ingestFile(sender, sourceTeacher, { path: clip.file, name: '手语.mp4', size: clip.size, type: clip.type }, { title: '手语翻译', role: 'sign_language', parentId: assetId })

    const body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '跟着' },
            { type: 'text', text: '老师', marks: [{ type: 'signTerm', attrs: { termId: teacherTerm.id } }] },
            { type: 'text', text: '去' },
            { type: 'text', text: '超市', marks: [{ type: 'signTerm', attrs: { termId: shopTerm.id } }] },
            { type: 'text', text: '，带上' },
            { type: 'text', text: '购物清单', marks: [{ type: 'link', attrs: { href: `/library/files/${sheet.id}` } }] },
            { type: 'text', text: '。' },
          ],
        },
        { type: 'image', attrs: { src: `/library/files/${image.id}`, alt: '一元硬币和五角硬币' } },
      ],
    }
    const { updateResource } = await import('../../../app/modules/library/resources.server')
    await updateResource(sender.db, sourceTeacher, resourceId, { ...lessonInput('去超市：认识 1 元和 5 角'), body, mediaAssetIds: [assetId] })
    await saveBrailleCorrection(sender.db, sourceTeacher, resourceId, 'common', { braille: '⠉⠥⠄⠱⠭⠂' })

    exported = await exportToFile(sender, sourceTeacher, resourceId, 'sent.zip')

    receiver = await startTestRuntime(kind)
    teacher = await actorFor(receiver.db, 'teacher')
    // The receiving glossary already knows one of the two signed words.
    await createTerm(receiver.db, teacher, { word: '老师', category: 'people', handshape: '', movement: '', notes: '' })
  }, 120_000)
  afterAll(async () => {
    if (receiver) await stopTestRuntime(receiver)
    if (sender) await stopTestRuntime(sender)
  })

  it('names the download after the resource and lists every entry with its size and SHA-256', async () => {
    expect(exported.fileName).toBe('去超市：认识 1 元和 5 角.tongxing.zip')
    const manifest = await manifestOf(exported.file)
    expect(manifest.format).toBe('tongxing.resource-package')
    expect(manifest.files.map((f) => [f.fileName, f.contentType])).toEqual([
      ['硬币.png', 'image/png'],
      ['购物清单.pdf', 'application/pdf'],
    ])
    expect(manifest.videos).toHaveLength(1)
    expect(manifest.videos[0]).toMatchObject({ title: '超市购物', tracks: [{ kind: 'captions', language: 'zh-CN', label: '中文', cueCount: 1 }], companions: [{ role: 'sign_language', language: null, title: '手语翻译' }] })
    expect(manifest.signTerms.map((t) => t.word).sort()).toEqual(['老师', '超市'])
    for (const entry of [...manifest.files, manifest.videos[0]!.original, ...manifest.videos[0]!.tracks]) expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/)
    // No id of the sending installation is left in the text.
    expect(JSON.stringify(manifest.resource)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/)
  })

  it('imports into another installation as the importer’s draft, with the same content, files, video, signs and braille', async () => {
    const before = (await receiver.db.select({ n: count() }).from(resources))[0]!.n
    const report = await importPackage(receiver, teacher, exported.file)
    expect(report).toMatchObject({ title: '去超市：认识 1 元和 5 角', files: 2, videos: 1, tracks: 1, braille: 1, signTerms: { linked: 1, created: 1, dropped: [] } })
    expect((await receiver.db.select({ n: count() }).from(resources))[0]!.n).toBe(before + 1)

    const original = await getResource(sender.db, sourceTeacher, resourceId)
    const copy = await getResource(receiver.db, teacher, report.id)
    expect(copy.status).toBe('draft')
    expect(copy.author.id).toBe(teacher.id)
    for (const field of ['kind', 'title', 'summary', 'schoolType', 'subject', 'stage', 'grade', 'disabilityCategories', 'licence', 'attribution', 'details', 'variants'] as const) expect(copy[field], field).toEqual(original[field])
    expect(copy.files.map((f) => [f.fileName, f.contentType, f.size])).toEqual(original.files.map((f) => [f.fileName, f.contentType, f.size]))

    // The text points at the copies of the files, and at this glossary's terms for the same words.
    const [paragraph, image] = copy.body.content as { content?: { text?: string; marks?: { type: string; attrs: Record<string, string> }[] }[]; attrs?: Record<string, string> }[]
    expect(image!.attrs!.src).toBe(`/library/files/${copy.files[0]!.id}`)
    expect(image!.attrs!.alt).toBe('一元硬币和五角硬币')
    const marks = paragraph!.content!.filter((n) => n.marks).map((n) => [n.text, n.marks![0]!.type, n.marks![0]!.attrs.termId ?? n.marks![0]!.attrs.href])
    const terms = await receiver.db.select().from(signTerms).where(eq(signTerms.districtId, teacher.districtId))
    const termOf = (word: string) => terms.find((t) => t.word === word)!.id
    expect(marks).toEqual([
      ['老师', 'signTerm', termOf('老师')],
      ['超市', 'signTerm', termOf('超市')],
      ['购物清单', 'link', `/library/files/${copy.files[1]!.id}`],
    ])
    expect(terms.find((t) => t.word === '超市')).toMatchObject({ category: 'places', handshape: '双手', movement: '画圈' })

    const sentFile = await sender.storage.get(`library/files/${original.files[0]!.id}`)
    const gotFile = await receiver.storage.get(`library/files/${copy.files[0]!.id}`)
    expect(await bytesOf(gotFile!.body)).toEqual(await bytesOf(sentFile!.body))

    // The video arrives as an upload of this installation, with its captions and its sign-language companion.
    expect(copy.mediaAssetIds).toHaveLength(1)
    const [video] = await receiver.db.select().from(mediaAssets).where(eq(mediaAssets.id, copy.mediaAssetIds[0]!))
    expect(video).toMatchObject({ title: '超市购物', role: 'main', ownerId: teacher.id, status: 'queued' })
    const companions = await receiver.db.select().from(mediaAssets).where(eq(mediaAssets.parentId, video!.id))
    expect(companions.map((c) => [c.role, c.language, c.title])).toEqual([['sign_language', null, '手语翻译']])
    const [captions] = await receiver.db.select().from(mediaTextTracks).where(eq(mediaTextTracks.assetId, video!.id))
    expect(await bytesOf((await receiver.storage.get(captions!.storageKey))!.body)).toEqual(Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n我们去超市。\n'))

    // …and the worker here makes it playable.
    await transcodeAsset({ db: receiver.db, storage: receiver.storage, tools: mediaTools() }, video!.id)
    expect((await receiver.db.select().from(mediaAssets).where(eq(mediaAssets.id, video!.id)))[0]!.status).toBe('ready')

    const [braille] = await receiver.db.select().from(resourceBraille).where(eq(resourceBraille.resourceId, report.id))
    const [sentBraille] = await sender.db.select().from(resourceBraille).where(eq(resourceBraille.resourceId, resourceId))
    expect([braille!.scheme, braille!.braille, braille!.sourceHash]).toEqual([sentBraille!.scheme, sentBraille!.braille, sentBraille!.sourceHash])

    // Exported again from here, it is the same package: nothing was lost on the way.
    const again = await exportToFile(receiver, teacher, report.id, 'returned.zip')
    expect(portable(await manifestOf(again.file))).toEqual(portable(await manifestOf(exported.file)))
  }, 120_000)

  it('refuses what is not a package, a damaged or newer one and an invalid resource, and stores nothing', async () => {
    const count0 = async () => (await receiver.db.select({ n: count() }).from(resources))[0]!.n
    const assets0 = async () => (await receiver.db.select({ n: count() }).from(mediaAssets))[0]!.n
    const [resourcesBefore, assetsBefore] = [await count0(), await assets0()]
    const notZip = path.join(work, 'not.zip')
    writeFileSync(notZip, '这不是压缩包')
    expect(await refusal(importPackage(receiver, teacher, notZip))).toMatchObject({ status: 400, key: 'library.package.errors.notZip' })
    expect(await refusal(importPackage(receiver, teacher, await zipOf({ 'readme.txt': 'hi' })))).toMatchObject({ key: 'library.package.errors.noManifest' })
    expect(await refusal(importPackage(receiver, teacher, await zipOf({ 'manifest.json': '{"format":"something-else"}' })))).toMatchObject({ key: 'library.package.errors.notOurs' })

    const manifest = await manifestOf(exported.file)
    const newer = { ...manifest, formatVersion: 2 }
    expect(await refusal(importPackage(receiver, teacher, await zipOf({ 'manifest.json': JSON.stringify(newer) })))).toMatchObject({ key: 'library.package.errors.newerFormat', params: { version: 2 } })

    // Entries: one missing, then one whose bytes differ from its hash.
    const yauzl = (await import('yauzl')).default
    const zip = await yauzl.openPromise(exported.file)
    const entries: Record<string, Buffer> = {}
    for await (const entry of zip.eachEntry()) entries[entry.fileName] = await bytesOf(await zip.openReadStreamPromise(entry))
    zip.close()
    const pdfPath = manifest.files[1]!.path
    const { [pdfPath]: _dropped, ...withoutPdf } = entries
    expect(await refusal(importPackage(receiver, teacher, await zipOf(withoutPdf)))).toMatchObject({ key: 'library.package.errors.entryMissing', params: { path: pdfPath } })
    const tampered = Buffer.from(entries[pdfPath]!)
    tampered[10] = tampered[10]! ^ 0xff
    expect(await refusal(importPackage(receiver, teacher, await zipOf({ ...entries, [pdfPath]: tampered })))).toMatchObject({ key: 'library.package.errors.entryDamaged', params: { path: pdfPath } })

    const invalid = { ...manifest, resource: { ...manifest.resource, title: '', subject: 'alchemy' } }
    const refused = await refusal(importPackage(receiver, teacher, await zipOf({ ...entries, 'manifest.json': JSON.stringify(invalid) })))
    expect(refused).toMatchObject({ key: 'library.package.errors.resourceInvalid' })
    expect(Object.keys(refused.fields ?? {}).sort()).toEqual(['subject', 'title'])

    expect([await count0(), await assets0()]).toEqual([resourcesBefore, assetsBefore])
  }, 60_000)

  it('takes packages only from authors, and sends them only to readers (through the API too)', async () => {
    expect(await refusal(importPackage(receiver, await actorFor(receiver.db, 'student'), exported.file))).toMatchObject({ status: 403 })
    expect(await refusal(importPackage(receiver, await actorFor(receiver.db, 'family'), exported.file))).toMatchObject({ status: 403 })
    // A draft is its author's alone.
    expect(await refusal(exportPackage(sender, await actorFor(sender.db, 'researcher'), resourceId))).toMatchObject({ status: 404 })

    const token = await apiToken('teacher')
    const bytes = readFileSync(exported.file)
    const imported = await handleApi(new Request('http://localhost/api/v1/resources/import', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/zip' }, body: bytes, duplex: 'half' } as RequestInit), { ip: '127.0.0.1' })
    expect(imported.status).toBe(201)
    const report = await imported.json()
    const download = await handleApi(new Request(`http://localhost/api/v1/resources/${report.id}/package`, { headers: { Authorization: `Bearer ${token}` } }), { ip: '127.0.0.1' })
    expect(download.status).toBe(200)
    expect(download.headers.get('Content-Type')).toBe('application/zip')
    const viaApi = path.join(work, 'via-api.zip')
    writeFileSync(viaApi, Buffer.from(await download.arrayBuffer()))
    expect(portable(await manifestOf(viaApi))).toEqual(portable(await manifestOf(exported.file)))

    const studentToken = await apiToken('student')
    const refused = await handleApi(new Request(`http://localhost/api/v1/resources/${report.id}/package`, { headers: { Authorization: `Bearer ${studentToken}` } }), { ip: '127.0.0.1' })
    expect(refused.status).toBe(403)
    const notZip = await handleApi(new Request('http://localhost/api/v1/resources/import', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/zip', 'Accept-Language': 'en' }, body: 'nope' }), { ip: '127.0.0.1' })
    expect(notZip.status).toBe(400)
    const body = await notZip.json()
    expect(JSON.stringify(body)).toContain('This is not a readable .zip file.')
  }, 60_000)
})
