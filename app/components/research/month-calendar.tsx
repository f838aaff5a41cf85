import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { CalendarMonth } from '~/modules/research/calendar.server'
import { SessionTable, type SessionRowData } from './session-table'

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

/**
 * A month as a real table (weeks are rows, days are columns with header cells), each day listing
 * its sessions as links; below it the same sessions as a list, which reads better aloud.
 */
export function MonthCalendar({ month, sessions, basePath, title, icsHref }: { month: CalendarMonth; sessions: SessionRowData[]; basePath: string; title: string; icsHref: string }) {
  const { t } = useTranslation()
  const [year, m] = month.month.split('-').map(Number) as [number, number]
  const monthLabel = t('research.calendar.month', { year, month: m })
  const byDay = new Map<string, SessionRowData[]>()
  for (const s of sessions) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s])
  const inMonth = sessions.filter((s) => s.day.startsWith(month.month))
  return (
    <>
      <nav aria-label={t('research.calendar.monthNav')} className="month-nav">
        <ul className="actions-row">
          <li>
            <Link to={`${basePath}?month=${month.previous}`}>{t('research.calendar.previous')}</Link>
          </li>
          <li>
            <Link to={basePath}>{t('research.calendar.thisMonth')}</Link>
          </li>
          <li>
            <Link to={`${basePath}?month=${month.next}`}>{t('research.calendar.next')}</Link>
          </li>
          <li>
            <a href={icsHref} download>
              {t('research.calendar.download')}
            </a>
          </li>
        </ul>
        <p className="hint">{t('research.calendar.downloadHint')}</p>
      </nav>
      <table className="month-calendar">
        <caption>
          {title} · {monthLabel}
        </caption>
        <thead>
          <tr>
            {weekdays.map((d) => (
              <th key={d} scope="col">
                <abbr title={t(`research.calendar.weekdays.${d}`)}>{t(`research.calendar.weekdaysShort.${d}`)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {month.weeks.map((week) => (
            <tr key={week[0]!.day}>
              {week.map(({ day, inMonth }) => (
                <td key={day} className={inMonth ? undefined : 'outside'}>
                  <time dateTime={day} className="day-number">
                    {inMonth ? Number(day.slice(8)) : `${Number(day.slice(5, 7))}/${Number(day.slice(8))}`}
                  </time>
                  {(byDay.get(day) ?? []).length ? (
                    <ul>
                      {byDay.get(day)!.map((s) => (
                        <li key={s.id} className={s.cancelled ? 'cancelled' : undefined}>
                          <Link to={`/research/sessions/${s.id}`}>
                            {s.startTime} {s.title}
                            <span className="visually-hidden">
                              {' '}
                              · {t(`research.kinds.${s.kind}`)}
                              {s.cancelled ? ` · ${t('research.session.cancelledBadge')}` : ''}
                            </span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="month-list-title">{t('research.calendar.list', { month: monthLabel })}</h2>
      <SessionTable sessions={inMonth} caption={t('research.calendar.list', { month: monthLabel })} showGroup empty={t('research.calendar.none')} />
    </>
  )
}
