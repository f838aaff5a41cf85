import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough, Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { and, count, eq, isNull, sql } from 'drizzle-orm'
import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'
import type { Database } from '#db/client'
import { resourceFiles, resources, resourceVersions } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { can, requirePermission } from '~/modules/accounts/permissions'
import { AppError, notFound } from '~/platform/errors'
import type { Queue } from '~/platform/queue.server'
import type { ObjectStore } from '~/platform/storage/object-store'
import { recordDownload } from './resources.server'

export const maxFileBytes = 100 * 1024 * 1024
export const maxFilesPerResource = 20

/** What may be uploaded, by the type its bytes show. Office documents are zip containers file-type looks inside. */
const allowedTypes = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/ogg',
  'video/mp4',
  'video/webm',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
])
/** Plain-text formats have no signature: accepted by name only when the bytes are text. */
const textExtensions: Record<string, string> = { brf: 'text/plain; charset=us-ascii', txt: 'text/plain; charset=utf-8', vtt: 'text/vtt; charset=utf-8', srt: 'text/plain; charset=utf-8' }

export const acceptedExtensions = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.mp3,.m4a,.wav,.ogg,.mp4,.webm,.docx,.pptx,.xlsx,.brf,.txt,.vtt,.srt'

type Ctx = { db: Database; storage: ObjectStore; queue?: Pick<Queue, 'send'> }

async function findEditableResource(db: Database, actor: Actor, resourceId: string) {
  requirePermission(actor, 'author:resource')
  const [row] = await db
    .select()
    .from(resources)
    .where(and(eq(resources.id, resourceId), eq(resources.districtId, actor.districtId)))
  if (!row) throw notFound('library.errors.notFound')
  if (row.authorId !== actor.id) throw new AppError(403, { key: 'errors.forbidden' })
  if (row.status === 'submitted') throw new AppError(409, { key: 'library.errors.underReview' })
  if (row.status === 'archived') throw new AppError(409, { key: 'library.errors.archived' })
  return row
}

/** Keeps a file name readable (Chinese and all) but safe to show and to put in a header. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim()
  return (base || 'file').slice(0, 200)
}

function isText(sample: Buffer) {
  if (sample.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample)
    return true
  } catch {
    return false
  }
}

/**
 * Streams an upload into the store: the type is judged from the first bytes, the size is counted as
 * the bytes pass, and either limit stops the stream so nothing partial is kept. Returns the new file.
 */
export async function uploadFile(ctx: Ctx, actor: Actor, resourceId: string, upload: Upload, limits = { maxBytes: maxFileBytes }) {
  const body = upload.body instanceof Readable ? upload.body : Readable.from(upload.body)
  try {
    await findEditableResource(ctx.db, actor, resourceId)
    const [existing] = await ctx.db
      .select({ n: count() })
      .from(resourceFiles)
      .where(and(eq(resourceFiles.resourceId, resourceId), isNull(resourceFiles.removedAt)))
    if ((existing?.n ?? 0) >= maxFilesPerResource) throw new AppError(400, { key: 'library.errors.tooManyFiles', params: { max: maxFilesPerResource } }, { fields: { file: { key: 'library.errors.tooManyFiles', params: { max: maxFilesPerResource } } } })
    const id = crypto.randomUUID()
    const key = `library/files/${id}`
    const stored = await storeSniffedUpload(ctx.storage, key, { fileName: upload.fileName, body }, limits.maxBytes)
    const thumbnailable = stored.contentType.startsWith('image/') || stored.contentType === 'application/pdf'
    const [file] = await ctx.db
      .insert(resourceFiles)
      .values({ id, resourceId, uploaderId: actor.id, storageKey: key, ...stored, thumbnailState: thumbnailable ? 'pending' : 'none' })
      .returning()
    await ctx.db.update(resources).set(workingCopyChanged()).where(eq(resources.id, resourceId))
    if (thumbnailable && ctx.queue) await ctx.queue.send('library.thumbnail', { fileId: id })
    return { id, fileName: stored.fileName, contentType: stored.contentType, size: file!.size, thumbnail: false }
  } finally {
    body.destroy()
  }
}

export interface Upload {
  fileName: string
  body: Readable | AsyncIterable<Uint8Array>
}

/**
 * Streams an upload into the store under `key`: the type is judged from the first bytes (plain-text
 * formats by name when the bytes are text), the size is counted as the bytes pass, and a refused
 * type, an empty file or one over `maxBytes` stops it with a message on the `file` field, leaving
 * nothing stored. Other modules' uploads (教研 attachments) go through here too.
 */
export async function storeSniffedUpload(storage: ObjectStore, key: string, upload: Upload, maxBytes: number): Promise<{ fileName: string; contentType: string; size: number }> {
  const body = upload.body instanceof Readable ? upload.body : Readable.from(upload.body)
  try {
    const fileName = cleanFileName(upload.fileName)
    const sample = await peek(body, sniffBytes)
    let contentType = (await fileTypeFromBuffer(sample.head))?.mime as string | undefined
    if (!contentType) {
      const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : ''
      if (textExtensions[extension] && isText(sample.head)) contentType = textExtensions[extension]
    }
    if (!contentType || !(allowedTypes.has(contentType) || Object.values(textExtensions).includes(contentType))) throw rejected('library.errors.fileType')
    const size = await store(storage, key, contentType, sample.stream, maxBytes)
    return { fileName, contentType, size }
  } finally {
    body.destroy()
  }
}

const rejected = (key: string, params?: Record<string, string | number>) => new AppError(400, { key, params }, { fields: { file: { key, params } } })

/** Enough of the start of a file to judge its type, zip-based office documents included. */
const sniffBytes = 64 * 1024

/** The first `bytes` of a stream (fewer if it is shorter), and a stream that still yields everything. */
async function peek(stream: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = stream[Symbol.asyncIterator]()
  const chunks: Buffer[] = []
  let length = 0
  let done = false
  while (length < bytes) {
    const next = await iterator.next()
    if (next.done) {
      done = true
      break
    }
    const chunk = Buffer.from(next.value as Uint8Array)
    chunks.push(chunk)
    length += chunk.length
  }
  const head = Buffer.concat(chunks)
  async function* all() {
    yield head
    if (done) return
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Uint8Array
  }
  return { head: head.subarray(0, bytes), stream: Readable.from(all()) }
}

async function store(storage: ObjectStore, key: string, contentType: string, stream: Readable, maxBytes: number): Promise<number> {
  let size = 0
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      if (size > maxBytes) done(new FileTooLarge())
      else done(null, chunk)
    },
  })
  const counted = new PassThrough()
  // pipeline listens for errors on every stream, so a limit hit before the store starts reading is
  // kept on `counted` (and rejects the store's read) instead of escaping as an uncaught error.
  pipeline(stream, limit, counted).catch(() => {})
  try {
    await storage.put(key, counted, { contentType })
  } catch (error) {
    if (error instanceof FileTooLarge) throw rejected('library.errors.fileTooLarge', { max: Math.max(1, Math.round(maxBytes / 1024 / 1024)) })
    throw error
  }
  if (size === 0) {
    await storage.delete(key)
    throw rejected('library.errors.fileEmpty')
  }
  return size
}

class FileTooLarge extends Error {}

/** A file added to or taken off a published resource makes its working copy a new draft, as an edit does. */
const workingCopyChanged = () => ({ updatedAt: new Date(), status: sql`case when ${resources.status} = 'published' then 'draft'::resource_status else ${resources.status} end` })

/** Takes a file off the working copy; published versions that list it can still serve it. */
export async function removeFile(db: Database, actor: Actor, resourceId: string, fileId: string) {
  await findEditableResource(db, actor, resourceId)
  const [removed] = await db
    .update(resourceFiles)
    .set({ removedAt: new Date() })
    .where(and(eq(resourceFiles.id, fileId), eq(resourceFiles.resourceId, resourceId), isNull(resourceFiles.removedAt)))
    .returning({ id: resourceFiles.id })
  if (!removed) throw notFound('library.errors.fileNotFound')
  await db.update(resources).set(workingCopyChanged()).where(eq(resources.id, resourceId))
}

/**
 * A file `actor` may read: one listed in a published version of a resource of their district, or
 * one of a working copy they may see (their own, or one put forward for review).
 */
export async function findReadableFile(db: Database, actor: Actor, fileId: string) {
  requirePermission(actor, 'read:library')
  const [found] = await db
    .select({ file: resourceFiles, resource: resources })
    .from(resourceFiles)
    .innerJoin(resources, eq(resources.id, resourceFiles.resourceId))
    .where(and(eq(resourceFiles.id, fileId), eq(resources.districtId, actor.districtId)))
  if (!found) throw notFound('library.errors.fileNotFound')
  const { file, resource } = found
  if (resource.authorId === actor.id) return found
  if (can(actor.role, 'review:resource') && resource.status !== 'draft' && !file.removedAt) return found
  const [published] = await db
    .select({ n: count() })
    .from(resourceVersions)
    .where(and(eq(resourceVersions.resourceId, resource.id), sqlSnapshotHasFile(fileId)))
  if ((published?.n ?? 0) > 0) return found
  throw notFound('library.errors.fileNotFound')
}

const sqlSnapshotHasFile = (fileId: string) => sql`${resourceVersions.snapshot}->'fileIds' ? ${fileId}`

/** RFC 6266/5987: an ASCII fallback for old clients and the real (Chinese) name in UTF-8. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string) {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

const inlineTypes = /^(image\/(png|jpeg|gif|webp)|application\/pdf|audio\/|video\/|text\/plain|text\/vtt)/

/** The HTTP response for a file download (with byte ranges, for audio and video), counted as a download when saved. */
export async function fileResponse(ctx: Ctx, actor: Actor, fileId: string, request: Request, options: { download: boolean }) {
  const { file, resource } = await findReadableFile(ctx.db, actor, fileId)
  const rangeHeader = request.headers.get('Range')
  const range = parseRange(rangeHeader)
  const got = await ctx.storage.get(file.storageKey, range ?? undefined).catch((error) => {
    if (error?.name === 'RangeNotSatisfiableError') return 'unsatisfiable' as const
    throw error
  })
  if (got === 'unsatisfiable') return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${file.size}` } })
  if (!got) throw notFound('library.errors.fileNotFound')
  if (options.download && !range) await recordDownload(ctx.db, resource.id)
  const disposition = options.download || !inlineTypes.test(file.contentType) ? 'attachment' : 'inline'
  const headers = new Headers({
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(disposition, file.fileName),
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=3600',
    // A user's file is never a page of ours, whatever it holds.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  })
  if (got.range) {
    headers.set('Content-Range', `bytes ${got.range.start}-${got.range.end}/${got.object.size}`)
    headers.set('Content-Length', String(got.range.end - got.range.start + 1))
  } else headers.set('Content-Length', String(got.object.size))
  return new Response(Readable.toWeb(got.body) as ReadableStream, { status: got.range ? 206 : 200, headers })
}

function parseRange(header: string | null) {
  const match = header?.match(/^bytes=(\d+)-(\d*)$/)
  if (!match) return null
  return { start: Number(match[1]), end: match[2] ? Number(match[2]) : undefined }
}

export async function thumbnailResponse(ctx: Ctx, actor: Actor, fileId: string) {
  const { file } = await findReadableFile(ctx.db, actor, fileId)
  if (file.thumbnailState !== 'ready' || !file.thumbnailKey) throw notFound('library.errors.fileNotFound')
  const got = await ctx.storage.get(file.thumbnailKey)
  if (!got) throw notFound('library.errors.fileNotFound')
  return new Response(Readable.toWeb(got.body) as ReadableStream, {
    headers: { 'Content-Type': 'image/webp', 'Content-Length': String(got.object.size), 'Cache-Control': 'private, max-age=86400', 'X-Content-Type-Options': 'nosniff' },
  })
}

export const thumbnailWidth = 320

/**
 * The thumbnail job: images through sharp; a PDF's first page through poppler's `pdftoppm` (from
 * Debian's poppler-utils, so nothing is fetched at run time). Without pdftoppm a PDF simply has none.
 */
export async function makeThumbnail(ctx: Pick<Ctx, 'db' | 'storage'>, fileId: string, options: { pdftoppm?: string } = {}) {
  const [file] = await ctx.db.select().from(resourceFiles).where(eq(resourceFiles.id, fileId))
  // Only images and PDFs waiting for one (or whose last attempt failed): a made thumbnail stays.
  if (!file || (file.thumbnailState !== 'pending' && file.thumbnailState !== 'failed')) return
  const got = await ctx.storage.get(file.storageKey)
  if (!got) return
  const dir = await mkdtemp(path.join(tmpdir(), 'tongxing-thumb-'))
  try {
    let image: Buffer | null
    if (file.contentType === 'application/pdf') {
      const pdf = path.join(dir, 'in.pdf')
      await pipeline(got.body, createWriteStream(pdf))
      image = await firstPdfPage(pdf, path.join(dir, 'page'), options.pdftoppm ?? process.env.PDFTOPPM_PATH ?? 'pdftoppm')
    } else {
      const source = path.join(dir, 'in')
      await pipeline(got.body, createWriteStream(source))
      image = await readFile(source)
    }
    if (!image) {
      await ctx.db.update(resourceFiles).set({ thumbnailState: 'none' }).where(eq(resourceFiles.id, fileId))
      return
    }
    const webp = await sharp(image, { limitInputPixels: 100_000_000 }).rotate().resize({ width: thumbnailWidth, withoutEnlargement: true }).flatten({ background: '#ffffff' }).webp({ quality: 80 }).toBuffer()
    const key = `library/thumbnails/${fileId}.webp`
    await ctx.storage.put(key, Readable.from([webp]), { contentType: 'image/webp' })
    await ctx.db.update(resourceFiles).set({ thumbnailKey: key, thumbnailState: 'ready' }).where(eq(resourceFiles.id, fileId))
  } catch (error) {
    // Marked for the page (no thumbnail shown) and thrown for the queue, which retries it.
    await ctx.db.update(resourceFiles).set({ thumbnailState: 'failed' }).where(eq(resourceFiles.id, fileId))
    throw error
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function firstPdfPage(pdf: string, outPrefix: string, command: string): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-f', '1', '-l', '1', '-singlefile', '-png', '-scale-to', String(thumbnailWidth * 2), pdf, outPrefix], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      if (error.code === 'ENOENT') resolve(null)
      else reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) readFile(`${outPrefix}.png`).then(resolve, reject)
      else reject(new Error(`pdftoppm exited with ${code}: ${stderr.slice(0, 500)}`))
    })
  })
}
