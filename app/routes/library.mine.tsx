import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ResourceCards } from '~/components/library/resource-card'
import { myResources } from '~/modules/library/resources.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { libraryTitle } from './library'

export const meta: MetaFunction = ({ matches }) => libraryTitle(matches, 'library.mine')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'author:resource')
  return { items: await myResources(web.rt.db, web.actor) }
})

export default function LibraryMine() {
  const { items } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="mine-title">
      <h1 id="mine-title">{t('library.mine')}</h1>
      {items.length === 0 ? <p>{t('library.mineEmpty')}</p> : <ResourceCards items={items} showStatus={true} />}
    </section>
  )
}
