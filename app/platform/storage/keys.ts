import { InvalidObjectKeyError, type ByteRange } from './object-store'

/** Rules shared by every adapter, so a key valid on local disk is valid on S3 and back. */
const MAX_KEY_BYTES = 1024
const MAX_SEGMENT_BYTES = 255
// NUL and the other C0 controls, DEL: unsafe in file names and invisible in logs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

/** Throws {@link InvalidObjectKeyError} unless `key` is a safe slash-separated relative path. */
export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidObjectKeyError(String(key), 'empty')
  if (key.endsWith('/')) throw new InvalidObjectKeyError(key, 'ends with "/" (that names a folder, not an object)')
  checkPath(key, key)
}

/**
 * Throws unless `prefix` is a valid list prefix: '' (everything), or any leading part of a valid key,
 * e.g. `originals/`, `originals/教案`.
 */
export function assertValidPrefix(prefix: string): void {
  if (typeof prefix !== 'string') throw new InvalidObjectKeyError(String(prefix), 'not a string')
  if (prefix === '') return
  // Judge the prefix as the leading part of a key: `a/` is a whole folder, while the last segment of
  // `a/..` may still grow into a valid name such as `a/..x`.
  if (prefix.endsWith('/')) checkPath(prefix, prefix.slice(0, -1))
  else checkPath(prefix, prefix, { partialLast: true })
}

function checkPath(original: string, path: string, { partialLast = false } = {}): void {
  if (CONTROL.test(path)) throw new InvalidObjectKeyError(original, 'contains a control character (e.g. NUL)')
  if (path.includes('\\')) throw new InvalidObjectKeyError(original, 'contains a backslash')
  if (path.startsWith('/')) throw new InvalidObjectKeyError(original, 'is absolute')
  if (Buffer.byteLength(original, 'utf8') > MAX_KEY_BYTES) {
    throw new InvalidObjectKeyError(original, `longer than ${MAX_KEY_BYTES} UTF-8 bytes`)
  }
  const segments = path.split('/')
  for (const [i, segment] of segments.entries()) {
    const partial = partialLast && i === segments.length - 1
    if (segment === '' && !partial) throw new InvalidObjectKeyError(original, 'has an empty segment ("//")')
    if ((segment === '.' || segment === '..') && !partial) throw new InvalidObjectKeyError(original, `has a "${segment}" segment`)
    if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) {
      throw new InvalidObjectKeyError(original, `has a segment longer than ${MAX_SEGMENT_BYTES} UTF-8 bytes`)
    }
  }
}

/** Checks a range's own shape (not against a size): non-negative integers, end ≥ start. */
export function assertValidRange(range: ByteRange): void {
  const { start, end } = range
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`Range start must be an integer ≥ 0, got ${start}`)
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new RangeError(`Range end must be an integer ≥ start (${start}), got ${end}`)
  }
}

/** Orders keys by their UTF-8 bytes, as S3 does (JS string order differs above U+FFFF). */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  json: 'application/json',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  srt: 'application/x-subrip',
  brf: 'text/plain; charset=us-ascii',
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
}

/** The content type a key's extension implies, else `application/octet-stream`. */
export function guessContentType(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  if (dot <= 0) return 'application/octet-stream'
  return TYPES[name.slice(dot + 1).toLowerCase()] ?? 'application/octet-stream'
}
