/**
 * The ObjectStore contract: one suite, run against every adapter.
 * - local: always, in a fresh temp directory
 * - S3: always against an in-process s3rver (own temp dir, port picked by the OS), and also against
 *   an external S3-compatible store when S3_BUCKET (+ S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID,
 *   S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE) is set, e.g. by CI.
 * Every test works under its own run prefix, so a shared external bucket is left as it was found.
 */
import { createHash, randomBytes, randomFillSync, randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createObjectStore,
  InvalidObjectKeyError,
  RangeNotSatisfiableError,
  type ObjectStore,
} from '~/platform/storage/index.server'
import { createLocalStore } from '~/platform/storage/local.server'
import { createS3Store, type S3StoreOptions } from '~/platform/storage/s3.server'

const MiB = 1024 * 1024
/** Big enough to go multipart on S3 (5 MiB parts); memory use is measured in tests/bench/storage-memory.ts. */
const BIG_BODY = 12 * MiB

interface Harness {
  store: ObjectStore
  /** A store of the same kind that cannot work (root is a file, bucket missing): check() must fail. */
  broken: ObjectStore
  /**
   * s3rver walks its directory tree in file-name order, so it lists a folder `b/…` before a
   * sibling `b-x`, where S3 (and the local adapter) order by the full key. Set only for s3rver.
   */
  listsFoldersOutOfOrder?: boolean
  teardown(): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// helpers

/** A body of `total` random bytes made on demand, hashed as it goes. */
function generatedBody(total: number) {
  const hash = createHash('sha256')
  let sent = 0
  const stream = new Readable({
    read() {
      if (sent >= total) return void this.push(null)
      const chunk = randomFillSync(Buffer.allocUnsafe(Math.min(64 * 1024, total - sent)))
      hash.update(chunk)
      sent += chunk.length
      this.push(chunk)
    },
  })
  return { stream, digest: () => hash.digest('hex') }
}

/** Reads a stream to its end, hashing it. */
async function consume(body: Readable) {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of body as AsyncIterable<Buffer>) {
    hash.update(chunk)
    size += chunk.length
  }
  return { size, digest: hash.digest('hex') }
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

async function collect<T>(iterable: () => AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable()) out.push(item)
  return out
}

async function getBytes(store: ObjectStore, key: string, range?: { start: number; end?: number }) {
  const found = await store.get(key, range)
  if (!found) return null
  return { ...found, bytes: await readAll(found.body) }
}

function put(store: ObjectStore, key: string, data: Buffer | string, contentType?: string) {
  return store.put(key, Readable.from([Buffer.from(data)]), contentType ? { contentType } : undefined)
}

/** A body that sends `bytes` and then fails, like an upload whose client went away. */
function failingBody(bytes: number): Readable {
  let sent = 0
  return new Readable({
    read() {
      if (sent >= bytes) return void this.destroy(new Error('client went away'))
      const chunk = randomBytes(Math.min(256 * 1024, bytes - sent))
      sent += chunk.length
      this.push(chunk)
    },
  })
}

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>) {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!)
    }),
  )
}

/** S3's order: by UTF-8 bytes (not JS string order, which differs for characters above U+FFFF). */
const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b))

// ---------------------------------------------------------------------------------------------
// the contract

function objectStoreContract(name: string, setup: () => Promise<Harness>) {
  describe(name, () => {
    let h: Harness
    let store: ObjectStore
    const P = `contract-${randomUUID().slice(0, 8)}/`

    beforeAll(async () => {
      h = await setup()
      store = h.store
    })
    afterAll(async () => {
      if (!h) return
      const leftovers = await collect(() => store.list(P))
      await forEachLimit(leftovers, 16, (o) => store.delete(o.key))
      await h.teardown()
    })

    it('round-trips binary data byte for byte', async () => {
      const data = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300_000)])
      const stored = await put(store, `${P}bin/data.bin`, data)
      expect(stored).toMatchObject({ key: `${P}bin/data.bin`, size: data.length })
      const got = await getBytes(store, `${P}bin/data.bin`)
      expect(got?.object.size).toBe(data.length)
      expect(got?.range).toBeUndefined()
      expect(got?.bytes.equals(data)).toBe(true)
    })

    it('stores an empty object', async () => {
      await put(store, `${P}empty/zero.bin`, Buffer.alloc(0))
      expect(await store.head(`${P}empty/zero.bin`)).toMatchObject({ size: 0 })
      expect((await getBytes(store, `${P}empty/zero.bin`))?.bytes.length).toBe(0)
      await expect(store.get(`${P}empty/zero.bin`, { start: 0 })).rejects.toBeInstanceOf(RangeNotSatisfiableError)
    })

    it('keeps the content type given to put, and derives one from the extension otherwise', async () => {
      const given = await put(store, `${P}types/clip.bin`, 'x', 'application/vnd.apple.mpegurl')
      expect(given.contentType).toBe('application/vnd.apple.mpegurl')
      expect((await store.head(`${P}types/clip.bin`))?.contentType).toBe('application/vnd.apple.mpegurl')
      expect((await getBytes(store, `${P}types/clip.bin`))?.object.contentType).toBe('application/vnd.apple.mpegurl')

      await put(store, `${P}types/lesson.PDF`, '%PDF-1.7')
      expect((await store.head(`${P}types/lesson.PDF`))?.contentType).toBe('application/pdf')
      await put(store, `${P}types/README`, 'no extension')
      expect((await store.head(`${P}types/README`))?.contentType).toBe('application/octet-stream')
    })

    it(
      `streams a ${BIG_BODY / MiB} MiB body both ways byte for byte`,
      async () => {
        const key = `${P}big/lesson-video.mp4`
        const body = generatedBody(BIG_BODY)
        const stored = await store.put(key, body.stream, { contentType: 'video/mp4' })
        const sentDigest = body.digest()
        expect(stored.size).toBe(BIG_BODY)

        const found = await store.get(key)
        expect(found?.object).toMatchObject({ size: BIG_BODY, contentType: 'video/mp4' })
        const received = await consume(found!.body)
        expect(received).toEqual({ size: BIG_BODY, digest: sentDigest })
      },
      180_000,
    )

    describe('byte ranges', () => {
      const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))
      const key = () => `${P}ranges/1000.bin`
      beforeAll(async () => {
        await put(store, key(), data)
      })

      it('start only: from start to the end', async () => {
        const got = await getBytes(store, key(), { start: 990 })
        expect(got?.bytes.equals(data.subarray(990))).toBe(true)
        expect(got?.range).toEqual({ start: 990, end: 999 })
        expect(got?.object.size).toBe(1000) // the whole object's size, not the range's
      })

      it('start and end, both inclusive', async () => {
        const got = await getBytes(store, key(), { start: 10, end: 19 })
        expect(got?.bytes.equals(data.subarray(10, 20))).toBe(true)
        expect(got?.range).toEqual({ start: 10, end: 19 })
      })

      it('the first byte alone and the last byte alone', async () => {
        expect((await getBytes(store, key(), { start: 0, end: 0 }))?.bytes).toEqual(data.subarray(0, 1))
        expect((await getBytes(store, key(), { start: 999, end: 999 }))?.bytes).toEqual(data.subarray(999))
        expect((await getBytes(store, key(), { start: 999 }))?.bytes).toEqual(data.subarray(999))
      })

      it('clamps an end past the last byte', async () => {
        const got = await getBytes(store, key(), { start: 995, end: 5000 })
        expect(got?.bytes.equals(data.subarray(995))).toBe(true)
        expect(got?.range).toEqual({ start: 995, end: 999 })
      })

      it('rejects a start past the end, and malformed ranges', async () => {
        const past = store.get(key(), { start: 1000 })
        await expect(past).rejects.toBeInstanceOf(RangeNotSatisfiableError)
        await expect(store.get(key(), { start: 5, end: 4 })).rejects.toBeInstanceOf(RangeError)
        await expect(store.get(key(), { start: -1 })).rejects.toBeInstanceOf(RangeError)
        await expect(store.get(key(), { start: 1.5 })).rejects.toBeInstanceOf(RangeError)
      })

      it('a range of a missing key is null', async () => {
        expect(await store.get(`${P}ranges/missing.bin`, { start: 0, end: 9 })).toBeNull()
      })
    })

    it('head reports size, type and modification time without the body', async () => {
      const before = Date.now()
      await put(store, `${P}head/notes.txt`, '同行 notes', 'text/plain; charset=utf-8')
      const head = await store.head(`${P}head/notes.txt`)
      expect(head).toMatchObject({
        key: `${P}head/notes.txt`,
        size: Buffer.byteLength('同行 notes'),
        contentType: 'text/plain; charset=utf-8',
      })
      expect(head?.lastModified).toBeInstanceOf(Date)
      // Generous: S3 has second resolution and an external store's clock may drift a little.
      expect(Math.abs(head!.lastModified!.getTime() - before)).toBeLessThan(5 * 60_000)
    })

    it('a missing key is null for get and head', async () => {
      await put(store, `${P}missing/present.txt`, 'here')
      expect(await store.get(`${P}missing/absent.txt`)).toBeNull()
      expect(await store.head(`${P}missing/absent.txt`)).toBeNull()
      expect(await store.head(`${P}no-such-folder/deeper/absent.txt`)).toBeNull()
      // A "folder" of objects is not an object, nor is a key "under" an object.
      expect(await store.head(`${P}missing`)).toBeNull()
      expect(await store.get(`${P}missing`)).toBeNull()
      expect(await store.head(`${P}missing/present.txt/child`)).toBeNull()
    })

    it('delete removes only that key and is idempotent', async () => {
      await put(store, `${P}del/a`, 'a')
      await put(store, `${P}del/ab`, 'ab')
      await store.delete(`${P}del/a`)
      expect(await store.head(`${P}del/a`)).toBeNull()
      expect(await store.get(`${P}del/a`)).toBeNull()
      expect((await getBytes(store, `${P}del/ab`))?.bytes.toString()).toBe('ab')
      await expect(store.delete(`${P}del/a`)).resolves.toBeUndefined()
      await expect(store.delete(`${P}del/never-existed/x`)).resolves.toBeUndefined()
      expect((await collect(() => store.list(`${P}del/`))).map((o) => o.key)).toEqual([`${P}del/ab`])
    })

    it('lists by prefix, recursively, in key order', async () => {
      const keys = [
        'list/a.txt',
        'list/b/c.txt',
        'list/b/d/e.txt',
        'list/b-x.txt',
        'list/ba.txt',
        'list/教案/第1课.pdf',
        'list/\uff5e.txt', // ～ U+FF5E: before an emoji in UTF-8 order, after it in JS string order
        'list/😀.txt',
        'listing-outside.txt',
        'list2/z.txt',
      ].map((k) => P + k)
      await forEachLimit(keys, 8, (k) => put(store, k, k))

      const expected = keys.filter((k) => k.startsWith(`${P}list/`)).sort(utf8Order)
      const listed = await collect(() => store.list(`${P}list/`))
      const listedKeys = listed.map((o) => o.key)
      if (h.listsFoldersOutOfOrder) expect([...listedKeys].sort(utf8Order)).toEqual(expected)
      else expect(listedKeys).toEqual(expected)
      expect(listedKeys.indexOf(`${P}list/\uff5e.txt`)).toBeLessThan(listedKeys.indexOf(`${P}list/😀.txt`))
      for (const o of listed) {
        expect(o.size).toBe(Buffer.byteLength(o.key))
        expect(o.lastModified).toBeInstanceOf(Date)
      }

      // A prefix is a plain string prefix: it may end inside a segment.
      const partial = (await collect(() => store.list(`${P}list/b`))).map((o) => o.key).sort(utf8Order)
      expect(partial).toEqual(['list/b-x.txt', 'list/b/c.txt', 'list/b/d/e.txt', 'list/ba.txt'].map((k) => P + k).sort(utf8Order))
      expect((await collect(() => store.list(`${P}list/b/`))).map((o) => o.key)).toEqual(
        [`${P}list/b/c.txt`, `${P}list/b/d/e.txt`],
      )
      expect((await collect(() => store.list(`${P}list/教`))).map((o) => o.key)).toEqual([`${P}list/教案/第1课.pdf`])
      expect(await collect(() => store.list(`${P}nothing-here/`))).toEqual([])
    })

    it('lists more than 1000 objects (past one S3 page) exactly once each', async () => {
      const keys = Array.from({ length: 1005 }, (_, i) => `${P}many/k-${String(i).padStart(4, '0')}`)
      await forEachLimit(keys, 24, (k) => put(store, k, 'x'))
      const listed = (await collect(() => store.list(`${P}many/`))).map((o) => o.key)
      expect(listed).toHaveLength(1005)
      expect(listed).toEqual(keys)
    }, 120_000)

    it('overwrite replaces bytes, size and type, and lists once', async () => {
      await put(store, `${P}over/file`, 'first', 'text/plain')
      await put(store, `${P}over/file`, '{"second":"version, longer"}', 'application/json')
      const got = await getBytes(store, `${P}over/file`)
      expect(got?.bytes.toString()).toBe('{"second":"version, longer"}')
      expect(got?.object).toMatchObject({ size: 28, contentType: 'application/json' })
      expect(await store.head(`${P}over/file`)).toMatchObject({ size: 28, contentType: 'application/json' })
      expect((await collect(() => store.list(`${P}over/`))).map((o) => [o.key, o.size])).toEqual([[`${P}over/file`, 28]])
    })

    it.each([
      ['small', 1000],
      ['multipart-sized', 6 * MiB],
    ])('a put whose body fails (%s) rejects and leaves the previous object', async (_label, bytes) => {
      const key = `${P}failed/${bytes}.bin`
      await put(store, key, 'the old version', 'text/plain')
      await expect(store.put(key, failingBody(bytes))).rejects.toThrow('client went away')
      expect((await getBytes(store, key))?.bytes.toString()).toBe('the old version')
      expect(await store.head(key)).toMatchObject({ size: 15, contentType: 'text/plain' })
      expect((await collect(() => store.list(`${P}failed/${bytes}`))).map((o) => o.key)).toEqual([key])
      // and a first put that fails leaves nothing at all
      await expect(store.put(`${key}.new`, failingBody(bytes))).rejects.toThrow('client went away')
      expect(await store.head(`${key}.new`)).toBeNull()
    }, 60_000)

    it('handles Chinese characters and URL-special characters in keys', async () => {
      const keys = [
        `${P}originals/教案 第1课.pdf`,
        `${P}originals/手语视频（国家通用手语）.mp4`,
        `${P}odd/a+b=c&d?e#f%20g'h(1)~!@$,;.txt`,
        `${P}odd/🎓 学生.txt`,
      ]
      for (const key of keys) {
        await put(store, key, `content of ${key}`)
        expect((await getBytes(store, key))?.bytes.toString()).toBe(`content of ${key}`)
        expect((await store.head(key))?.key).toBe(key)
      }
      expect((await store.head(`${P}originals/教案 第1课.pdf`))?.contentType).toBe('application/pdf')
      expect((await collect(() => store.list(`${P}originals/教案`))).map((o) => o.key)).toEqual([
        `${P}originals/教案 第1课.pdf`,
      ])
      expect((await collect(() => store.list(`${P}odd/`))).map((o) => o.key).sort(utf8Order)).toEqual(
        keys.slice(2).sort(utf8Order),
      )
      await store.delete(`${P}originals/教案 第1课.pdf`)
      expect(await store.head(`${P}originals/教案 第1课.pdf`)).toBeNull()
    })

    it('rejects unsafe keys and prefixes on every method', async () => {
      const unsafe = [
        '',
        '../escape.txt',
        'a/../../escape.txt',
        '..',
        './a',
        '/etc/passwd',
        'a\\..\\b',
        'a\0b',
        'a\nb',
        'a//b',
        'a/',
        'x'.repeat(256),
        `${'长'.repeat(100)}/a`, // 300 UTF-8 bytes in one segment
        `${'a/'.repeat(600)}b`, // over 1024 bytes
      ]
      for (const key of unsafe) {
        await expect(store.put(key, Readable.from([Buffer.from('x')])), key).rejects.toBeInstanceOf(InvalidObjectKeyError)
        await expect(store.get(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError)
        await expect(store.get(key, { start: 0 }), key).rejects.toBeInstanceOf(InvalidObjectKeyError)
        await expect(store.head(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError)
        await expect(store.delete(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError)
      }
      for (const prefix of ['../', '/abs', 'a/../', 'a\\b', 'a\0', '//']) {
        await expect(collect(() => store.list(prefix)), prefix).rejects.toBeInstanceOf(InvalidObjectKeyError)
      }
      // the error says why
      await expect(store.head('../escape.txt')).rejects.toThrow(/"\.\." segment/)
    })

    it('check() proves the store works, leaves nothing behind, and fails on a broken store', async () => {
      await expect(store.check()).resolves.toBeUndefined()
      expect(await collect(() => store.list('_health/'))).toEqual([])
      await expect(h.broken.check()).rejects.toThrow()
    })
  })
}

// ---------------------------------------------------------------------------------------------
// local disk

let localRoot: string

objectStoreContract('local adapter', async () => {
  localRoot = await mkdtemp(join(tmpdir(), 'tongxing-store-'))
  const brokenRoot = join(localRoot, 'not-a-directory')
  await writeFile(brokenRoot, 'a file where the root should be')
  return {
    store: createObjectStore({ kind: 'local', root: join(localRoot, 'store') }),
    broken: createLocalStore({ root: brokenRoot }),
    teardown: () => rm(localRoot, { recursive: true, force: true }),
  }
})

describe('local adapter: disk specifics', () => {
  let root: string
  let store: ObjectStore
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'tongxing-local-'))
    store = createLocalStore({ root: join(root, 'store') })
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('writes nothing outside its root for unsafe keys', async () => {
    for (const key of ['../escape.txt', '../../escape.txt', 'a/../../escape.txt']) {
      await expect(put(store, key, 'x')).rejects.toBeInstanceOf(InvalidObjectKeyError)
    }
    expect(await readdir(root)).toEqual([]) // not even the store's own folders were created
  })

  it('keeps objects as plain files at their key path', async () => {
    await put(store, 'originals/教案 第1课.pdf', '%PDF')
    expect((await stat(join(root, 'store/objects/originals/教案 第1课.pdf'))).size).toBe(4)
  })

  it('a failed put leaves no temp file behind', async () => {
    await expect(store.put('tmp-test/file', failingBody(3 * MiB))).rejects.toThrow('client went away')
    expect(await readdir(join(root, 'store/tmp'))).toEqual([])
  })

  it('a reader that opened before an overwrite reads the old version whole', async () => {
    const old = randomBytes(2 * MiB)
    await put(store, 'atomic/video.mp4', old)
    const reading = await store.get('atomic/video.mp4')
    await put(store, 'atomic/video.mp4', randomBytes(3 * MiB))
    expect((await readAll(reading!.body)).equals(old)).toBe(true)
    expect((await store.head('atomic/video.mp4'))?.size).toBe(3 * MiB)
  })

  it('ignores a content-type sidecar that no longer matches its data (crash between renames)', async () => {
    await put(store, 'crash/lesson', 'first', 'application/x-first')
    // Simulate a crash after the data rename but before the sidecar rename: new data, old sidecar.
    const staged = join(root, 'store/tmp/staged')
    await writeFile(staged, 'second, longer version')
    await rename(staged, join(root, 'store/objects/crash/lesson'))
    expect(await store.head('crash/lesson')).toMatchObject({ size: 22, contentType: 'application/octet-stream' })
  })

  it('refuses a key that is both an object and a folder, with a clear error', async () => {
    await put(store, 'clash/a', 'object a')
    await expect(put(store, 'clash/a/b', 'x')).rejects.toThrow(/clashes with an existing object or folder/)
    await put(store, 'clash2/x/y', 'object x/y')
    await expect(put(store, 'clash2/x', 'x')).rejects.toThrow(/clashes/)
    expect((await getBytes(store, 'clash/a'))?.bytes.toString()).toBe('object a')
    expect((await getBytes(store, 'clash2/x/y'))?.bytes.toString()).toBe('object x/y')
  })

  it('prunes folders a delete leaves empty, and lists nothing from tmp/ or meta/', async () => {
    await put(store, 'prune/a/b/c.txt', 'c')
    await mkdir(join(root, 'store/tmp'), { recursive: true })
    await writeFile(join(root, 'store/tmp/leftover.part'), 'half a file from a crash')
    await store.delete('prune/a/b/c.txt')
    await expect(stat(join(root, 'store/objects/prune'))).rejects.toMatchObject({ code: 'ENOENT' })
    const all = (await collect(() => store.list(''))).map((o) => o.key)
    expect(all.some((k) => k.includes('leftover') || k.startsWith('prune'))).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------
// S3: in-process s3rver, and an external store when configured

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>
  close(): Promise<void>
}
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: Record<string, unknown>) => S3rverInstance

async function startS3rver() {
  const directory = await mkdtemp(join(tmpdir(), 'tongxing-s3rver-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory })
  const { port } = await server.run()
  const options: S3StoreOptions = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: 'tongxing-test',
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  }
  const admin = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: true,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  })
  await admin.send(new CreateBucketCommand({ Bucket: options.bucket }))
  admin.destroy()
  return {
    options,
    async stop() {
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}

objectStoreContract('S3 adapter (s3rver)', async () => {
  const s3rver = await startS3rver()
  const store = createS3Store(s3rver.options)
  const broken = createS3Store({ ...s3rver.options, bucket: 'no-such-bucket' })
  return {
    store,
    broken,
    listsFoldersOutOfOrder: true,
    async teardown() {
      store.client.destroy()
      broken.client.destroy()
      await s3rver.stop()
    },
  }
})

describe('S3 adapter: specifics', () => {
  it('createObjectStore picks the adapter from the config', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tongxing-pick-'))
    expect(createObjectStore({ kind: 'local', root }).kind).toBe('local')
    expect(createObjectStore({ kind: 's3', bucket: 'b', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's' }).kind).toBe('s3')
    await rm(root, { recursive: true, force: true })
  })


  it('pages through a listing with a small page size', async () => {
    const s3rver = await startS3rver()
    const store = createS3Store({ ...s3rver.options, listPageSize: 3 })
    try {
      const keys = Array.from({ length: 10 }, (_, i) => `pages/教案-${i}.txt`)
      for (const key of keys) await put(store, key, key)
      expect((await collect(() => store.list('pages/'))).map((o) => o.key)).toEqual(keys)
      expect((await collect(() => store.list('pages/教案-1'))).map((o) => o.key)).toEqual(['pages/教案-1.txt'])
    } finally {
      store.client.destroy()
      await s3rver.stop()
    }
  })
})

const external = process.env.S3_BUCKET
describe.skipIf(!external)('external S3', () => {
  objectStoreContract('S3 adapter (external: S3_ENDPOINT)', async () => {
    const options: S3StoreOptions = {
      endpoint: process.env.S3_ENDPOINT || undefined,
      bucket: process.env.S3_BUCKET!,
      region: process.env.S3_REGION || 'us-east-1',
      accessKeyId: process.env.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? '',
      forcePathStyle: process.env.S3_FORCE_PATH_STYLE ? process.env.S3_FORCE_PATH_STYLE === 'true' : undefined,
    }
    const store = createS3Store(options)
    const broken = createS3Store({ ...options, bucket: `${options.bucket}-missing-${randomUUID().slice(0, 8)}` })
    return {
      store,
      broken,
      async teardown() {
        store.client.destroy()
        broken.client.destroy()
      },
    }
  })
})
