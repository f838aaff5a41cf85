import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormStatus, fieldErrorsOf } from '~/components/forms'
import { blankResource, ResourceForm } from '~/components/library/resource-form'
import { resourceInputFromForm } from '~/modules/library/forms'
import { isResourceKind, resourceKinds } from '~/modules/library/kinds'
import { createResource } from '~/modules/library/resources.server'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'
import { keepLibraryValues, libraryTitle, type LibraryResult } from './library'

export const meta: MetaFunction = ({ matches }) => libraryTitle(matches, 'library.form.newTitle')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'author:resource')
  const kind = new URL(args.request.url).searchParams.get('kind')
  return { kind: isResourceKind(kind) ? kind : null, attribution: web.actor.displayName }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args, 'author:resource')
  return keepLibraryValues(form, async () => {
    const created = await createResource(web.rt.db, web.actor, resourceInputFromForm(form))
    throw redirect(`/library/${created.id}/edit?created=1`)
  })
})

export default function NewResource() {
  const { kind, attribution } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as LibraryResult | undefined
  const { t } = useTranslation()
  if (!kind) {
    return (
      <section aria-labelledby="new-title">
        <h1 id="new-title">{t('library.form.newTitle')}</h1>
        <h2>{t('library.form.chooseKind')}</h2>
        <ul className="kind-choices">
          {resourceKinds.map((k) => (
            <li key={k}>
              <Link to={`/library/new?kind=${k}`} className="button secondary">
                {t(`library.kinds.${k}`)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    )
  }
  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title">{t('library.form.newTitleKind', { kind: t(`library.kinds.${kind}`) })}</h1>
      <FormStatus result={result} />
      <ResourceForm initial={blankResource(kind, attribution)} submitted={result && !result.ok ? result.values : undefined} errors={fieldErrorsOf(result)} submitLabel={t('library.form.save')} />
      <p className="hint">{t('library.form.saveFirst')}</p>
    </section>
  )
}
