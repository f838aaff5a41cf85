import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { studiesTitle } from '~/components/studies/meta'
import { can } from '~/modules/accounts/permissions'
import { listGroups } from '~/modules/research/groups.server'
import { isUuid } from '~/modules/research/schemas'
import { listStudies } from '~/modules/research/studies.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => studiesTitle(matches, data?.group?.name)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const groupParam = new URL(args.request.url).searchParams.get('group')
  const groupId = isUuid(groupParam) ? groupParam : undefined
  const [studies, { groups }] = await Promise.all([listStudies(web.rt.db, web.actor, { groupId }), listGroups(web.rt.db, web.actor)])
  return {
    studies,
    group: groupId ? (groups.find((g) => g.id === groupId) ?? null) : null,
    canStart: can(web.actor.role, 'author:resource') && groups.length > 0,
    hasGroups: groups.length > 0,
  }
})

export default function StudiesPage() {
  const { t, i18n } = useTranslation()
  const { studies, group, canStart, hasGroups } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="studies-title" className="studies-page">
      <h1 id="studies-title">{group ? `${t('studies.title')} · ${group.name}` : t('studies.title')}</h1>
      <p>{t('studies.intro')}</p>
      {canStart ? (
        <p>
          <Link className="button" to={group ? `/research/studies/new?group=${group.id}` : '/research/studies/new'}>
            {t('studies.newStudy')}
          </Link>
        </p>
      ) : null}
      {!hasGroups ? <p className="notice">{t('studies.noGroups')}</p> : null}
      <h2>{group ? t('studies.groupSection') : t('studies.mine')}</h2>
      {studies.length === 0 ? (
        <p>{t('studies.none')}</p>
      ) : (
        <ul className="cards study-cards">
          {studies.map((s) => (
            <li key={s.id} className="card">
              <article aria-labelledby={`study-${s.id}`}>
                <h3 id={`study-${s.id}`} className="card-title">
                  <Link to={`/research/studies/${s.id}`}>{s.title}</Link>
                </h3>
                <p>
                  <span className={`status status-${s.status}`}>{t(`studies.status.${s.status}`)}</span> · {t('studies.roundsCount', { count: s.rounds })}
                </p>
                <p>
                  <Link to={`/research/groups/${s.group.id}`}>{t('studies.groupIs', { name: s.group.name })}</Link> · {t('studies.teacherIs', { name: s.teacher })}
                </p>
                {s.resourceId ? (
                  <p>
                    <Link to={`/library/${s.resourceId}`}>
                      <span className="exemplary-badge">{t('studies.exemplary')}</span>
                    </Link>
                  </p>
                ) : null}
                <p className="card-meta">{new Date(s.createdAt).toLocaleDateString(i18n.language)}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
