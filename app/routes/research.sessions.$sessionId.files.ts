import { data, unstable_parseMultipartFormData, type ActionFunctionArgs } from '@remix-run/node'
import { uploadAttachment } from '~/modules/research/sessions.server'
import { csrfField, csrfIsValid } from '~/platform/csrf.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { requireActor } from '~/platform/web.server'

/**
 * A session's attachment streams from the multipart body into the object store, through the
 * library's type and size checks; the CSRF field comes before the file, so it is checked first.
 */
export async function action(args: ActionFunctionArgs) {
  const web = await requireActor(args)
  const sessionId = args.params.sessionId ?? ''
  const fields = new Map<string, string>()
  let uploaded: { fileName: string } | null = null
  try {
    if (!(args.request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) throw new AppError(400, { key: 'library.errors.noFile' }, { fields: { file: { key: 'library.errors.noFile' } } })
    await unstable_parseMultipartFormData(args.request, async (part) => {
      if (!part.filename) {
        const chunks: Uint8Array[] = []
        let size = 0
        for await (const chunk of part.data) {
          size += chunk.length
          if (size > 64 * 1024) throw new AppError(400, { key: 'errors.badRequest' })
          chunks.push(chunk)
        }
        const value = Buffer.concat(chunks).toString('utf8')
        fields.set(part.name, value)
        return value
      }
      if (!(await csrfIsValid(web.cookies, web.rt.config.sessionSecret, args.request, fields.get(csrfField) ?? null))) throw new AppError(403, { key: 'errors.csrf' })
      if (part.name !== 'file' || uploaded) {
        for await (const _ of part.data) void _
        return undefined
      }
      uploaded = await uploadAttachment(web.rt, web.actor, sessionId, { fileName: part.filename, body: part.data })
      return uploaded.fileName
    })
    if (!uploaded) throw new AppError(400, { key: 'library.errors.noFile' }, { fields: { file: { key: 'library.errors.noFile' } } })
    return data<ActionResult>({ ok: true, message: { key: 'research.session.uploaded', params: { name: (uploaded as { fileName: string }).fileName } } })
  } catch (error) {
    if (error instanceof AppError) return data<ActionResult>({ ok: false, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    throw error
  }
}
