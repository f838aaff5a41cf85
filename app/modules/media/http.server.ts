import { Readable } from 'node:stream'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { z } from 'zod'
import { AppError, notFound } from '~/platform/errors'
import { translateAll } from '~/platform/i18n'
import { RangeNotSatisfiableError } from '~/platform/storage/object-store'

/** An id from the URL: anything but a UUID is simply not found (and never reaches the database). */
export function parseId(value: unknown): string {
  const parsed = z.uuid().safeParse(value)
  if (!parsed.success) throw notFound('media.errors.notFound')
  return parsed.data
}

/** A stored object (or a part of it) as an HTTP response that streams. */
export function streamResponse(
  got: { body: Readable; object: { size?: number; contentType?: string }; range?: { start: number; end: number } },
  options: { cache: string; disposition?: string },
) {
  const headers: Record<string, string> = {
    'Content-Type': got.object.contentType ?? 'application/octet-stream',
    'Cache-Control': options.cache,
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
  }
  if (options.disposition) headers['Content-Disposition'] = options.disposition
  if (got.range && got.object.size !== undefined) {
    headers['Content-Range'] = `bytes ${got.range.start}-${got.range.end}/${got.object.size}`
    headers['Content-Length'] = String(got.range.end - got.range.start + 1)
  } else if (got.object.size !== undefined) headers['Content-Length'] = String(got.object.size)
  return new Response(createReadableStreamFromReadable(got.body), { status: got.range ? 206 : 200, headers })
}

/** Media resource routes answer a module error with its status and message, never a 500. */
export function withMediaErrors<A>(loader: (args: A) => Promise<Response>) {
  return async (args: A) => {
    try {
      return await loader(args)
    } catch (error) {
      if (error instanceof RangeNotSatisfiableError) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${error.size ?? '*'}` } })
      if (error instanceof AppError) {
        return Response.json({ error: { code: error.code, message: error.userMessage, text: translateAll(error.userMessage.key, error.userMessage.params) } }, { status: error.status })
      }
      throw error
    }
  }
}
