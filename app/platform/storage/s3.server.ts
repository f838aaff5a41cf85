import { randomUUID } from 'node:crypto'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { assertValidKey, assertValidPrefix, assertValidRange, guessContentType } from './keys'
import { RangeNotSatisfiableError, type ObjectStore, type StoredObject } from './object-store'

export interface S3StoreOptions {
  /** For S3-compatible stores (MinIO, Ceph, OSS, COS…); omit for AWS itself. */
  endpoint?: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** `bucket` in the path rather than the host name. Defaults to true when `endpoint` is set. */
  forcePathStyle?: boolean
  /**
   * Multipart part size in bytes (S3's minimum, 5 MiB, by default). With 10 000 parts at most, this
   * caps one object at partSize × 10 000 (≈ 48.8 GiB by default).
   */
  partSize?: number
  /** Parts uploaded at once (default 2). A put buffers at most about partSize × (queueSize + 1). */
  queueSize?: number
  /** Keys per ListObjectsV2 page (default and maximum 1000). */
  listPageSize?: number
}

const MIB = 1024 * 1024

/**
 * An object store on any S3-compatible service, for the scaled shape.
 *
 * put streams through `@aws-sdk/lib-storage`'s `Upload`: the body is cut into parts as it arrives,
 * so memory holds a few parts, never the file; S3 makes the object visible only when the multipart
 * upload completes, and a failed put aborts it, leaving the previous object in place.
 */
export function createS3Store(options: S3StoreOptions): ObjectStore & { readonly client: S3Client } {
  const { bucket } = options
  const partSize = Math.max(options.partSize ?? 5 * MIB, 5 * MIB)
  const queueSize = Math.max(1, options.queueSize ?? 2)
  const listPageSize = Math.min(1000, Math.max(1, options.listPageSize ?? 1000))

  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
    // The SDK's default (since 3.729) adds CRC32 trailers with aws-chunked bodies, which many
    // S3-compatible services (and s3rver) do not understand. Checksums only where the API requires.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })

  const store: ObjectStore & { readonly client: S3Client } = {
    kind: 's3',
    client,

    async put(key, body, putOptions) {
      assertValidKey(key)
      const contentType = putOptions?.contentType ?? guessContentType(key)
      let size = 0
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length
          callback(null, chunk)
        },
      })
      // If the body fails (client went away), that error is the one to report, not the abort's.
      let bodyError: unknown
      const feeding = pipeline(body, counter).catch((error: unknown) => {
        bodyError = error
      })
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: key, Body: counter, ContentType: contentType },
        partSize,
        queueSize,
        leavePartsOnError: false,
      })
      try {
        await upload.done()
      } catch (error) {
        counter.destroy() // stops pipeline(), which destroys body too
        await feeding
        throw bodyError ?? error
      }
      await feeding
      if (bodyError) throw bodyError
      return { key, size, contentType }
    },

    async get(key, range) {
      assertValidKey(key)
      if (range) assertValidRange(range)
      let response
      try {
        response = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: key,
            Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined,
          }),
        )
      } catch (error) {
        if (errorName(error) === 'NoSuchKey') return null
        if (httpStatus(error) === 404 && errorName(error) !== 'NoSuchBucket') return null
        if (errorName(error) === 'InvalidRange' || httpStatus(error) === 416) {
          const size = Number((error as { ActualObjectSize?: string }).ActualObjectSize)
          throw new RangeNotSatisfiableError(key, range ?? { start: 0 }, Number.isFinite(size) ? size : undefined)
        }
        throw error
      }
      const raw = response.Body
      if (!(raw instanceof Readable)) throw new Error('S3 GetObject: expected a Node.js stream body')
      const served = parseContentRange(response.ContentRange)
      const size = served?.size ?? response.ContentLength ?? 0
      const object: StoredObject = {
        key,
        size,
        contentType: response.ContentType,
        lastModified: response.LastModified,
      }
      if (!range) return { body: raw, object }

      const want = { start: range.start, end: Math.min(range.end ?? Infinity, size - 1) }
      if (want.start >= size) {
        raw.destroy()
        throw new RangeNotSatisfiableError(key, range, size)
      }
      // Some S3-compatible servers ignore the Range (200, whole body) or over-serve it (s3rver answers
      // `bytes=0-0` with the whole object). Trim to what was asked rather than trust them.
      const from = served ? served.start : 0
      if (from > want.start) {
        raw.destroy()
        throw new Error(`S3 GetObject: asked for bytes from ${want.start}, server sent from ${from}`)
      }
      const sentEnd = served ? served.end : size - 1
      const body =
        from === want.start && sentEnd === want.end ? raw : sliceStream(raw, want.start - from, want.end - want.start + 1)
      return { body, object, range: want }
    },

    async head(key) {
      assertValidKey(key)
      try {
        const response = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
        return {
          key,
          size: response.ContentLength ?? 0,
          contentType: response.ContentType,
          lastModified: response.LastModified,
        }
      } catch (error) {
        if (errorName(error) === 'NotFound' || errorName(error) === 'NoSuchKey' || httpStatus(error) === 404) return null
        throw error
      }
    },

    async delete(key) {
      assertValidKey(key)
      // S3's DeleteObject already succeeds for a missing key.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
    },

    list(prefix) {
      assertValidPrefix(prefix)
      return listPages(client, bucket, prefix, listPageSize)
    },

    async check() {
      const key = `_health/${randomUUID()}`
      const probe = Buffer.from('ok')
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: probe, ContentType: 'text/plain' }),
      )
      try {
        const found = await store.head(key)
        if (found?.size !== probe.length) throw new Error(`S3 object store check: probe ${key} did not read back`)
      } finally {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
      }
    },
  }
  return store
}

async function* listPages(client: S3Client, bucket: string, prefix: string, pageSize: number) {
  let token: string | undefined
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix || undefined,
        MaxKeys: pageSize,
        ContinuationToken: token,
      }),
    )
    for (const item of page.Contents ?? []) {
      if (item.Key === undefined) continue
      yield { key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified } satisfies StoredObject
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
}

/** `bytes 0-9/100` → { start: 0, end: 9, size: 100 } */
function parseContentRange(header: string | undefined) {
  const match = header ? /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim()) : null
  if (!match) return undefined
  const [, start, end, size] = match
  return { start: Number(start), end: Number(end), size: size === '*' ? undefined : Number(size) }
}

/** Skips `skip` bytes, passes on `take`, then ends and releases the source. */
function sliceStream(source: Readable, skip: number, take: number): Readable {
  async function* slice() {
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        const part = chunk.subarray(Math.min(skip, chunk.length), Math.min(chunk.length, skip + take))
        skip = Math.max(0, skip - chunk.length)
        if (part.length > 0) {
          take -= part.length
          yield part
        }
        if (take <= 0) return
      }
    } finally {
      source.destroy()
    }
  }
  return Readable.from(slice(), { objectMode: false })
}

function errorName(error: unknown): string | undefined {
  if (error instanceof S3ServiceException) return error.name
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined
}

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode
}
