import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ResourceDetails } from '~/components/library/resource-details'
import { Variant } from '~/components/library/variants-view'
import { RichText } from '~/components/rich-text'
import { getResource } from '~/modules/library/resources.server'
import { isVariantKey } from '~/modules/library/taxonomy'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { libraryTitle, parseResourceId } from './library'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => libraryTitle(matches, data?.resource.title ?? 'library.title')

/** The whole resource, or one variant of it, laid out for paper (the print stylesheet hides the portal). */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  const url = new URL(args.request.url)
  const v = url.searchParams.get('version')
  const resource = await getResource(web.rt.db, web.actor, parseResourceId(args.params.id), { version: v && /^\d+$/.test(v) ? Number(v) : undefined })
  const variant = url.searchParams.get('variant')
  return { resource, variant: isVariantKey(variant) ? variant : null }
})

export default function PrintResource() {
  const { resource: r, variant } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const variants = variant ? r.variants.filter((v) => v.key === variant) : r.variants
  return (
    <article className="print-page" aria-labelledby="print-title">
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('library.page.print')}
        </button>
      </p>
      <h1 id="print-title">
        {r.title}
        {variant ? ` · ${t(`library.variantNames.${variant}`)}` : ''}
      </h1>
      <p>
        {[t(`library.schoolTypes.${r.schoolType}`), t(`library.subjects.${r.subject}`), t(`stages.${r.stage}`), r.grade ? t('library.gradeN', { grade: r.grade }) : null].filter(Boolean).join(' · ')} · {r.attribution} ·{' '}
        {t(`library.licences.${r.licence}`)}
      </p>
      {!variant ? (
        <>
          <ResourceDetails resource={r} />
          {r.body.content.length ? (
            <section aria-labelledby="print-body">
              <h2 id="print-body">{r.kind === 'lesson' ? t('library.fields.procedure') : t('library.fields.body')}</h2>
              <RichText doc={r.body} />
            </section>
          ) : null}
        </>
      ) : null}
      {variants.map((v) => (
        <Variant key={v.key} variant={v} resourceId={r.id} version={r.version} actions={false} />
      ))}
    </article>
  )
}
