import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getResource } from '~/modules/library/resources.server'
import { visualSupport, visualSupportTypes, type VisualSupportType } from '~/modules/library/supports'
import { notFound } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { libraryTitle, parseResourceId } from './library'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => libraryTitle(matches, data?.title ?? 'library.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  const type = args.params.type as VisualSupportType
  if (!visualSupportTypes.includes(type)) throw notFound('library.errors.notFound')
  const v = new URL(args.request.url).searchParams.get('version')
  const resource = await getResource(web.rt.db, web.actor, parseResourceId(args.params.id), { version: v && /^\d+$/.test(v) ? Number(v) : undefined })
  if (resource.kind !== 'autism_strategy') throw notFound('library.supports.notAStrategy')
  return { id: resource.id, title: resource.title, type, support: visualSupport(type, resource.details) }
})

export default function Supports() {
  const { id, title, type, support } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const heading = t(`library.page.${type === 'schedule' ? 'schedule' : type === 'first-then' ? 'firstThen' : type === 'social-story' ? 'socialStory' : 'dataSheet'}`)
  return (
    <article className={`supports supports-${type}`} aria-labelledby="supports-title">
      <p className="no-print">
        <Link to={`/library/${id}`}>{t('common.back')}</Link> ·{' '}
        <button type="button" onClick={() => window.print()}>
          {t('library.page.print')}
        </button>
      </p>
      <h1 id="supports-title">
        {heading}：{title}
      </h1>
      {support.kind === 'schedule' ? (
        <ol className="schedule-strip">
          {support.steps.map((step) => (
            <li key={step.n}>
              <span className="picture-slot" role="img" aria-label={t('library.supports.picture', { n: step.n })} />
              <span className="step-text">{step.text}</span>
              <span className="tick">□ {t('library.supports.done')}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {support.kind === 'first-then' ? (
        <div className="first-then">
          {[
            [t('library.supports.first'), support.first],
            [t('library.supports.then'), support.then],
          ].map(([label, text], i) => (
            <section key={i} aria-label={label}>
              <p className="board-label">{label}</p>
              <span className="picture-slot" role="img" aria-label={t('library.supports.picture', { n: i + 1 })} />
              <p className="step-text">{text}</p>
            </section>
          ))}
        </div>
      ) : null}
      {support.kind === 'social-story' ? (
        <ol className="story-pages">
          {support.pages.map((page) => (
            <li key={page.n} className="story-page">
              <p className="page-number">{t('library.supports.pageN', { n: page.n })}</p>
              <span className="picture-slot" role="img" aria-label={t('library.supports.picture', { n: page.n })} />
              <p className="step-text">{page.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {support.kind === 'data-sheet' ? (
        <>
          <p>{t('library.supports.target', { target: support.target })}</p>
          <table className="data-sheet">
            <thead>
              <tr>
                <th scope="col">{t('library.supports.session')}</th>
                <th scope="col">{t('library.supports.date')}</th>
                {support.steps.map((s) => (
                  <th scope="col" key={s.n}>
                    {s.n}. {s.text}
                  </th>
                ))}
                <th scope="col">{t('library.supports.result', { measure: t(`library.dataMeasures.${support.measure}`) })}</th>
                <th scope="col">{t('library.supports.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: support.sessions }, (_, i) => (
                <tr key={i}>
                  <th scope="row">{i + 1}</th>
                  <td />
                  {support.steps.map((s) => (
                    <td key={s.n} />
                  ))}
                  <td />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </article>
  )
}
