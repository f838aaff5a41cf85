import { convertText } from '~/modules/braille/service.server'
import { contentDisposition } from '~/modules/library/files.server'
import { translateAll } from '~/platform/i18n'
import { AppError } from '~/platform/errors'
import { formAction, formObject, requireActor } from '~/platform/web.server'

/** BRF for embossers, from the text the braille page previewed. */
export const action = formAction(async (args, form, web) => {
  await requireActor(args)
  try {
    const { brf } = convertText({ ...formObject(form), format: 'brf' })
    return new Response(brf, {
      headers: { 'Content-Type': 'text/plain; charset=us-ascii', 'Content-Disposition': contentDisposition('attachment', '盲文.brf') },
    })
  } catch (error) {
    // Only reachable by a hand-made post (the page offers the download after a good preview): say why in plain text.
    if (error instanceof AppError) return new Response(translateAll(error.userMessage.key, error.userMessage.params)[web.locale], { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    throw error
  }
})
