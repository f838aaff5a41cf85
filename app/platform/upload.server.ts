import { unstable_parseMultipartFormData, type ActionFunctionArgs } from '@remix-run/node'
import { csrfField, csrfIsValid } from './csrf.server'
import { AppError } from './errors'
import type { WebRequest } from './web.server'

const maxFieldBytes = 64 * 1024

/**
 * A form with one file that streams straight to `receive` (into the object store, a temporary file …)
 * instead of into memory. The CSRF field comes before the file in the form, so it is checked before a
 * byte is received; other small fields are kept. Without a file (or not multipart at all) the answer
 * is a 400 on the `file` field with `noFileKey`.
 */
export async function receiveUploadForm<T>(
  args: ActionFunctionArgs,
  web: WebRequest,
  noFileKey: string,
  receive: (file: { fileName: string; body: AsyncIterable<Uint8Array> }) => Promise<T>,
): Promise<{ received: T; fields: Map<string, string> }> {
  const noFile = () => new AppError(400, { key: noFileKey }, { fields: { file: { key: noFileKey } } })
  if (!(args.request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) throw noFile()
  const fields = new Map<string, string>()
  let received: { value: T } | null = null
  await unstable_parseMultipartFormData(args.request, async (part) => {
    if (!part.filename) {
      const chunks: Uint8Array[] = []
      let size = 0
      for await (const chunk of part.data) {
        size += chunk.length
        if (size > maxFieldBytes) throw new AppError(400, { key: 'errors.badRequest' })
        chunks.push(chunk)
      }
      fields.set(part.name, Buffer.concat(chunks).toString('utf8'))
      return undefined
    }
    if (!(await csrfIsValid(web.cookies, web.rt.config.sessionSecret, args.request, fields.get(csrfField) ?? null))) throw new AppError(403, { key: 'errors.csrf' })
    if (part.name !== 'file' || received) {
      for await (const _ of part.data) void _
      return undefined
    }
    received = { value: await receive({ fileName: part.filename, body: part.data }) }
    return undefined
  })
  const got = received as { value: T } | null
  if (!got) throw noFile()
  return { received: got.value, fields }
}
