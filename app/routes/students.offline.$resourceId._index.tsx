import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { OfflinePackage } from '~/components/family/offline-package'
import { offlineLesson } from '~/modules/learning/offline.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { familyTitle } from './students'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => familyTitle(matches, 'family.offline.packageTitle', { title: data?.manifest.title ?? '' })

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const { manifest } = await offlineLesson(web.rt.db, web.actor, args.params.resourceId ?? '', new URL(args.request.url).searchParams.get('variant'))
  return { manifest }
})

export default function OfflinePackagePage() {
  const { manifest } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const lesson = manifest.entries.find((e) => e.kind === 'lesson')!
  return (
    <section aria-labelledby="package-title">
      <h1 id="package-title">{t('family.offline.packageTitle', { title: manifest.title })}</h1>
      {manifest.variantKey ? <p>{t('family.offline.variant', { name: t(`library.variantNames.${manifest.variantKey}`) })}</p> : null}
      <p>{t('family.offline.intro')}</p>
      <OfflinePackage manifest={manifest} />
      <ul>
        <li>
          <a href={lesson.url}>{t('family.offline.openLesson')}</a>
        </li>
        <li>
          <a href="/students/visits/offline">{t('family.offline.openVisitForm')}</a>
        </li>
      </ul>
    </section>
  )
}
