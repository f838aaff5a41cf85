import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough, Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { eq } from 'drizzle-orm'
import yauzl from 'yauzl'
import yazl from 'yazl'
import type { Database } from '#db/client'
import { districts, resourceFiles, resources } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { record } from '~/modules/accounts/audit.server'
import { requirePermission } from '~/modules/accounts/permissions'
import { brailleCorrectionsOf, restoreBrailleCorrections } from '~/modules/braille/resource.server'
import { deleteAsset } from '~/modules/media/assets.server'
import { MediaNotPortable, portableAssets, receiveAsset, type PortableAsset } from '~/modules/media/portable.server'
import { deleteTerm, linkPackageTerms, termsForPackage } from '~/modules/signs/terms.server'
import { AppError, type FieldErrors } from '~/platform/errors'
import type { Queue } from '~/platform/queue.server'
import type { ObjectStore } from '~/platform/storage/object-store'
import { findReadableFile, uploadFile } from './files.server'
import {
  manifestName,
  manifestSchema,
  packageFileName,
  packageFormat,
  packageFormatVersion,
  referencedFileIds,
  referencedTermIds,
  swapReferences,
  type Manifest,
  type PackedEntry,
  type PackedFile,
  type PackedVideo,
} from './package-format'
import { createResource, getResource, updateResource } from './resources.server'
import { parseResource } from './schemas'

type Deps = { db: Database; storage: ObjectStore; queue: Queue }

/** Bigger than any manifest a resource can produce; a larger one is not ours. */
const maxManifestBytes = 20 * 1024 * 1024
/** A package may carry several originals of up to the media module's own limit. */
export const maxPackageBytes = 20 * 1024 ** 3

const packageError = (key: string, params?: Record<string, string | number>, fields?: FieldErrors) => new AppError(400, { key: `library.package.errors.${key}`, params }, fields ? { fields } : undefined)

// ─── Export ────────────────────────────────────────────────────────────────────────────────────

interface PlannedEntry {
  path: string
  /** The size the store gives, checked by the zip writer; -1 when unknown beforehand. */
  size: number
  compress: boolean
  open(): Promise<Readable>
}

/** A pass-through stream that hashes and counts what flows through it: `measured` settles when it ends (or fails with it). */
function measuring() {
  const hash = createHash('sha256')
  let size = 0
  let settle!: (m: { sha256: string; size: number }) => void
  let fail!: (error: Error) => void
  const measured = new Promise<{ sha256: string; size: number }>((resolve, reject) => ((settle = resolve), (fail = reject)))
  // Whoever awaits it hears of a failure; nobody awaiting it is not an unhandled rejection.
  measured.catch(() => {})
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      hash.update(chunk)
      size += chunk.length
      next(null, chunk)
    },
    flush(next) {
      settle({ sha256: hash.digest('hex'), size })
      next()
    },
  })
  stream.on('error', fail)
  return { stream, measured }
}

/**
 * The resource as the actor sees it (the published version for readers, the working copy for its
 * author) as a zip stream: nothing is buffered, each entry is hashed as it passes and the manifest,
 * which lists the hashes, is written last.
 */
export async function exportPackage(deps: Omit<Deps, 'queue'>, actor: Actor, resourceId: string, options: { version?: number } = {}): Promise<{ fileName: string; body: Readable }> {
  const resource = await getResource(deps.db, actor, resourceId, options)
  const planned: PlannedEntry[] = []
  const plan = (path: string, size: number, compress: boolean, open: () => Promise<Readable>): PackedEntry => {
    planned.push({ path, size, compress, open })
    return { path, size, sha256: '' }
  }

  // Files: the resource's own, then any other readable file its text shows or links to.
  const docs = [resource.body, ...resource.variants.map((v) => v.activities)]
  const fileIds = [...resource.files.map((f) => f.id), ...referencedFileIds(docs).filter((id) => !resource.files.some((f) => f.id === id))]
  const files: PackedFile[] = []
  const fileRefs = new Map<string, string>()
  for (const id of fileIds) {
    const found = await findReadableFile(deps.db, actor, id).catch(() => null)
    if (!found) continue
    const { file } = found
    const ref = `f${files.length + 1}`
    fileRefs.set(file.id, ref)
    const entry = plan(`files/${ref}${extensionOf(file.fileName)}`, file.size, compressible(file.contentType), async () => {
      const got = await deps.storage.get(file.storageKey)
      if (!got) throw new Error(`missing file ${file.storageKey}`)
      return got.body
    })
    files.push({ ...entry, ref, fileName: file.fileName, contentType: file.contentType })
  }

  // Videos: originals (the receiver transcodes them) with their tracks and companions.
  let assets: PortableAsset[]
  try {
    assets = await portableAssets(deps, actor, resource.mediaAssetIds)
  } catch (error) {
    if (error instanceof MediaNotPortable) throw packageError('videoIncomplete', { title: error.title })
    throw error
  }
  let mediaCount = 0
  const packVideo = (asset: PortableAsset) => {
    const n = ++mediaCount
    return {
      title: asset.title,
      language: asset.language,
      original: { ...plan(`media/m${n}-original${extensionOf(asset.originalName)}`, asset.originalSize, false, asset.openOriginal), fileName: asset.originalName, contentType: asset.originalType },
      tracks: asset.tracks.map((track, i) => ({
        ...plan(`media/m${n}-track${i + 1}.vtt`, -1, true, track.open),
        kind: track.kind,
        language: track.language,
        label: track.label,
        cueCount: track.cueCount,
      })),
    }
  }
  const videos: PackedVideo[] = assets.map((asset) => ({ ...packVideo(asset), role: 'main', companions: asset.companions.map((c) => ({ ...packVideo(c), role: c.role as 'sign_language' | 'audio_description' })) }))

  const terms = await termsForPackage(deps.db, actor, referencedTermIds(docs))
  const termRefs = new Map(terms.map((t, i) => [t.id, `s${i + 1}`]))
  const map = { file: (id: string) => fileRefs.get(id) ?? null, term: (id: string) => termRefs.get(id) ?? null }
  const braille = await brailleCorrectionsOf(deps.db, actor, resource.id)
  const [district] = await deps.db.select({ name: districts.name }).from(districts).where(eq(districts.id, actor.districtId))

  const manifest = (): Manifest => ({
    format: packageFormat,
    formatVersion: packageFormatVersion,
    exportedAt: new Date().toISOString(),
    source: { district: district?.name ?? '', resourceId: resource.id, version: resource.version, author: resource.author.displayName, school: resource.schoolName },
    resource: {
      kind: resource.kind,
      title: resource.title,
      summary: resource.summary,
      schoolType: resource.schoolType,
      subject: resource.subject,
      stage: resource.stage,
      grade: resource.grade,
      disabilityCategories: resource.disabilityCategories,
      licence: resource.licence,
      attribution: resource.attribution,
      details: portableDetails(resource.details),
      body: swapReferences(resource.body, map, 'export'),
      variants: resource.variants.map((v) => ({ ...v, activities: swapReferences(v.activities, map, 'export') })),
    },
    files: files.map((f) => withHash(f)),
    videos: videos.map((v) => ({
      ...v,
      original: withHash(v.original),
      tracks: v.tracks.map(withHash),
      companions: v.companions.map((c) => ({ ...c, original: withHash(c.original), tracks: c.tracks.map(withHash) })),
    })),
    signTerms: terms.map((t) => ({ ref: termRefs.get(t.id)!, word: t.word, category: t.category, handshape: t.handshape, movement: t.movement, notes: t.notes })),
    braille,
  })
  const measured = new Map<string, { sha256: string; size: number }>()
  const withHash = <T extends PackedEntry>(entry: T): T => ({ ...entry, ...measured.get(entry.path)! })

  const zip = new yazl.ZipFile()
  const output = new PassThrough()
  zip.on('error', (error: Error) => output.destroy(error))
  zip.outputStream.on('error', (error: Error) => output.destroy(error))
  zip.outputStream.pipe(output)
  const passed = planned.map((entry) => {
    const { stream, measured: done } = measuring()
    zip.addReadStreamLazy(entry.path, { compress: entry.compress, ...(entry.size >= 0 ? { size: entry.size } : {}) }, (callback) => {
      entry.open().then(
        (source) => {
          source.on('error', (error) => stream.destroy(error))
          callback(null, source.pipe(stream))
        },
        (error) => callback(error, undefined as never),
      )
    })
    return done.then((m) => measured.set(entry.path, m))
  })
  // The manifest can only be written once every entry has passed and been hashed.
  Promise.all(passed)
    .then(() => {
      zip.addBuffer(Buffer.from(JSON.stringify(manifest(), null, 2)), manifestName)
      zip.end()
    })
    .catch((error) => output.destroy(error))
  return { fileName: packageFileName(resource.title), body: output }
}

/** Links to other resources of this installation mean nothing elsewhere: a course keeps its lessons' titles. */
function portableDetails(details: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(details.units)) return details
  return { ...details, units: details.units.map((unit: { lessons?: unknown[] }) => ({ ...unit, lessons: (unit.lessons ?? []).map((lesson) => ({ ...(lesson as object), resourceId: null })) })) }
}

const compressible = (contentType: string) => /^(text\/|application\/(json|xml|pdf)|image\/svg)/.test(contentType)

function extensionOf(name: string): string {
  const match = /\.([0-9A-Za-z]{1,8})$/.exec(name)
  return match ? `.${match[1]!.toLowerCase()}` : ''
}

// ─── Import ────────────────────────────────────────────────────────────────────────────────────

export interface ImportReport {
  id: string
  title: string
  files: number
  videos: number
  tracks: number
  signTerms: { linked: number; created: number; dropped: string[] }
  braille: number
}

/**
 * Reads a package from a file on disk and makes its resource a draft of the actor's. Everything is
 * checked before anything is created (format, every entry's size and SHA-256, the resource's fields by
 * the editor's own rules); if storing still fails halfway, what was created is removed again.
 */
export async function importPackage(deps: Deps, actor: Actor, zipPath: string, ip?: string | null): Promise<ImportReport> {
  requirePermission(actor, 'author:resource')
  const work = await mkdtemp(path.join(tmpdir(), 'tongxing-import-'))
  try {
    const { manifest, extracted } = await readPackage(zipPath, work)
    const resourceInput: Record<string, unknown> = { ...manifest.resource, mediaAssetIds: [] }
    // The fields as the editor would take them, with every file reference resolvable.
    const probe = { file: (ref: string) => (manifest.files.some((f) => f.ref === ref) ? '00000000-0000-4000-8000-000000000000' : null), term: () => null }
    try {
      parseResource(withDocs(resourceInput, (doc) => swapReferences(doc, probe, 'import')))
    } catch (error) {
      if (error instanceof AppError && error.options.fields) throw packageError('resourceInvalid', undefined, error.options.fields)
      throw error
    }
    if (resourceInput.kind === 'school_course' && !actor.schoolId) throw packageError('courseNeedsSchool')

    const created = { resourceId: null as string | null, assets: [] as string[], terms: [] as string[] }
    try {
      const terms = await linkPackageTerms(deps.db, actor, manifest.signTerms)
      created.terms = terms.createdIds
      const first = await createResource(deps.db, actor, withDocs(resourceInput, (doc) => swapReferences(doc, { file: () => null, term: (ref) => terms.ids.get(ref) ?? null }, 'import')))
      created.resourceId = first.id

      const fileIds = new Map<string, string>()
      for (const file of manifest.files) {
        const stored = await uploadFile(deps, actor, first.id, { fileName: file.fileName, body: createReadStream(extracted.get(file.path)!) })
        fileIds.set(file.ref, stored.id)
      }
      let tracks = 0
      const receive = async (video: PackedVideo | PackedVideo['companions'][number], parentId?: string) => {
        const incoming = {
          title: video.title,
          role: video.role,
          language: video.language,
          original: { path: extracted.get(video.original.path)!, name: video.original.fileName, size: video.original.size, type: video.original.contentType },
          tracks: await Promise.all(video.tracks.map(async (t) => ({ kind: t.kind, language: t.language, label: t.label, bytes: await readFile(extracted.get(t.path)!) }))),
        }
        const id = await receiveAsset(deps, actor, incoming, parentId)
        created.assets.push(id)
        tracks += video.tracks.length
        return id
      }
      const mediaAssetIds: string[] = []
      for (const video of manifest.videos) {
        const id = await receive(video)
        mediaAssetIds.push(id)
        for (const companion of video.companions) await receive(companion, id)
      }

      const map = { file: (ref: string) => fileIds.get(ref) ?? null, term: (ref: string) => terms.ids.get(ref) ?? null }
      await updateResource(deps.db, actor, first.id, withDocs({ ...resourceInput, mediaAssetIds }, (doc) => swapReferences(doc, map, 'import')))
      await restoreBrailleCorrections(deps.db, actor, first.id, manifest.braille)
      await record(deps.db, {
        action: 'resource.imported',
        actorId: actor.id,
        districtId: actor.districtId,
        targetType: 'resource',
        targetId: first.id,
        detail: { title: String(manifest.resource.title ?? ''), sourceDistrict: manifest.source.district, sourceResourceId: manifest.source.resourceId },
        ip,
      })
      return {
        id: first.id,
        title: String(manifest.resource.title),
        files: manifest.files.length,
        videos: manifest.videos.length,
        tracks,
        signTerms: { linked: terms.linked, created: terms.created, dropped: terms.dropped },
        braille: manifest.braille.length,
      }
    } catch (error) {
      await undoImport(deps, actor, created)
      throw error
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

function withDocs(input: Record<string, unknown>, swap: (doc: unknown) => unknown): Record<string, unknown> {
  const variants = Array.isArray(input.variants) ? input.variants.map((v: Record<string, unknown>) => ({ ...v, activities: swap(v.activities) })) : input.variants
  return { ...input, body: swap(input.body), variants }
}

async function undoImport(deps: Deps, actor: Actor, created: { resourceId: string | null; assets: string[]; terms: string[] }) {
  for (const id of created.assets.reverse()) await deleteAsset(deps, actor, id).catch(() => {})
  if (created.resourceId) await deleteResourceAndFiles(deps, created.resourceId)
  for (const id of created.terms) await deleteTerm(deps.db, actor, id).catch(() => {})
}

async function deleteResourceAndFiles(deps: Deps, resourceId: string) {
  const files = await deps.db.select({ key: resourceFiles.storageKey, thumbnail: resourceFiles.thumbnailKey }).from(resourceFiles).where(eq(resourceFiles.resourceId, resourceId))
  await deps.db.delete(resources).where(eq(resources.id, resourceId))
  for (const file of files) {
    await deps.storage.delete(file.key).catch(() => {})
    if (file.thumbnail) await deps.storage.delete(file.thumbnail).catch(() => {})
  }
}

/** Opens the zip, checks its manifest and extracts every listed entry to `work`, checking size and hash. */
async function readPackage(zipPath: string, work: string): Promise<{ manifest: Manifest; extracted: Map<string, string> }> {
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.openPromise(zipPath, { autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true })
  } catch {
    throw packageError('notZip')
  }
  try {
    const entries = new Map<string, yauzl.Entry>()
    try {
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry)
    } catch {
      throw packageError('notZip')
    }
    const manifestEntry = entries.get(manifestName)
    if (!manifestEntry) throw packageError('noManifest')
    if (manifestEntry.uncompressedSize > maxManifestBytes) throw packageError('manifestInvalid', { detail: 'size' })
    const manifestText = (await readEntry(zip, manifestEntry)).toString('utf8')
    let json: unknown
    try {
      json = JSON.parse(manifestText)
    } catch {
      throw packageError('manifestInvalid', { detail: 'JSON' })
    }
    const format = (json as { format?: unknown; formatVersion?: unknown })?.format
    if (format !== packageFormat) throw packageError('notOurs')
    const version = (json as { formatVersion?: unknown }).formatVersion
    if (typeof version === 'number' && version > packageFormatVersion) throw packageError('newerFormat', { version })
    const parsed = manifestSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw packageError('manifestInvalid', { detail: issue.path.join('.') || issue.message })
    }
    const manifest = parsed.data
    const listed: PackedEntry[] = [
      ...manifest.files,
      ...manifest.videos.flatMap((v) => [v.original, ...v.tracks, ...v.companions.flatMap((c) => [c.original, ...c.tracks])]),
    ]
    if (new Set(listed.map((e) => e.path)).size !== listed.length) throw packageError('manifestInvalid', { detail: 'duplicate path' })
    const extracted = new Map<string, string>()
    for (const [index, item] of listed.entries()) {
      const entry = entries.get(item.path)
      if (!entry) throw packageError('entryMissing', { path: item.path })
      if (entry.uncompressedSize !== item.size) throw packageError('entryDamaged', { path: item.path })
      const target = path.join(work, String(index))
      const { stream, measured: done } = measuring()
      try {
        await pipeline(await zip.openReadStreamPromise(entry), stream, createWriteStream(target))
      } catch {
        throw packageError('entryDamaged', { path: item.path })
      }
      const got = await done
      if (got.sha256 !== item.sha256 || got.size !== item.size) throw packageError('entryDamaged', { path: item.path })
      extracted.set(item.path, target)
    }
    return { manifest, extracted }
  } finally {
    zip.close()
  }
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const chunks: Buffer[] = []
  try {
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
  } catch {
    throw packageError('manifestInvalid', { detail: 'zip' })
  }
  return Buffer.concat(chunks)
}

/** Imports an uploaded package (a request body): streamed to a temporary file, refusing more than the limit, imported, the file removed. */
export async function importUploadedPackage(deps: Deps, actor: Actor, body: Readable | AsyncIterable<Uint8Array>, ip?: string | null): Promise<ImportReport> {
  requirePermission(actor, 'author:resource')
  const dir = await mkdtemp(path.join(tmpdir(), 'tongxing-package-'))
  const target = path.join(dir, 'package.zip')
  let size = 0
  try {
    await pipeline(
      body instanceof Readable ? body : Readable.from(body),
      new Transform({
        transform(chunk: Buffer, _encoding, next) {
          size += chunk.length
          next(size > maxPackageBytes ? packageError('tooLarge', { max: Math.round(maxPackageBytes / 1024 ** 3) }) : null, chunk)
        },
      }),
      createWriteStream(target),
    ).catch((error) => {
      throw error instanceof AppError ? error : packageError('uploadFailed')
    })
    if (size === 0) throw packageError('empty')
    return await importPackage(deps, actor, target, ip)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
