import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ResourceCards } from '~/components/library/resource-card'
import { reviewQueue } from '~/modules/library/resources.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { libraryTitle } from './library'

export const meta: MetaFunction = ({ matches }) => libraryTitle(matches, 'library.reviewForm.queueTitle')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'review:resource')
  return { items: await reviewQueue(web.rt.db, web.actor) }
})

export default function LibraryReview() {
  const { items } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">{t('library.reviewForm.queueTitle')}</h1>
      {items.length === 0 ? <p>{t('library.reviewForm.empty')}</p> : <ResourceCards items={items} showStatus={true} />}
    </section>
  )
}
