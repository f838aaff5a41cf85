import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ResourceCards } from '~/components/library/resource-card'
import { resourceKinds } from '~/modules/library/kinds'
import { browseCounts, browseResources } from '~/modules/library/resources.server'
import { disabilityCategories, gradesOfStage, isOptionalSubject, schoolTypes, stages, subjectCodes, subjectsOf } from '~/modules/library/taxonomy'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { libraryTitle } from './library'

export const meta: MetaFunction = ({ matches }) => libraryTitle(matches, 'library.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  const query = Object.fromEntries(new URL(args.request.url).searchParams)
  const [result, counts] = await Promise.all([browseResources(web.rt.db, web.actor, query), browseCounts(web.rt.db, web.actor, query)])
  return { ...result, counts }
})

export default function Browse() {
  const { items, total, page, pageCount, filters, counts } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const subjects = filters.schoolType ? subjectsOf(filters.schoolType, filters.stage) : subjectCodes
  const grades = filters.stage ? gradesOfStage[filters.stage] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
  const linkWith = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries({ ...filters, page: undefined, ...changes })) if (v !== undefined && String(v) !== '') params.set(k, String(v))
    const s = params.toString()
    return s ? `/library?${s}` : '/library'
  }
  return (
    <section aria-labelledby="library-title" className="library-browse">
      <h1 id="library-title">{t('library.title')}</h1>
      <p>{t('library.intro')}</p>
      <div className="browse-layout">
        <nav aria-label={t('library.schoolTypeTree')} className="browse-tree">
          <h2>{t('library.schoolTypeTree')}</h2>
          <ul>
            {schoolTypes.map((type) => (
              <li key={type}>
                <Link to={linkWith({ schoolType: type, subject: undefined, stage: undefined, grade: undefined })} aria-current={filters.schoolType === type ? 'true' : undefined}>
                  {t(`library.schoolTypes.${type}`)} <span className="count">({counts.schoolType[type] ?? 0})</span>
                </Link>
                {filters.schoolType === type ? (
                  <ul aria-label={t('library.subjectTree')}>
                    {subjectsOf(type)
                      .filter((s) => counts.subject[s])
                      .map((s) => (
                        <li key={s}>
                          <Link to={linkWith({ subject: s, stage: undefined, grade: undefined })} aria-current={filters.subject === s ? 'true' : undefined}>
                            {t(`library.subjects.${s}`)} <span className="count">({counts.subject[s]})</span>
                          </Link>
                          {filters.subject === s ? (
                            <ul aria-label={t('library.stageTree')}>
                              {stages
                                .filter((stage) => counts.stage[stage])
                                .map((stage) => (
                                  <li key={stage}>
                                    <Link to={linkWith({ stage, grade: undefined })} aria-current={filters.stage === stage ? 'true' : undefined}>
                                      {t(`stages.${stage}`)} <span className="count">({counts.stage[stage]})</span>
                                    </Link>
                                    {filters.stage === stage && Object.keys(counts.grade).length ? (
                                      <ul aria-label={t('library.gradeTree')}>
                                        {gradesOfStage[stage]
                                          .filter((g) => counts.grade[String(g)])
                                          .map((g) => (
                                            <li key={g}>
                                              <Link to={linkWith({ grade: String(g) })} aria-current={filters.grade === g ? 'true' : undefined}>
                                                {t('library.gradeN', { grade: g })} <span className="count">({counts.grade[String(g)]})</span>
                                              </Link>
                                            </li>
                                          ))}
                                      </ul>
                                    ) : null}
                                  </li>
                                ))}
                            </ul>
                          ) : null}
                        </li>
                      ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </nav>
        <div className="browse-main">
          <Form method="get" className="filters" aria-label={t('library.filters')}>
            <Select name="schoolType" label={t('library.fields.schoolType')} value={filters.schoolType} any={t('library.anySchoolType')} options={schoolTypes.map((v) => [v, t(`library.schoolTypes.${v}`)])} />
            <Select
              name="subject"
              label={t('library.fields.subject')}
              value={filters.subject}
              any={t('library.anySubject')}
              options={subjects.map((v) => [v, isOptionalSubject(v) ? `${t(`library.subjects.${v}`)}（${t('library.optionalSubject')}）` : t(`library.subjects.${v}`)])}
            />
            <Select name="stage" label={t('library.fields.stage')} value={filters.stage} any={t('library.anyStage')} options={stages.map((v) => [v, t(`stages.${v}`)])} />
            <Select name="grade" label={t('library.fields.grade')} value={filters.grade?.toString()} any={t('library.anyGrade')} options={grades.map((g) => [String(g), t('library.gradeN', { grade: g })])} />
            <Select name="kind" label={t('library.fields.kind')} value={filters.kind} any={t('library.anyKind')} options={resourceKinds.map((v) => [v, `${t(`library.kinds.${v}`)} (${counts.kind[v] ?? 0})`])} />
            <Select name="category" label={t('library.fields.categories')} value={filters.category} any={t('library.anyCategory')} options={disabilityCategories.map((v) => [v, t(`library.categories.${v}`)])} />
            <Select name="collection" label={t('library.collection')} value={filters.collection} any={t('library.anyCollection')} options={[['exemplary', t('library.exemplary')]]} />
            <Select name="sort" label={t('library.sort')} value={filters.sort} options={(['newest', 'popular', 'rating'] as const).map((v) => [v, t(`library.sorts.${v}`)])} />
            <div className="filter-actions">
              <button type="submit">{t('library.applyFilters')}</button>
              <Link to="/library" className="button secondary">
                {t('library.clearFilters')}
              </Link>
            </div>
          </Form>
          <p role="status" className="result-count">
            {t('library.results', { count: total })}
          </p>
          {items.length === 0 ? <p>{t('library.noResults')}</p> : <ResourceCards items={items} />}
          {pageCount > 1 ? (
            <nav aria-label={t('admin.pagination')} className="pagination">
              {page > 1 ? <Link to={linkWith({ page: String(page - 1) })}>{t('common.previous')}</Link> : null}
              <span>{t('admin.pageOf', { page, pageCount })}</span>
              {page < pageCount ? <Link to={linkWith({ page: String(page + 1) })}>{t('common.next')}</Link> : null}
            </nav>
          ) : null}
        </div>
      </div>
    </section>
  )
}

function Select({ name, label, value, any, options }: { name: string; label: string; value?: string; any?: string; options: [string, string][] }) {
  const id = `filter-${name}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''} key={value ?? ''}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}
