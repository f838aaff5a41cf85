import { randomUUID } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rmdir, stat, unlink, type FileHandle } from 'node:fs/promises'
import type { BigIntStats } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import { assertValidKey, assertValidPrefix, assertValidRange, compareKeys, guessContentType } from './keys'
import { RangeNotSatisfiableError, type ObjectStore, type StoredObject } from './object-store'

export interface LocalStoreOptions {
  /** Directory that holds everything; created on first write. */
  root: string
}

/**
 * An object store on local disk, for the embedded default.
 *
 * Layout under `root`:
 * - `objects/<key>`      the bytes, at the key's own path, so the tree is readable and backs up as is
 * - `meta/<key>`         JSON sidecar `{ contentType, size, mtimeNs }`, a tree shaped exactly like
 *                        `objects/`; trusted only while size and mtime still match the data file,
 *                        else the type is derived from the extension
 * - `tmp/`               where writes are staged; never listed, stale files swept
 *
 * A put streams into `tmp/`, fsyncs, then renames over `objects/<key>` (same file system, so atomic):
 * readers see the old object or the new one, never a part. An open reader keeps its file (inode)
 * when an overwrite lands. One local-only limit: a key cannot be both an object and a folder
 * (`a` and `a/b`), since disk paths cannot; such a put rejects with a clear error.
 */
export function createLocalStore({ root }: LocalStoreOptions): ObjectStore {
  const base = resolve(root)
  const objectsDir = join(base, 'objects')
  const metaDir = join(base, 'meta')
  const tmpDir = join(base, 'tmp')
  let swept = false

  /** Maps a validated key to its paths; re-checks containment as a second line of defence. */
  function pathsFor(key: string) {
    assertValidKey(key)
    const data = join(objectsDir, ...key.split('/'))
    if (!data.startsWith(objectsDir + sep)) throw new Error(`Key ${JSON.stringify(key)} escapes the store root`)
    return { data, meta: join(metaDir, ...key.split('/')) }
  }

  async function readMeta(metaPath: string, size: bigint, mtimeNs: bigint): Promise<string | undefined> {
    try {
      const meta = JSON.parse(await readFile(metaPath, 'utf8')) as Partial<SidecarMeta>
      if (meta.size === String(size) && meta.mtimeNs === String(mtimeNs) && typeof meta.contentType === 'string') {
        return meta.contentType
      }
    } catch (error) {
      if (!isMissing(error) && !(error instanceof SyntaxError)) throw error
    }
    return undefined
  }

  async function describe(key: string, metaPath: string, s: BigIntStats): Promise<StoredObject> {
    return {
      key,
      size: Number(s.size),
      contentType: (await readMeta(metaPath, s.size, s.mtimeNs)) ?? guessContentType(key),
      lastModified: new Date(Number(s.mtimeMs)),
    }
  }

  async function ensureParent(path: string, key: string): Promise<void> {
    try {
      await mkdir(dirname(path), { recursive: true })
    } catch (error) {
      if (errno(error) === 'ENOTDIR' || errno(error) === 'EEXIST') throw conflict(key)
      throw error
    }
  }

  /** rename, recreating the parent if a concurrent delete pruned it in between. */
  async function moveInto(from: string, to: string, key: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await ensureParent(to, key)
      try {
        await rename(from, to)
        return
      } catch (error) {
        const code = errno(error)
        if (code === 'ENOENT' && attempt < 5) continue
        if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') throw conflict(key)
        throw error
      }
    }
  }

  async function sweepTmp(): Promise<void> {
    if (swept) return
    swept = true
    const cutoff = Date.now() - 24 * 60 * 60 * 1000
    for (const name of await readdir(tmpDir).catch(() => [] as string[])) {
      const path = join(tmpDir, name)
      const s = await stat(path).catch(() => null)
      if (s?.isFile() && s.mtimeMs < cutoff) await unlink(path).catch(() => {})
    }
  }

  /** Streams `body` into a fresh temp file and fsyncs it; removes it on any failure. */
  async function writeTemp(body: Readable | string): Promise<{ path: string; size: bigint; mtimeNs: bigint }> {
    const path = join(tmpDir, `${randomUUID()}.part`)
    const handle = await open(path, 'wx', 0o644)
    let closed = false
    try {
      if (typeof body === 'string') await handle.writeFile(body, 'utf8')
      else await writeAll(handle, body)
      await handle.sync()
      const s = await handle.stat({ bigint: true })
      closed = true
      await handle.close()
      return { path, size: s.size, mtimeNs: s.mtimeNs }
    } catch (error) {
      if (!closed) await handle.close().catch(() => {})
      await unlink(path).catch(() => {})
      throw error
    }
  }

  const store: ObjectStore = {
    kind: 'local',

    async put(key, body, options) {
      const paths = pathsFor(key)
      const contentType = options?.contentType ?? guessContentType(key)
      await mkdir(tmpDir, { recursive: true })
      void sweepTmp().catch(() => {})
      // Fail fast on a folder/object clash before reading the body.
      await ensureParent(paths.data, key)
      if ((await stat(paths.data).catch(() => null))?.isDirectory()) throw conflict(key)

      const data = await writeTemp(body)
      let metaTemp: string | undefined
      try {
        const sidecar: SidecarMeta = { contentType, size: String(data.size), mtimeNs: String(data.mtimeNs) }
        metaTemp = (await writeTemp(JSON.stringify(sidecar))).path
        await moveInto(data.path, paths.data, key) // the commit point
      } catch (error) {
        await unlink(data.path).catch(() => {})
        if (metaTemp) await unlink(metaTemp).catch(() => {})
        throw error
      }
      // Data first: if we crash before the sidecar lands, the old sidecar no longer matches the data's
      // size/mtime and is ignored, so no object is ever served with another's type. The sidecar is
      // only a hint, so failing to place it must not fail a put that has already committed.
      await moveInto(metaTemp, paths.meta, key).catch(() => unlink(metaTemp).catch(() => {}))
      await Promise.all([syncDir(dirname(paths.data)), syncDir(dirname(paths.meta))])
      return { key, size: Number(data.size), contentType, lastModified: new Date(Number(data.mtimeNs / 1_000_000n)) }
    },

    async get(key, range) {
      const paths = pathsFor(key)
      if (range) assertValidRange(range)
      let handle: FileHandle
      try {
        handle = await open(paths.data, 'r')
      } catch (error) {
        if (isMissing(error)) return null
        throw error
      }
      try {
        // Everything below reads through this handle: an overwrite landing now cannot mix versions.
        const s = await handle.stat({ bigint: true })
        if (!s.isFile()) {
          await handle.close()
          return null
        }
        const object = await describe(key, paths.meta, s)
        if (!range) return { body: handle.createReadStream(), object }
        if (range.start >= object.size) throw new RangeNotSatisfiableError(key, range, object.size)
        const served = { start: range.start, end: Math.min(range.end ?? Infinity, object.size - 1) }
        return { body: handle.createReadStream(served), object, range: served }
      } catch (error) {
        await handle.close().catch(() => {})
        throw error
      }
    },

    async head(key) {
      const paths = pathsFor(key)
      try {
        const s = await stat(paths.data, { bigint: true })
        return s.isFile() ? await describe(key, paths.meta, s) : null
      } catch (error) {
        if (isMissing(error)) return null
        throw error
      }
    },

    async delete(key) {
      const paths = pathsFor(key)
      // Sidecar first, so a crash in between leaves data with a derived type, never an orphan sidecar.
      for (const path of [paths.meta, paths.data]) {
        try {
          await unlink(path)
        } catch (error) {
          // Missing, or a folder of other objects rather than an object: nothing to delete.
          if (!isMissing(error) && errno(error) !== 'EISDIR' && errno(error) !== 'EPERM') throw error
        }
      }
      await pruneEmptyParents(dirname(paths.data), objectsDir)
      await pruneEmptyParents(dirname(paths.meta), metaDir)
    },

    list(prefix) {
      assertValidPrefix(prefix)
      const cut = prefix.lastIndexOf('/')
      const dirKey = prefix.slice(0, cut + 1) // '' or 'a/b/'
      const namePrefix = prefix.slice(cut + 1)
      return walk(objectsDir, dirKey, namePrefix)
    },

    async check() {
      const key = `_health/${randomUUID()}`
      const probe = 'ok'
      await store.put(key, Readable.from([Buffer.from(probe)]), { contentType: 'text/plain' })
      try {
        const found = await store.head(key)
        if (found?.size !== probe.length) throw new Error('Local object store check: probe object did not read back')
      } finally {
        await store.delete(key)
      }
    },
  }
  return store
}

interface SidecarMeta {
  contentType: string
  /** Size and mtime (ns) of the data file this sidecar describes, as decimal strings. */
  size: string
  mtimeNs: string
}

/**
 * Depth-first walk yielding keys in UTF-8 byte order. Holds one directory listing per level, never
 * the whole tree. A folder `a` sorts as `a/`, which puts `a-b` before `a/x` exactly as S3 does.
 */
async function* walk(objectsDir: string, dirKey: string, namePrefix: string): AsyncGenerator<StoredObject> {
  let entries
  try {
    entries = await readdir(join(objectsDir, ...dirKey.split('/').filter(Boolean)), { withFileTypes: true })
  } catch (error) {
    if (isMissing(error)) return
    throw error
  }
  const ordered = entries
    .filter((e) => e.name.startsWith(namePrefix) && (e.isFile() || e.isDirectory()))
    .map((e) => ({ name: e.name, isDir: e.isDirectory(), sortKey: e.isDirectory() ? `${e.name}/` : e.name }))
    .sort((a, b) => compareKeys(a.sortKey, b.sortKey))
  for (const entry of ordered) {
    const key = dirKey + entry.name
    if (entry.isDir) {
      yield* walk(objectsDir, `${key}/`, '')
      continue
    }
    const s = await stat(join(objectsDir, ...key.split('/'))).catch((error: unknown) => {
      if (isMissing(error)) return null // deleted while we walked
      throw error
    })
    if (s?.isFile()) yield { key, size: s.size, lastModified: s.mtime }
  }
}

/**
 * Copies a stream into a file with one write in flight at a time (natural backpressure: nothing is
 * read faster than the disk takes it), coalescing small chunks into writes of about 256 KiB.
 * (A FileHandle write stream with autoClose off never releases the handle, so no fsync after it.)
 */
async function writeAll(handle: FileHandle, body: Readable): Promise<void> {
  const batch: Buffer[] = []
  let batched = 0
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    batch.push(buffer)
    batched += buffer.length
    if (batched >= 256 * 1024) {
      await handle.writev(batch.splice(0))
      batched = 0
    }
  }
  if (batch.length > 0) await handle.writev(batch)
}

/** Removes now-empty folders from `dir` up to (not including) `stop`; stops at the first non-empty. */
async function pruneEmptyParents(dir: string, stop: string): Promise<void> {
  while (dir.startsWith(stop + sep)) {
    try {
      await rmdir(dir)
    } catch {
      return // not empty (or already gone / raced with a put): leave it
    }
    dir = dirname(dir)
  }
}

/** Makes a rename durable. Not possible on every platform (e.g. Windows); best effort there. */
async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // EISDIR/EPERM/EINVAL on platforms that cannot fsync a directory.
  } finally {
    await handle?.close().catch(() => {})
  }
}

function errno(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined
}

function isMissing(error: unknown): boolean {
  return errno(error) === 'ENOENT' || errno(error) === 'ENOTDIR'
}

function conflict(key: string): Error {
  return new Error(
    `Local object store: key ${JSON.stringify(key)} clashes with an existing object or folder ` +
      '(on disk a key cannot be both an object and a prefix of other keys, e.g. "a" and "a/b")',
  )
}
