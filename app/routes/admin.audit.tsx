import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { listAudit } from '~/modules/accounts/audit.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { adminTitle } from './admin'

export const meta: MetaFunction = ({ matches }) => adminTitle(matches, 'admin.audit')

const pageInput = z.object({ before: z.coerce.number().int().positive().optional().catch(undefined) })

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'manage:users')
  const { before } = pageInput.parse(Object.fromEntries(new URL(args.request.url).searchParams))
  return { ...(await listAudit(web.rt.db, web.actor, { before })), paged: before !== undefined }
})

/** The district's own time zone, so the server's and the browser's renderings agree. */
const timeZone = 'Asia/Shanghai'
const nowrap = { whiteSpace: 'nowrap' } as const
const targetPaths: Record<string, string> = { school: '/admin/schools/', class: '/admin/classes/', user: '/admin/users/' }

/** A detail object as one line: "name=…, kind=…". */
function compact(detail: Record<string, unknown>) {
  return Object.entries(detail)
    .map(([key, value]) => `${key}=${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(', ')
}

export default function AdminAudit() {
  const { entries, nextBefore, paged } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium', timeZone })
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('admin.audit')}</h1>
      {entries.length === 0 ? (
        <p>{t('admin.noAudit')}</p>
      ) : (
        <table>
          <caption>{t('admin.auditCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.auditAt')}</th>
              <th scope="col">{t('admin.auditActor')}</th>
              <th scope="col">{t('admin.auditAction')}</th>
              <th scope="col" style={nowrap}>
                {t('admin.auditTarget')}
              </th>
              <th scope="col">{t('admin.auditDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const at = new Date(entry.at)
              const path = entry.targetType && entry.targetId ? targetPaths[entry.targetType] : undefined
              const targetLabel = entry.targetType ? t(`admin.targetTypes.${entry.targetType}`, { defaultValue: entry.targetType }) : null
              return (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={at.toISOString()}>{format.format(at)}</time>
                  </td>
                  <td>{entry.actorName ? `${entry.actorName} (${entry.actorUsername})` : t('admin.noActor')}</td>
                  <td>{t(`audit.${entry.action}`, { defaultValue: entry.action })}</td>
                  <td style={nowrap}>
                    {targetLabel ? (
                      path ? (
                        <Link to={`${path}${entry.targetId}`}>{targetLabel}</Link>
                      ) : (
                        targetLabel
                      )
                    ) : (
                      t('common.none')
                    )}
                  </td>
                  <td>
                    <code>{compact(entry.detail)}</code>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {paged || nextBefore ? (
        <nav className="pagination" aria-label={t('admin.pagination')}>
          {paged ? <Link to="/admin/audit">{t('admin.auditNewest')}</Link> : null}
          {nextBefore ? <Link to={`?before=${nextBefore}`}>{t('common.next')}</Link> : null}
        </nav>
      ) : null}
    </section>
  )
}
