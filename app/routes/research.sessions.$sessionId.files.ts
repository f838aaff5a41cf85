import { data, type ActionFunctionArgs } from '@remix-run/node'
import { uploadAttachment } from '~/modules/research/sessions.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { receiveUploadForm } from '~/platform/upload.server'
import { requireActor } from '~/platform/web.server'

/**
 * A session's attachment streams from the multipart body into the object store, through the
 * library's type and size checks; the CSRF field comes before the file, so it is checked first.
 */
export async function action(args: ActionFunctionArgs) {
  const web = await requireActor(args)
  const sessionId = args.params.sessionId ?? ''
  try {
    const { received } = await receiveUploadForm(args, web, 'library.errors.noFile', (file) => uploadAttachment(web.rt, web.actor, sessionId, file))
    return data<ActionResult>({ ok: true, message: { key: 'research.session.uploaded', params: { name: received.fileName } } })
  } catch (error) {
    if (error instanceof AppError) return data<ActionResult>({ ok: false, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    throw error
  }
}
