import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { VisitFields } from '~/components/family/visit-fields'
import { CsrfInput, FormStatus, fieldErrorsOf } from '~/components/forms'
import { visitLessons } from '~/modules/learning/offline.server'
import { getOwnVisit, updateVisit } from '~/modules/learning/visits.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { familyTitle } from './students'

export const meta: MetaFunction = ({ matches }) => familyTitle(matches, 'family.visits.editTitle')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const visit = await getOwnVisit(web.rt.db, web.actor, args.params.visitId ?? '')
  return { visit, lessons: (await visitLessons(web.rt.db, web.actor)).map(({ id, title }) => ({ id, title })) }
})

export const action = formAction(async (args, form) => {
  const { rt, actor } = await requireActor(args)
  const values = { ...(formObject(form) as Record<string, string>), lessons: form.getAll('lessons').map(String) }
  try {
    await updateVisit(rt.db, actor, args.params.visitId ?? '', values)
    return redirect('/students/visits')
  } catch (error) {
    if (error instanceof AppError) return data({ ok: false as const, error: { message: error.userMessage, fields: error.options.fields }, values }, { status: error.status })
    throw error
  }
})

export default function EditVisit() {
  const { visit, lessons } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as (ActionResult & { values?: Record<string, string | string[]> }) | undefined
  const { t } = useTranslation()
  const kept = result && !result.ok ? result.values : undefined
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback)
  return (
    <section aria-labelledby="edit-visit-title">
      <h1 id="edit-visit-title">{t('family.visits.editTitle')}</h1>
      <FormStatus result={result} />
      <Form method="post" aria-labelledby="edit-visit-title">
        <CsrfInput />
        <VisitFields
          fixedStudent={visit.studentName}
          choices={{ students: [], lessons }}
          errors={fieldErrorsOf(result)}
          initial={{
            studentId: visit.studentId,
            visitedOn: str(kept?.visitedOn, visit.visitedOn),
            durationMinutes: str(kept?.durationMinutes, String(visit.durationMinutes)),
            taught: str(kept?.taught, visit.taught),
            notes: str(kept?.notes, visit.notes),
            lessons: Array.isArray(kept?.lessons) ? kept.lessons : visit.lessons.map((l) => l.resourceId),
          }}
        />
        <button type="submit">{t('family.visits.save')}</button>
      </Form>
      <p>
        <a href="/students/visits">{t('family.visits.list')}</a>
      </p>
    </section>
  )
}
