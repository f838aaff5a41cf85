import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { mediaLinks } from '~/components/media/styles'
import { SignTermDetails } from '~/components/signs/term-view'
import { can } from '~/modules/accounts/permissions'
import { getTermForReader } from '~/modules/signs/terms.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { signsTitle } from './signs'

export const links: LinksFunction = () => mediaLinks

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => signsTitle(matches, 'signs.title', undefined, data?.term.word)

/** Also what a lesson's sign dialog loads (with a fetcher) when a reader opens a marked word. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const { term, video } = await getTermForReader(web.rt.db, web.actor, args.params.id ?? '')
  return { term, video, canEdit: can(web.actor.role, 'edit:signs') }
})

export default function SignTermPage() {
  const { t } = useTranslation()
  const { term, video, canEdit } = useLoaderData<typeof loader>()
  return (
    <article aria-labelledby="term-title" className="sign-term">
      <h1 id="term-title">
        <span lang="zh-CN">{term.word}</span> <span className="sign-pinyin">{term.pinyin}</span>
      </h1>
      <p>
        {t('signs.fields.category')}: <Link to={`/signs?category=${term.category}`}>{t(`signs.categories.${term.category}`)}</Link>
      </p>
      {canEdit ? (
        <p>
          <Link to={`/signs/${term.id}/edit`}>{t('signs.edit')}</Link>
        </p>
      ) : null}
      <SignTermDetails term={term} video={video} />
      {term.related.length ? (
        <>
          <h2 id="related-title">{t('signs.page.related')}</h2>
          <ul aria-labelledby="related-title" className="sign-terms">
            {term.related.map((r) => (
              <li key={r.id}>
                <Link to={`/signs/${r.id}`} lang="zh-CN">
                  {r.word}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to="/signs">{t('signs.backToList')}</Link>
      </p>
    </article>
  )
}
