import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus, fieldErrorsOf } from '~/components/forms'
import { TopicProgressPanel } from '~/components/research/progress'
import { SessionTable } from '~/components/research/session-table'
import { inviteMembers, removeMember, respondToInvitation, setGroupArchived, transferLeadership, updateGroup } from '~/modules/research/groups.server'
import { markReadByLink } from '~/modules/notifications/index.server'
import { getGroupOverview } from '~/modules/research/overview.server'
import { listStudies } from '~/modules/research/studies.server'
import type { ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'
import { researchTitle } from './research'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  researchTitle(matches, data?.kind === 'invitation' ? 'research.invitation.title' : 'research.group.pageTitle', undefined, data?.kind === 'group' ? data.group.name : data?.invitation.name)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const overview = await getGroupOverview(web.rt.db, web.actor, args.params.groupId ?? '')
  // Opening the group reads the notifications that led here (the invitation, a new leadership).
  await markReadByLink(web.rt.db, web.actor, [`/research/groups/${overview.kind === 'group' ? overview.group.id : overview.invitation.id}`])
  // The group's lesson studies (docs/decisions/008); an invitee sees none until they accept.
  const studies = overview.kind === 'group' ? await listStudies(web.rt.db, web.actor, { groupId: overview.group.id }) : []
  return { ...overview, studies }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args)
  const groupId = args.params.groupId ?? ''
  const db = web.rt.db
  const ok = (key: string, params?: Record<string, string | number>) => data<ActionResult>({ ok: true, message: { key, params } })
  switch (form.get('intent')) {
    case 'respond': {
      const { status } = await respondToInvitation(db, web.actor, groupId, { answer: form.get('answer') })
      if (status === 'declined') return redirect('/research')
      return ok('research.invitation.accepted')
    }
    case 'invite': {
      const { invited } = await inviteMembers(db, web.actor, groupId, { userIds: form.getAll('userIds').map(String) })
      return ok('research.group.invited', { count: invited.length })
    }
    case 'remove':
      await removeMember(db, web.actor, groupId, String(form.get('userId') ?? ''))
      return ok('research.group.removed')
    case 'leave':
      await removeMember(db, web.actor, groupId, web.actor.id)
      return redirect('/research')
    case 'transfer':
      await transferLeadership(db, web.actor, groupId, { userId: form.get('userId') ?? '' })
      return ok('research.group.transferred')
    case 'update':
      await updateGroup(db, web.actor, groupId, { name: form.get('name'), description: form.get('description') })
      return ok('common.saved')
    case 'archive':
    case 'unarchive':
      await setGroupArchived(db, web.actor, groupId, form.get('intent') === 'archive')
      return ok(form.get('intent') === 'archive' ? 'research.group.archivedDone' : 'research.group.unarchivedDone')
    default:
      return data<ActionResult>({ ok: false, error: { message: { key: 'errors.badRequest' } } }, { status: 400 })
  }
})

export default function GroupPage() {
  const loaded = useLoaderData<typeof loader>()
  return loaded.kind === 'invitation' ? <Invitation invitation={loaded.invitation} /> : <Group overview={loaded} />
}

function Invitation({ invitation }: { invitation: Extract<Awaited<ReturnType<typeof loader>>, { kind: 'invitation' }>['invitation'] }) {
  const { t } = useTranslation()
  const result = useActionData<typeof action>()
  return (
    <section aria-labelledby="invitation-title" className="research-page">
      <h1 id="invitation-title">{t('research.invitation.title')}</h1>
      <FormStatus result={result} />
      <h2>{invitation.name}</h2>
      <p>{t('research.invitation.summary', { leader: invitation.leaderName, level: t(`research.levels.${invitation.level}`) })}</p>
      {invitation.inviterName ? <p>{t('research.invitation.from', { name: invitation.inviterName })}</p> : null}
      {invitation.description ? <p>{invitation.description}</p> : null}
      <Form method="post" className="inline-form">
        <CsrfInput />
        <input type="hidden" name="intent" value="respond" />
        <button type="submit" name="answer" value="accept">
          {t('research.invitation.accept')}
        </button>{' '}
        <button type="submit" name="answer" value="decline" className="secondary">
          {t('research.invitation.decline')}
        </button>
      </Form>
    </section>
  )
}

type Overview = Extract<Awaited<ReturnType<typeof loader>>, { kind: 'group' }>

function Group({ overview }: { overview: Overview }) {
  const { t } = useTranslation()
  const result = useActionData<typeof action>()
  const errors = fieldErrorsOf(result)
  const { group, members, candidates, upcoming, past, progress, can } = overview
  const active = members.filter((m) => m.status === 'active')
  return (
    <section aria-labelledby="group-title" className="research-page">
      <h1 id="group-title">{group.name}</h1>
      <p>
        {t(`research.levels.${group.level}`)}
        {group.schoolName ? ` · ${group.schoolName}` : ''} · {t('research.group.leaderIs', { name: group.leader.displayName })}
      </p>
      {group.description ? <p className="group-description">{group.description}</p> : null}
      {group.archived ? (
        <p className="notice" role="note">
          {t('research.group.archivedNotice')}
        </p>
      ) : null}
      {group.myRole === null ? <p className="notice">{t('research.group.adminReadOnly')}</p> : null}
      <FormStatus result={result} />

      <TopicProgressPanel progress={progress} />

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('research.group.sessions')}</h2>
        <ul className="actions-row">
          {can.schedule ? (
            <li>
              <Link to={`/research/groups/${group.id}/sessions/new`} className="button">
                {t('research.session.scheduleTitle')}
              </Link>
            </li>
          ) : null}
          <li>
            <Link to={`/research/groups/${group.id}/calendar`}>{t('research.calendar.groupLink')}</Link>
          </li>
          <li>
            <a href={`/research/groups/${group.id}/calendar.ics`} download>
              {t('research.calendar.download')}
            </a>
          </li>
        </ul>
        <SessionTable sessions={upcoming} caption={t('research.group.upcoming')} empty={t('research.group.noUpcoming')} />
        <SessionTable sessions={past} caption={t('research.group.past')} empty={t('research.group.noPast')} />
      </section>

      <section aria-labelledby="group-studies-title">
        <h2 id="group-studies-title">{t('studies.groupSection')}</h2>
        {group.myRole !== null && !group.archived ? (
          <ul className="actions-row">
            <li>
              <Link to={`/research/studies/new?group=${group.id}`} className="button">
                {t('studies.newStudy')}
              </Link>
            </li>
          </ul>
        ) : null}
        {overview.studies.length ? (
          <ul>
            {overview.studies.map((s) => (
              <li key={s.id}>
                <Link to={`/research/studies/${s.id}`}>{s.title}</Link> · {t(`studies.status.${s.status}`)} · {t('studies.teacherIs', { name: s.teacher })} · {t('studies.roundsCount', { count: s.rounds })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('studies.groupNone')}</p>
        )}
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('research.group.members')}</h2>
        <table className="research-table">
          <caption>{t('research.group.memberCount', { count: active.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('research.columns.name')}</th>
              <th scope="col">{t('research.columns.role')}</th>
              <th scope="col">{t('research.columns.school')}</th>
              <th scope="col">{t('research.columns.status')}</th>
              {can.manage ? <th scope="col">{t('research.columns.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.displayName}</th>
                <td>
                  {t('research.group.withAccount', { name: t(`research.memberRole.${m.role}`), detail: t(`roles.${m.userRole}`) })}
                </td>
                <td>{m.schoolName ?? '—'}</td>
                <td>{t(`research.memberStatus.${m.status}`)}</td>
                {can.manage ? (
                  <td>
                    {m.role !== 'leader' ? (
                      <Form method="post" className="inline-form">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <button type="submit" className="secondary">
                          {t(m.status === 'invited' ? 'research.group.withdrawNamed' : 'research.group.removeNamed', { name: m.displayName })}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {can.leave ? (
          <Form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="secondary">
              {t('research.group.leave')}
            </button>
          </Form>
        ) : null}
      </section>

      {can.manage && !group.archived ? (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">{t('research.group.invite')}</h2>
          {candidates.length === 0 ? (
            <p>{t('research.group.noCandidates')}</p>
          ) : (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="invite" />
              <fieldset aria-describedby="invite-hint" aria-invalid={errors.userIds ? true : undefined}>
                <legend>{t('research.group.inviteLegend')}</legend>
                <p id="invite-hint" className="hint">
                  {t('research.group.inviteHint')}
                </p>
                <ul className="checkbox-list">
                  {candidates.map((c) => (
                    <li key={c.id}>
                      <label>
                        <input type="checkbox" name="userIds" value={c.id} /> {t('research.group.withAccount', { name: c.displayName, detail: c.schoolName ? t('research.group.roleAtSchool', { role: t(`roles.${c.role}`), school: c.schoolName }) : t(`roles.${c.role}`) })}
                      </label>
                    </li>
                  ))}
                </ul>
                {errors.userIds ? <p className="field-error">{t(errors.userIds.key, errors.userIds.params)}</p> : null}
              </fieldset>
              <button type="submit">{t('research.group.inviteSubmit')}</button>
            </Form>
          )}
        </section>
      ) : null}

      {can.manage ? (
        <section aria-labelledby="settings-title">
          <h2 id="settings-title">{t('research.group.settings')}</h2>
          <Form method="post" aria-label={t('research.group.settings')}>
            <CsrfInput />
            <input type="hidden" name="intent" value="update" />
            <Field label={t('research.group.name')} name="name" errors={errors} required defaultValue={group.name} />
            <Field label={t('research.group.description')} name="description" errors={errors}>
              {(props) => <textarea {...props} rows={3} defaultValue={group.description} />}
            </Field>
            <button type="submit">{t('common.save')}</button>
          </Form>
          {active.length > 1 ? (
            <Form method="post" aria-label={t('research.group.transfer')}>
              <CsrfInput />
              <input type="hidden" name="intent" value="transfer" />
              <Field label={t('research.group.transferTo')} name="userId" errors={errors} hint={t('research.group.transferHint')}>
                {(props) => (
                  <select {...props} defaultValue="">
                    <option value="" disabled>
                      {t('research.group.chooseMember')}
                    </option>
                    {active
                      .filter((m) => m.role !== 'leader')
                      .map((m) => (
                        <option key={m.userId} value={m.userId}>
                          {m.displayName}
                        </option>
                      ))}
                  </select>
                )}
              </Field>
              <button type="submit">{t('research.group.transfer')}</button>
            </Form>
          ) : null}
          <Form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value={group.archived ? 'unarchive' : 'archive'} />
            <button type="submit" className="secondary">
              {t(group.archived ? 'research.group.unarchive' : 'research.group.archive')}
            </button>
          </Form>
        </section>
      ) : null}
    </section>
  )
}
