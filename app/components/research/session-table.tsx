import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export interface SessionRowData {
  id: string
  kind: string
  title: string
  day: string
  startTime: string
  endTime: string
  place: string
  onlineUrl: string
  groupName: string
  cancelled: boolean
  published: boolean
  myRsvp: 'pending' | 'yes' | 'maybe' | 'no' | null
}

/** Sessions as a table: a caption names it, the title links to the session. */
export function SessionTable({ sessions, caption, showGroup = false, empty }: { sessions: SessionRowData[]; caption: string; showGroup?: boolean; empty: string }) {
  const { t } = useTranslation()
  if (sessions.length === 0) return <p>{empty}</p>
  return (
    <table className="research-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('research.columns.date')}</th>
          <th scope="col">{t('research.columns.time')}</th>
          <th scope="col">{t('research.columns.kind')}</th>
          <th scope="col">{t('research.columns.title')}</th>
          {showGroup ? <th scope="col">{t('research.columns.group')}</th> : null}
          <th scope="col">{t('research.columns.place')}</th>
          <th scope="col">{t('research.columns.rsvp')}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id} className={s.cancelled ? 'cancelled' : undefined}>
            <td>
              <time dateTime={s.day}>{s.day}</time>
            </td>
            <td>
              {s.startTime}–{s.endTime}
            </td>
            <td>{t(`research.kinds.${s.kind}`)}</td>
            <th scope="row">
              <Link to={`/research/sessions/${s.id}`}>{s.title}</Link>
              {s.cancelled ? <span className="badge badge-cancelled">{t('research.session.cancelledBadge')}</span> : null}
              {s.published ? <span className="badge">{t('research.session.publishedBadge')}</span> : null}
            </th>
            {showGroup ? <td>{s.groupName}</td> : null}
            <td>{s.place || (s.onlineUrl ? t('research.session.online') : '')}</td>
            <td>{s.myRsvp ? t(`research.rsvp.${s.myRsvp}`) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
