import { createVisit } from '~/modules/learning/visits.server'
import { AppError } from '~/platform/errors'
import { formAction, formObject, webRequest } from '~/platform/web.server'

/**
 * Where the offline visit form sends what it kept on the device. The client key makes a record
 * sent twice (a lost answer, two tabs) stored once; the answer says whether it was new. Always JSON.
 */
export const action = formAction(async (args, form) => {
  const { rt, actor } = await webRequest(args)
  if (!actor) return Response.json({ ok: false, error: { message: { key: 'errors.unauthorized' } } }, { status: 401 })
  const values = { ...(formObject(form) as Record<string, string>), lessons: form.getAll('lessons').map(String) }
  try {
    const { visit, created } = await createVisit(rt.db, actor, values)
    return Response.json({ ok: true, created, id: visit.id }, { status: created ? 201 : 200 })
  } catch (error) {
    if (error instanceof AppError) return Response.json({ ok: false, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    throw error
  }
})
