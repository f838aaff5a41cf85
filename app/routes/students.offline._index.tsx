import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Field } from '~/components/forms'
import { visitLessons } from '~/modules/learning/offline.server'
import { variantKeys } from '~/modules/library/taxonomy'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { familyTitle } from './students'

export const meta: MetaFunction = ({ matches }) => familyTitle(matches, 'family.offline.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const lessons = await visitLessons(web.rt.db, web.actor)
  const params = new URL(args.request.url).searchParams
  const resource = params.get('resource')
  const variant = params.get('variant') ?? ''
  if (resource && lessons.some((l) => l.id === resource)) throw redirect(`/students/offline/${resource}${variant ? `?variant=${encodeURIComponent(variant)}` : ''}`)
  return { lessons: lessons.map(({ id, title }) => ({ id, title })), variant }
})

export default function OfflinePackages() {
  const { lessons, variant } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="offline-title">
      <h1 id="offline-title">{t('family.offline.title')}</h1>
      <p>{t('family.offline.intro')}</p>
      {lessons.length === 0 ? (
        <p>{t('family.offline.noLessons')}</p>
      ) : (
        <form method="get" action="/students/offline">
          <Field label={t('family.offline.chooseLesson')} name="resource" required>
            {(props) => (
              <select {...props}>
                {lessons.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('family.offline.chooseVariant')} name="variant">
            {(props) => (
              <select {...props} defaultValue={variant}>
                <option value="">{t('family.offline.asWritten')}</option>
                {variantKeys.map((key) => (
                  <option key={key} value={key}>
                    {t(`library.variantNames.${key}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit">{t('family.offline.open')}</button>
        </form>
      )}
    </section>
  )
}
