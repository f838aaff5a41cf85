import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus, fieldErrorsOf } from '~/components/forms'
import { SessionTable } from '~/components/research/session-table'
import { createGroup, respondToInvitation } from '~/modules/research/groups.server'
import { getResearchHome } from '~/modules/research/overview.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { researchTitle } from './research'

export const meta: MetaFunction = ({ matches }) => researchTitle(matches, 'research.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return getResearchHome(web.rt.db, web.actor)
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args)
  const intent = form.get('intent')
  if (intent === 'respond') {
    const groupId = String(form.get('groupId') ?? '')
    const { status } = await respondToInvitation(web.rt.db, web.actor, groupId, { answer: form.get('answer') })
    if (status === 'active') return redirect(`/research/groups/${groupId}`)
    return data<ActionResult>({ ok: true, message: { key: 'research.invitation.declined' } })
  }
  const values = formObject(form) as Record<string, string>
  try {
    const group = await createGroup(web.rt.db, web.actor, values)
    return redirect(`/research/groups/${group.id}`)
  } catch (error) {
    if (error instanceof AppError) return data({ ok: false as const, error: { message: error.userMessage, fields: error.options.fields }, values }, { status: error.status })
    throw error
  }
})

export default function ResearchHome() {
  const { t } = useTranslation()
  const { groups, invitations, upcoming, published, canCreate, schools, leaders } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as (ActionResult & { values?: Record<string, string> }) | undefined
  const errors = fieldErrorsOf(result)
  const values = result && 'values' in result ? (result.values ?? {}) : {}
  const busy = useNavigation().state === 'submitting'
  return (
    <section aria-labelledby="research-title" className="research-page">
      <h1 id="research-title">{t('research.title')}</h1>
      <p>{t('research.intro')}</p>
      <FormStatus result={result} />

      {invitations.length ? (
        <section aria-labelledby="invitations-title">
          <h2 id="invitations-title">{t('research.home.invitations')}</h2>
          <ul className="research-cards">
            {invitations.map((g) => (
              <li key={g.id} className="research-card">
                <h3>{g.name}</h3>
                <p>{t('research.invitation.summary', { leader: g.leader.displayName, level: t(`research.levels.${g.level}`) })}</p>
                {g.description ? <p>{g.description}</p> : null}
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="respond" />
                  <input type="hidden" name="groupId" value={g.id} />
                  <button type="submit" name="answer" value="accept" aria-label={t('research.invitation.acceptNamed', { name: g.name })}>
                    {t('research.invitation.accept')}
                  </button>{' '}
                  <button type="submit" name="answer" value="decline" className="secondary" aria-label={t('research.invitation.declineNamed', { name: g.name })}>
                    {t('research.invitation.decline')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="groups-title">
        <h2 id="groups-title">{t('research.home.groups')}</h2>
        {groups.length === 0 ? (
          <p>{t('research.home.noGroups')}</p>
        ) : (
          <ul className="research-cards">
            {groups.map((g) => (
              <li key={g.id} className="research-card">
                <h3>
                  <Link to={`/research/groups/${g.id}`}>{g.name}</Link>
                </h3>
                <p>
                  {t(`research.levels.${g.level}`)}
                  {g.schoolName ? ` · ${g.schoolName}` : ''} · {t('research.group.leaderIs', { name: g.leader.displayName })} · {t('research.group.memberCount', { count: g.memberCount })}
                  {g.archived ? ` · ${t('research.group.archived')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('research.home.upcoming')}</h2>
        <SessionTable sessions={upcoming} caption={t('research.home.upcomingCaption')} showGroup empty={t('research.home.noUpcoming')} />
        <p>
          <Link to="/research/calendar">{t('research.home.toCalendar')}</Link>
        </p>
      </section>

      <section aria-labelledby="published-title">
        <h2 id="published-title">{t('research.home.published')}</h2>
        <p>{t('research.home.publishedIntro')}</p>
        <SessionTable sessions={published} caption={t('research.home.publishedCaption')} showGroup empty={t('research.home.noPublished')} />
      </section>

      {canCreate ? (
        <section aria-labelledby="create-title">
          <h2 id="create-title">{t('research.create.title')}</h2>
          <Form method="post" aria-labelledby="create-title" key={JSON.stringify(values)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="create" />
            <Field label={t('research.group.name')} name="name" errors={errors} required defaultValue={values.name} />
            <Field label={t('research.group.description')} name="description" errors={errors} defaultValue={values.description}>
              {(props) => <textarea {...props} rows={3} defaultValue={values.description} />}
            </Field>
            <Field label={t('research.group.school')} name="schoolId" errors={errors} hint={t('research.group.schoolHint')}>
              {(props) => (
                <select {...props} defaultValue={values.schoolId ?? ''}>
                  <option value="">{t('research.group.districtLevel')}</option>
                  {schools.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {leaders.length ? (
              <Field label={t('research.group.leader')} name="leaderId" errors={errors} required hint={t('research.group.leaderHint')}>
                {(props) => (
                  <select {...props} defaultValue={values.leaderId ?? ''}>
                    <option value="">{t('research.group.chooseLeader')}</option>
                    {leaders.map((u) => (
                      <option key={u.id} value={u.id}>
                        {t('research.group.withAccount', { name: u.displayName, detail: t(`roles.${u.role}`) })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            <button type="submit" disabled={busy}>
              {t('research.create.submit')}
            </button>
          </Form>
        </section>
      ) : null}
    </section>
  )
}
