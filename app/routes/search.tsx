import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSubmit } from '@remix-run/react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Highlighted } from '~/components/search/highlighted'
import { facetValueLabel } from '~/components/search/labels'
import { facetNames, type FacetName } from '~/modules/search/document'
import { searchFor } from '~/modules/search/search.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.results.query.q ? `${data.results.query.q} · 搜索 · 同行` : '搜索 · 同行' }]

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const params = Object.fromEntries(new URL(args.request.url).searchParams)
  return { results: await searchFor(web.rt, web.actor, params) }
})

export default function Search() {
  const { results } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const submit = useSubmit()
  const form = useRef<HTMLFormElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const { query, total, hits, facets, facetsApproximate, corrections, withoutFilter } = results
  const countOf = (count: number) => (facetsApproximate ? t('search.about', { count }) : String(count))
  const pages = Math.max(1, Math.ceil(total / query.pageSize))

  const linkWith = (changes: Partial<Record<FacetName | 'page' | 'q', string | undefined>>) => {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries({ q: query.q, ...query.filters, page: undefined, ...changes })) if (v) params.set(k, String(v))
    return `/search?${params}`
  }

  return (
    <section aria-labelledby="search-title" className="search-page">
      <h1 id="search-title">{t('search.title')}</h1>
      <Form method="get" role="search" aria-label={t('search.label')} ref={form} className="search-form">
        <label htmlFor="search-q">{t('search.label')}</label>
        <div className="search-row">
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={query.q}
            placeholder={t('search.placeholder')}
            autoComplete="off"
            onChange={() => {
              clearTimeout(timer.current)
              timer.current = setTimeout(() => submit(form.current, { replace: true, preventScrollReset: true }), 300)
            }}
          />
          {facetNames.map((name) => (query.filters[name] ? <input key={name} type="hidden" name={name} value={query.filters[name]} /> : null))}
          <button type="submit">{t('search.submit')}</button>
        </div>
      </Form>

      {corrections.map((c) => (
        <p key={c.from} className="notice">
          {t('search.corrected', c)}
        </p>
      ))}
      <p aria-live="polite" className="search-count">
        {query.q ? t('search.resultsFor', { q: query.q, count: total }) : t('search.browseAll', { count: total })}
      </p>

      <div className="search-layout">
        <nav aria-label={t('search.filters')} className="search-facets">
          <h2>{t('search.filters')}</h2>
          {facetNames.map((name) =>
            facets[name].length || query.filters[name] ? (
              <section key={name} aria-labelledby={`facet-${name}`}>
                <h3 id={`facet-${name}`}>{t(`search.facets.${name}`)}</h3>
                <ul>
                  {query.filters[name] && !facets[name].some((f) => f.value === query.filters[name]) ? (
                    <li>
                      <Link to={linkWith({ [name]: undefined })}>{t('search.removeFilter', { label: facetValueLabel(t, name, query.filters[name]!) })}</Link>
                    </li>
                  ) : null}
                  {facets[name].map((f) => {
                    const selected = query.filters[name] === f.value
                    const label = facetValueLabel(t, name, f.value)
                    return (
                      <li key={f.value}>
                        {selected ? (
                          <Link to={linkWith({ [name]: undefined })} aria-current="true" aria-label={t('search.removeFilter', { label })}>
                            <strong>{label}</strong> {t('search.selected')} ({countOf(f.count)})
                          </Link>
                        ) : (
                          <Link to={linkWith({ [name]: f.value })}>
                            {label} ({countOf(f.count)})
                          </Link>
                        )}
                      </li>
                    )
                  })}
                </ul>
              </section>
            ) : null,
          )}
        </nav>

        <div className="search-results">
          {hits.length ? (
            <ol className="hit-list" start={(query.page - 1) * query.pageSize + 1}>
              {hits.map((hit) => (
                <li key={hit.id} className="hit">
                  <h2>
                    <Link to={hit.url}>
                      <Highlighted segments={hit.highlight.title} />
                    </Link>
                  </h2>
                  <p className="hit-meta">
                    {[
                      facetValueLabel(t, 'kind', hit.kind),
                      hit.schoolType && facetValueLabel(t, 'schoolType', hit.schoolType),
                      hit.subject && facetValueLabel(t, 'subject', hit.subject),
                      hit.stage && facetValueLabel(t, 'stage', hit.stage),
                      !hit.published && t('search.draft'),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <p className="hit-snippet">
                    <Highlighted segments={hit.highlight.snippet} />
                  </p>
                </li>
              ))}
            </ol>
          ) : (
            <div className="no-results">
              <p>{query.q ? t('search.nothing', { q: query.q }) : t('search.nothingFiltered')}</p>
              {withoutFilter.length ? (
                <ul>
                  {withoutFilter.map((w) => (
                    <li key={w.facet}>
                      <Link to={linkWith({ [w.facet]: undefined })}>{t('search.tryWithout', { label: facetValueLabel(t, w.facet, w.value), count: w.total })}</Link>
                    </li>
                  ))}
                </ul>
              ) : null}
              <p>{t('search.tips')}</p>
              <p>
                <Link to="/library">{t('search.browseLibrary')}</Link>
              </p>
            </div>
          )}

          {pages > 1 ? (
            <nav aria-label={t('search.pages')} className="pager">
              {query.page > 1 ? <Link to={linkWith({ page: String(query.page - 1) })}>{t('common.previous')}</Link> : null}
              <span>{t('search.pageOf', { page: query.page, pages })}</span>
              {query.page < pages ? <Link to={linkWith({ page: String(query.page + 1) })}>{t('common.next')}</Link> : null}
            </nav>
          ) : null}
        </div>
      </div>
    </section>
  )
}
