import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormStatus } from '~/components/forms'
import { SignTermForm, type TermFormValues } from '~/components/signs/term-form'
import { canUploadMedia } from '~/modules/media/index.server'
import { maxUploadBytes } from '~/modules/media/uploads.server'
import { createTerm } from '~/modules/signs/terms.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { signsTitle } from './signs'

export const meta: MetaFunction = ({ matches }) => signsTitle(matches, 'signs.newTerm')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'edit:signs')
  return { canUpload: canUploadMedia(web.actor), maxGigabytes: Math.round(maxUploadBytes / 1024 ** 3) }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args, 'edit:signs')
  const values = formObject(form) as Record<string, string>
  try {
    const term = await createTerm(web.rt.db, web.actor, values)
    return redirect(`/signs/${term.id}?created=1`)
  } catch (error) {
    if (error instanceof AppError) return data({ ok: false as const, error: { message: error.userMessage, fields: error.options.fields }, values }, { status: error.status })
    throw error
  }
})

const blank: TermFormValues = { word: '', category: '', handshape: '', movement: '', notes: '', related: '', videoAssetId: '' }

export default function NewSignTerm() {
  const { t } = useTranslation()
  const { canUpload, maxGigabytes } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as (ActionResult & { values?: Partial<TermFormValues> }) | undefined
  const errors = result && !result.ok ? (result.error.fields ?? {}) : {}
  return (
    <section aria-labelledby="new-term-title">
      <h1 id="new-term-title">{t('signs.newTerm')}</h1>
      <FormStatus result={result} />
      <SignTermForm key={JSON.stringify(result?.values ?? {})} initial={{ ...blank, ...result?.values }} errors={errors} submitLabel={t('signs.newTerm')} canUpload={canUpload} maxGigabytes={maxGigabytes} />
    </section>
  )
}
