import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { signCategories } from '~/modules/signs/categories'
import { listTerms } from '~/modules/signs/terms.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { signsTitle } from './signs'

export const meta: MetaFunction = ({ matches }) => signsTitle(matches, 'signs.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const url = new URL(args.request.url)
  const filters = { q: url.searchParams.get('q') ?? '', category: url.searchParams.get('category') || undefined }
  const { terms, counts } = await listTerms(web.rt.db, web.actor, filters)
  return { terms, counts, q: filters.q, category: signCategories.find((c) => c === filters.category) ?? null }
})

export default function SignGlossary() {
  const { t } = useTranslation()
  const { terms, counts, q, category } = useLoaderData<typeof loader>()
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const hrefFor = (next: string | null) => {
    const params = new URLSearchParams()
    if (q) params.set('q', q)
    if (next) params.set('category', next)
    const query = params.toString()
    return query ? `/signs?${query}` : '/signs'
  }
  return (
    <section aria-labelledby="signs-title" className="signs-page">
      <h1 id="signs-title">{t('signs.title')}</h1>
      <p>{t('signs.intro')}</p>
      <Form method="get" role="search" className="signs-search" aria-label={t('signs.title')}>
        <div className="field">
          <label htmlFor="signs-q">{t('signs.searchLabel')}</label>
          <p id="signs-q-hint" className="hint">
            {t('signs.searchHint')}
          </p>
          <input id="signs-q" name="q" type="search" defaultValue={q} aria-describedby="signs-q-hint" />
        </div>
        {category ? <input type="hidden" name="category" value={category} /> : null}
        <button type="submit">{t('signs.searchSubmit')}</button>
      </Form>
      <nav aria-label={t('signs.categoryNav')} className="signs-categories">
        <ul>
          <li>
            <Link to={hrefFor(null)} aria-current={category === null ? 'page' : undefined}>
              {t('signs.categoryCount', { category: t('signs.allCategories'), count: total })}
            </Link>
          </li>
          {signCategories.map((c) => (
            <li key={c}>
              <Link to={hrefFor(c)} aria-current={category === c ? 'page' : undefined}>
                {t('signs.categoryCount', { category: t(`signs.categories.${c}`), count: counts[c] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 id="signs-results" aria-live="polite">
        {t('signs.results', { count: terms.length })}
      </h2>
      {terms.length === 0 ? (
        <p>{t('signs.noResults')}</p>
      ) : (
        <ul className="sign-terms" aria-labelledby="signs-results">
          {terms.map((term) => (
            <li key={term.id}>
              <Link to={`/signs/${term.id}`} className="sign-term-link">
                <span className="sign-word" lang="zh-CN">
                  {term.word}
                </span>{' '}
                <span className="sign-pinyin">{term.pinyin}</span>
              </Link>
              <span className="sign-meta">
                {t(`signs.categories.${term.category}`)} · {term.hasVideo ? t('signs.hasVideo') : t('signs.noVideo')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
