import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus, fieldErrorsOf, useMessage } from '~/components/forms'
import { deleteStudentData } from '~/modules/learning/profiles-export.server'
import { requireProfileReader } from '~/modules/learning/profiles.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { familyTitle } from './students'

export const meta: MetaFunction = ({ matches }) => familyTitle(matches, 'family.data.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const { student, relation } = await requireProfileReader(web.rt.db, web.actor, args.params.studentId ?? '')
  return { student: { id: student.id, displayName: student.displayName }, back: relation === 'family' ? `/family/${student.id}` : `/students/${student.id}` }
})

export const action = formAction(async (args, form, web) => {
  const { rt, actor } = await requireActor(args)
  try {
    const counts = await deleteStudentData(rt.db, actor, args.params.studentId ?? '', formObject(form), { ip: web.ip })
    return { ok: true as const, message: { key: 'family.data.deleted', params: counts } }
  } catch (error) {
    if (error instanceof AppError) return data({ ok: false as const, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    throw error
  }
})

export default function DeleteStudentData() {
  const { student, back } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionResult | undefined
  const { t } = useTranslation()
  const message = useMessage()
  const error = message(fieldErrorsOf(result).confirm)
  return (
    <section aria-labelledby="delete-title">
      <h1 id="delete-title">{t('family.data.deleteTitle', { name: student.displayName })}</h1>
      <FormStatus result={result} />
      <p>{t('family.data.deleteIntro')}</p>
      <p>{t('family.data.keeps')}</p>
      {result?.ok ? null : (
        <Form method="post">
          <CsrfInput />
          <div className="field">
            <label>
              <input type="checkbox" name="confirm" value="yes" aria-invalid={error ? true : undefined} aria-describedby={error ? 'confirm-error' : undefined} /> {t('family.data.confirm')}
            </label>
            {error ? (
              <p id="confirm-error" className="field-error">
                {error}
              </p>
            ) : null}
          </div>
          <button type="submit" className="danger">
            {t('family.data.deleteButton')}
          </button>
        </Form>
      )}
      <p>
        <a href={back}>{t('family.data.back')}</a>
      </p>
    </section>
  )
}
