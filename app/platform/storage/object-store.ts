import type { Readable } from 'node:stream'

/**
 * A byte range, both ends inclusive, as in an HTTP Range header.
 * `end` past the last byte is clamped to it (as HTTP does); `start` at or past the end of the
 * object rejects with {@link RangeNotSatisfiableError}; a negative or non-integer bound, or
 * `end < start`, rejects with a plain `RangeError`.
 */
export interface ByteRange {
  start: number
  end?: number
}

export interface StoredObject {
  key: string
  /** Size of the whole object in bytes, also when only a range of it is read. */
  size: number
  /**
   * The type given to `put`, else one derived from the key's extension, else
   * `application/octet-stream`. Not filled in by `list` (S3 listings do not carry it).
   */
  contentType?: string
  lastModified?: Date
}

/**
 * Where files live: local disk on the embedded default, any S3-compatible store when scaled.
 * Every method streams; none may hold a whole file in memory.
 *
 * Keys are slash-separated relative paths (`originals/<id>/教案 第1课.pdf`): no empty, `.` or `..`
 * segment, no leading or trailing slash, no backslash or control character, at most 1024 UTF-8
 * bytes in all and 255 per segment. Every adapter enforces the same rule, so a key that works on
 * one works on the other; anything else rejects with {@link InvalidObjectKeyError}.
 */
export interface ObjectStore {
  readonly kind: 'local' | 's3'
  /**
   * Streams `body` to `key`, replacing what was there. All or nothing: until it resolves readers see
   * the previous object (or none); if it rejects (e.g. `body` errors) the previous object is intact.
   */
  put(key: string, body: Readable, options?: { contentType?: string }): Promise<StoredObject>
  /**
   * Resolves to null when the key does not exist. `range` is the range actually served (with `end`
   * clamped), present when one was asked for. The caller must consume or destroy `body`.
   */
  get(
    key: string,
    range?: ByteRange,
  ): Promise<{ body: Readable; object: StoredObject; range?: { start: number; end: number } } | null>
  /** Resolves to null when the key does not exist. */
  head(key: string): Promise<StoredObject | null>
  /** Idempotent: deleting a missing key resolves. */
  delete(key: string): Promise<void>
  /**
   * Every object whose key starts with `prefix` (plain string prefix, so nested keys are included),
   * in ascending order of the keys' UTF-8 bytes, as S3 lists them. Fetched lazily, page by page.
   */
  list(prefix: string): AsyncIterable<StoredObject>
  /** A cheap round trip that proves the store is reachable and writable, for /healthz. */
  check(): Promise<void>
}

/** A key (or list prefix) that breaks the key rules above. Maps to HTTP 400. */
export class InvalidObjectKeyError extends Error {
  override readonly name = 'InvalidObjectKeyError'
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`Invalid object key ${JSON.stringify(key)}: ${reason}`)
  }
}

/** A range that starts at or past the end of the object. Maps to HTTP 416 (give `size` in Content-Range). */
export class RangeNotSatisfiableError extends Error {
  override readonly name = 'RangeNotSatisfiableError'
  constructor(
    readonly key: string,
    readonly range: ByteRange,
    /** The object's size when the store reported it. */
    readonly size?: number,
  ) {
    super(
      `Range ${range.start}-${range.end ?? ''} is not satisfiable for ${JSON.stringify(key)}` +
        (size === undefined ? '' : ` (size ${size})`),
    )
  }
}
