import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MonthCalendar } from '~/components/research/month-calendar'
import { calendarMonth } from '~/modules/research/calendar.server'
import { requireGroupMember } from '~/modules/research/groups.server'
import { calendarInput } from '~/modules/research/schemas'
import { calendarSessions } from '~/modules/research/sessions.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { researchTitle } from './research'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => researchTitle(matches, 'research.calendar.groupTitle', undefined, data?.group.name)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const group = await requireGroupMember(web.rt.db, web.actor, args.params.groupId ?? '')
  const { month } = calendarInput.parse(Object.fromEntries(new URL(args.request.url).searchParams))
  const grid = calendarMonth(month)
  return { group: { id: group.id, name: group.name }, month: grid, sessions: await calendarSessions(web.rt.db, web.actor, { groupId: group.id }, { from: grid.from, to: grid.to }) }
})

export default function GroupCalendar() {
  const { t } = useTranslation()
  const { group, month, sessions } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="calendar-title" className="research-page">
      <p>
        <Link to={`/research/groups/${group.id}`}>{t('research.session.backToGroup', { name: group.name })}</Link>
      </p>
      <h1 id="calendar-title">
        {t('research.calendar.groupTitle')}：{group.name}
      </h1>
      <MonthCalendar month={month} sessions={sessions} basePath={`/research/groups/${group.id}/calendar`} title={group.name} icsHref={`/research/groups/${group.id}/calendar.ics`} />
    </section>
  )
}
