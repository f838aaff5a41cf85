import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ResourceCards } from '~/components/library/resource-card'
import { myFavourites } from '~/modules/library/resources.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { libraryTitle } from './library'

export const meta: MetaFunction = ({ matches }) => libraryTitle(matches, 'library.favourites')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  return { items: await myFavourites(web.rt.db, web.actor) }
})

export default function LibraryFavourites() {
  const { items } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="favourites-title">
      <h1 id="favourites-title">{t('library.favourites')}</h1>
      {items.length === 0 ? <p>{t('library.favouritesEmpty')}</p> : <ResourceCards items={items} showStatus={false} />}
    </section>
  )
}
