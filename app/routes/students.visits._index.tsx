import { randomUUID } from 'node:crypto'
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { VisitsTable } from '~/components/family/panels'
import { VisitFields } from '~/components/family/visit-fields'
import { CsrfInput, FormStatus, fieldErrorsOf } from '~/components/forms'
import { today } from '~/modules/learning/assignments.server'
import { studentsOfTeacher } from '~/modules/learning/family.server'
import { visitLessons } from '~/modules/learning/offline.server'
import { createVisit, visitsOfTeacher } from '~/modules/learning/visits.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { familyTitle } from './students'

export const meta: MetaFunction = ({ matches }) => familyTitle(matches, 'family.visits.mine')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const visits = await visitsOfTeacher(web.rt.db, web.actor)
  const students = (await studentsOfTeacher(web.rt.db, web.actor)).flatMap((c) => c.students)
  const unique = [...new Map(students.map((s) => [s.id, s])).values()]
  return {
    visits,
    choices: { students: unique, lessons: (await visitLessons(web.rt.db, web.actor)).map(({ id, title }) => ({ id, title })) },
    preselected: new URL(args.request.url).searchParams.get('student') ?? '',
    today: today(),
    // A fresh key per form: a post sent twice (double click, retry) is stored once.
    clientKey: randomUUID(),
  }
})

export const action = formAction(async (args, form) => {
  const { rt, actor } = await requireActor(args)
  const values = { ...(formObject(form) as Record<string, string>), lessons: form.getAll('lessons').map(String) }
  try {
    await createVisit(rt.db, actor, values)
    return { ok: true as const, message: { key: 'family.visits.saved' } }
  } catch (error) {
    if (error instanceof AppError) return data({ ok: false as const, error: { message: error.userMessage, fields: error.options.fields }, values }, { status: error.status })
    throw error
  }
})

export default function MyVisits() {
  const { visits, choices, preselected, today, clientKey } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as (ActionResult & { values?: Record<string, string | string[]> }) | undefined
  const { t } = useTranslation()
  const kept = result && !result.ok ? result.values : undefined
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback)
  return (
    <section aria-labelledby="visits-title">
      <h1 id="visits-title">{t('family.visits.mine')}</h1>
      <p>{t('family.visits.intro')}</p>
      <p>
        <a href="/students/visits/offline">{t('family.visits.offlineForm')}</a>
      </p>
      <VisitsTable visits={visits} showStudent captionKey="family.visits.mine" />
      <h2 id="new-visit-title">{t('family.visits.newTitle')}</h2>
      <FormStatus result={result} />
      {choices.students.length === 0 ? (
        <p>{t('family.visits.noStudents')}</p>
      ) : (
        <Form method="post" aria-labelledby="new-visit-title" key={result?.ok ? clientKey : 'form'}>
          <CsrfInput />
          <input type="hidden" name="clientKey" value={clientKey} />
          <VisitFields
            choices={choices}
            errors={fieldErrorsOf(result)}
            initial={{
              studentId: str(kept?.studentId, preselected),
              visitedOn: str(kept?.visitedOn, today),
              durationMinutes: str(kept?.durationMinutes, ''),
              taught: str(kept?.taught, ''),
              notes: str(kept?.notes, ''),
              lessons: Array.isArray(kept?.lessons) ? kept.lessons : [],
            }}
          />
          <button type="submit">{t('family.visits.save')}</button>
        </Form>
      )}
    </section>
  )
}
