import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MonthCalendar } from '~/components/research/month-calendar'
import { calendarMonth } from '~/modules/research/calendar.server'
import { calendarInput } from '~/modules/research/schemas'
import { calendarSessions } from '~/modules/research/sessions.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { researchTitle } from './research'

export const meta: MetaFunction = ({ matches }) => researchTitle(matches, 'research.calendar.title')

/** The sessions the reader is invited to or leads, a month at a time. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const { month } = calendarInput.parse(Object.fromEntries(new URL(args.request.url).searchParams))
  const grid = calendarMonth(month)
  return { month: grid, sessions: await calendarSessions(web.rt.db, web.actor, 'mine', { from: grid.from, to: grid.to }) }
})

export default function MyCalendar() {
  const { t } = useTranslation()
  const { month, sessions } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="calendar-title" className="research-page">
      <h1 id="calendar-title">{t('research.calendar.title')}</h1>
      <p>{t('research.calendar.intro')}</p>
      <MonthCalendar month={month} sessions={sessions} basePath="/research/calendar" title={t('research.calendar.title')} icsHref="/research/calendar.ics" />
    </section>
  )
}
