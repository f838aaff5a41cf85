import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { myChildren } from '~/modules/learning/family.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { familyTitle } from './students'

export const meta: MetaFunction = ({ matches }) => familyTitle(matches, 'family.family.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return { children: await myChildren(web.rt.db, web.actor) }
})

export default function MyChildren() {
  const { children } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="children-title">
      <h1 id="children-title">{t('family.family.title')}</h1>
      <p>{t('family.family.intro')}</p>
      {children.length === 0 ? (
        <p>{t('family.family.none')}</p>
      ) : (
        <ul className="children">
          {children.map((c) => (
            <li key={c.id}>
              <a href={`/family/${c.id}`}>{c.displayName}</a>
              <p>{t('family.family.progress', { done: c.done, open: c.open })}</p>
              {c.consent === 'missing' ? <p className="notice">{t('family.family.consentNeeded')}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
