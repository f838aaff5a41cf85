import { Form, Link, useFetcher, useLocation } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { loader as searchLoader } from '~/routes/search'
import { Highlighted } from './highlighted'

/**
 * The search box in every page's header. Typing shows the first results below it (a polite live
 * region announces how many); Enter or the button opens the full results page with facets.
 */
export function SearchBox() {
  const { t } = useTranslation()
  const fetcher = useFetcher<typeof searchLoader>()
  const location = useLocation()
  const id = useId()
  const [q, setQ] = useState('')
  const [open, setOpen] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>()

  useEffect(() => setOpen(false), [location.pathname, location.search])

  function onChange(value: string) {
    setQ(value)
    clearTimeout(timer.current)
    if (!value.trim()) return setOpen(false)
    timer.current = setTimeout(() => {
      fetcher.load(`/search?${new URLSearchParams({ q: value, pageSize: '5', typing: '1' })}`)
      setOpen(true)
    }, 200)
  }

  const results = fetcher.data?.results
  const showing = open && q.trim() && results
  return (
    <div className="search-box" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <Form method="get" action="/search" role="search" aria-label={t('search.label')}>
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          name="q"
          value={q}
          onChange={(e) => onChange(e.target.value)}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          aria-describedby={`${id}-status`}
        />
        <button type="submit">{t('search.submit')}</button>
      </Form>
      <p id={`${id}-status`} className="visually-hidden" aria-live="polite">
        {showing ? t('search.suggestionCount', { count: results.total }) : ''}
      </p>
      {showing && results.hits.length ? (
        <div className="search-suggestions">
          <h2 className="visually-hidden">{t('search.suggestionsTitle')}</h2>
          <ul>
            {results.hits.map((hit) => (
              <li key={hit.id}>
                <Link to={hit.url}>
                  <Highlighted segments={hit.highlight.title} />
                </Link>
              </li>
            ))}
          </ul>
          <Link to={`/search?${new URLSearchParams({ q })}`} className="see-all">
            {t('search.seeAll', { count: results.total })}
          </Link>
        </div>
      ) : null}
    </div>
  )
}
