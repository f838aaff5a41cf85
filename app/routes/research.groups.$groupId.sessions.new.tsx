import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormStatus, fieldErrorsOf } from '~/components/forms'
import { SessionForm, sessionFormValues, type SessionFormValues } from '~/components/research/session-form'
import { membersOf, requireGroupLeader, requireOpenGroup } from '~/modules/research/groups.server'
import { createSession } from '~/modules/research/sessions.server'
import { addDays, shanghaiDay } from '~/modules/research/time'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'
import { researchTitle } from './research'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => researchTitle(matches, 'research.session.scheduleTitle', undefined, data?.group.name)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const group = await requireGroupLeader(web.rt.db, web.actor, args.params.groupId ?? '')
  requireOpenGroup(group)
  const members = (await membersOf(web.rt.db, group.id)).filter((m) => m.status === 'active')
  return { group: { id: group.id, name: group.name }, members, tomorrow: addDays(shanghaiDay(new Date()), 1) }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args)
  const values = sessionFormValues(form)
  try {
    const session = await createSession(web.rt.db, web.actor, args.params.groupId ?? '', values)
    return redirect(`/research/sessions/${session.id}?scheduled=1`)
  } catch (error) {
    if (error instanceof AppError) return data({ ok: false as const, error: { message: error.userMessage, fields: error.options.fields }, values }, { status: error.status })
    throw error
  }
})

export default function ScheduleSession() {
  const { t } = useTranslation()
  const { group, members, tomorrow } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as (ActionResult & { values?: SessionFormValues }) | undefined
  const initial: SessionFormValues = result?.values ?? { kind: 'topic', title: '', date: tomorrow, startTime: '14:00', endTime: '16:00', place: '', onlineUrl: '', agenda: '', inviteeIds: [] }
  return (
    <section aria-labelledby="schedule-title" className="research-page">
      <p>
        <Link to={`/research/groups/${group.id}`}>{t('research.session.backToGroup', { name: group.name })}</Link>
      </p>
      <h1 id="schedule-title">{t('research.session.scheduleTitle')}</h1>
      <FormStatus result={result} />
      <SessionForm key={JSON.stringify(result?.values ?? {})} initial={initial} errors={fieldErrorsOf(result)} members={members} submitLabel={t('research.session.scheduleSubmit')} />
    </section>
  )
}
