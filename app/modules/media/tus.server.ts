import { Readable } from 'node:stream'
import type { Actor } from '~/modules/accounts/actor'
import { AppError } from '~/platform/errors'
import { translateAll } from '~/platform/i18n'
import { mediaUrls } from './keys'
import { appendToUpload, createUpload, maxUploadBytes, parseTusMetadata, terminateUpload, uploadStatus, type UploadDeps } from './uploads.server'

/**
 * The tus 1.0.0 resumable-upload protocol (core + creation + termination) over the upload module.
 * Requests from other sites cannot reach it: the Tus-Resumable header forces a CORS preflight, which
 * is never granted, and a foreign Origin is refused outright.
 */
const tusVersion = '1.0.0'
const tusHeaders = { 'Tus-Resumable': tusVersion, 'Cache-Control': 'no-store' }

function reply(status: number, headers: Record<string, string> = {}, body?: string) {
  return new Response(body ?? null, { status, headers: { ...tusHeaders, ...headers, ...(body ? { 'Content-Type': 'application/json; charset=utf-8' } : {}) } })
}

function errorReply(error: AppError) {
  // tus clients show the body as text; the page shows the message in the user's language.
  return reply(error.status, {}, JSON.stringify({ error: { code: error.code, message: error.userMessage, text: translateAll(error.userMessage.key, error.userMessage.params) } }))
}

export async function handleTus(request: Request, actor: Actor | null, deps: UploadDeps, uploadId?: string): Promise<Response> {
  if (request.method === 'OPTIONS') {
    return reply(204, { 'Tus-Version': tusVersion, 'Tus-Extension': 'creation,termination', 'Tus-Max-Size': String(maxUploadBytes) })
  }
  if (request.headers.get('Tus-Resumable') !== tusVersion) {
    return reply(412, { 'Tus-Version': tusVersion }, JSON.stringify({ error: { code: 'media.errors.tusVersion', message: { key: 'media.errors.tusVersion' } } }))
  }
  const origin = request.headers.get('Origin')
  if (origin && origin !== new URL(request.url).origin) return reply(403)
  if (!actor) return reply(401)
  try {
    if (!uploadId) {
      if (request.method !== 'POST') return reply(405, { Allow: 'POST, OPTIONS' })
      const length = Number(request.headers.get('Upload-Length'))
      const created = await createUpload(deps, actor, { length, metadata: parseTusMetadata(request.headers.get('Upload-Metadata')) })
      return reply(201, { Location: `${mediaUrls.uploads}/${created.uploadId}`, 'Upload-Offset': '0', 'X-Asset-Id': created.assetId })
    }
    switch (request.method) {
      case 'HEAD': {
        const status = await uploadStatus(deps.db, actor, uploadId)
        return reply(200, { 'Upload-Offset': String(status.offset), 'Upload-Length': String(status.length), 'X-Asset-Id': status.assetId })
      }
      case 'PATCH': {
        if (request.headers.get('Content-Type') !== 'application/offset+octet-stream') throw new AppError(415, { key: 'media.errors.contentType' })
        const offset = Number(request.headers.get('Upload-Offset'))
        if (!Number.isSafeInteger(offset) || offset < 0) throw new AppError(400, { key: 'media.errors.contentType' })
        const body = request.body ? keepingWhatArrived(request.body) : Readable.from([])
        const result = await appendToUpload(deps, actor, uploadId, offset, body)
        return reply(204, { 'Upload-Offset': String(result.offset) })
      }
      case 'DELETE':
        await terminateUpload(deps, actor, uploadId)
        return reply(204)
      default:
        return reply(405, { Allow: 'HEAD, PATCH, DELETE, OPTIONS' })
    }
  } catch (error) {
    if (error instanceof AppError) return errorReply(error)
    throw error
  }
}

/**
 * A request body as a Node stream that ends, rather than fails, when the connection drops: the
 * bytes that arrived before the cut are good and are kept (Readable.fromWeb would discard them).
 * One read at a time, so the client is slowed to the speed the store takes the bytes.
 */
function keepingWhatArrived(body: ReadableStream<Uint8Array>): Readable {
  const reader = body.getReader()
  return new Readable({
    async read() {
      try {
        const { done, value } = await reader.read()
        this.push(done ? null : value)
      } catch {
        this.push(null)
      }
    },
    destroy(error, callback) {
      reader.cancel().catch(() => {})
      callback(error)
    },
  })
}
