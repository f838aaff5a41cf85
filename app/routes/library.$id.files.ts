import { data, type ActionFunctionArgs } from '@remix-run/node'
import { removeFile, uploadFile } from '~/modules/library/files.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { receiveUploadForm } from '~/platform/upload.server'
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
  try {
    const { received } = await receiveUploadForm(args, web, 'library.errors.noFile', (file) => uploadFile(web.rt, web.actor, resourceId, file))
    return data<ActionResult>({ ok: true, message: { key: 'library.form.uploaded', params: { name: received.fileName } } })
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
