import { data, unstable_parseMultipartFormData, type ActionFunctionArgs } from '@remix-run/node'
import { removeFile, uploadFile } from '~/modules/library/files.server'
import { csrfField, csrfIsValid } from '~/platform/csrf.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { formAction, requireActor } from '~/platform/web.server'
import { parseResourceId } from './library'

/**
 * Uploads stream from the multipart body straight into the object store (the CSRF field comes
 * before the file in the form, so it is checked before a byte is stored); removal is a plain post.
 */
export async function action(args: ActionFunctionArgs) {
  if (!(args.request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return removeAction(args)
  const web = await requireActor(args, 'author:resource')
  const resourceId = parseResourceId(args.params.id)
  const fields = new Map<string, string>()
  let uploaded: { fileName: string } | null = null
  try {
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
      uploaded = await uploadFile(web.rt, web.actor, resourceId, { fileName: part.filename, body: part.data })
      return uploaded.fileName
    })
    if (!uploaded) throw new AppError(400, { key: 'library.errors.noFile' }, { fields: { file: { key: 'library.errors.noFile' } } })
    return data<ActionResult>({ ok: true, message: { key: 'library.form.uploaded', params: { name: (uploaded as { fileName: string }).fileName } } })
  } catch (error) {
    if (error instanceof AppError) return data<ActionResult>({ ok: false, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    throw error
  }
}

const removeAction = formAction(async (args, form) => {
  const web = await requireActor(args, 'author:resource')
  const fileId = form.get('fileId')
  await removeFile(web.rt.db, web.actor, parseResourceId(args.params.id), parseResourceId(fileId))
  return data<ActionResult>({ ok: true, message: { key: 'library.form.removed' } })
})
