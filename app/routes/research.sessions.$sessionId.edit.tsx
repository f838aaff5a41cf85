import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus, fieldErrorsOf } from '~/components/forms'
import { SessionForm, sessionFormValues, type SessionFormValues } from '~/components/research/session-form'
import { membersOf } from '~/modules/research/groups.server'
import { cancelSession, getSession, updateSession } from '~/modules/research/sessions.server'
import { AppError, forbidden, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'
import { researchTitle } from './research'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => researchTitle(matches, 'research.session.editTitle', undefined, data?.session.title)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const session = await getSession(web.rt.db, web.actor, args.params.sessionId ?? '')
  if (!session.can.edit) throw forbidden()
  const members = (await membersOf(web.rt.db, session.group.id)).filter((m) => m.status === 'active')
  return { session, members }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args)
  const id = args.params.sessionId ?? ''
  if (form.get('intent') === 'cancel') {
    await cancelSession(web.rt.db, web.actor, id)
    return redirect(`/research/sessions/${id}`)
  }
  const values = sessionFormValues(form)
  try {
    await updateSession(web.rt.db, web.actor, id, values)
    return redirect(`/research/sessions/${id}`)
  } catch (error) {
    if (error instanceof AppError) return data({ ok: false as const, error: { message: error.userMessage, fields: error.options.fields }, values }, { status: error.status })
    throw error
  }
})

export default function EditSession() {
  const { t } = useTranslation()
  const { session, members } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as (ActionResult & { values?: SessionFormValues }) | undefined
  const saved: SessionFormValues = {
    kind: session.kind,
    title: session.title,
    date: session.day,
    startTime: session.startTime,
    endTime: session.endTime,
    place: session.place,
    onlineUrl: session.onlineUrl,
    agenda: session.agenda,
    inviteeIds: session.allMembers ? [] : (session.invitees ?? []).map((i) => i.userId),
  }
  return (
    <section aria-labelledby="edit-title" className="research-page">
      <p>
        <Link to={`/research/sessions/${session.id}`}>{t('research.session.backToSession', { title: session.title })}</Link>
      </p>
      <h1 id="edit-title">{t('research.session.editTitle')}</h1>
      <FormStatus result={result} />
      <SessionForm key={JSON.stringify(result?.values ?? {})} initial={result?.values ?? saved} errors={fieldErrorsOf(result)} members={members} submitLabel={t('research.session.editSubmit')} />
      <section aria-labelledby="cancel-title">
        <h2 id="cancel-title">{t('research.session.cancel')}</h2>
        <p>{t('research.session.cancelHint')}</p>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="danger">
            {t('research.session.cancel')}
          </button>
        </Form>
      </section>
    </section>
  )
}
