import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus } from '~/components/forms'
import { SignTermForm, type TermFormValues } from '~/components/signs/term-form'
import { canUploadMedia } from '~/modules/media/index.server'
import { maxUploadBytes } from '~/modules/media/uploads.server'
import { deleteTerm, getTerm, updateTerm } from '~/modules/signs/terms.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { signsTitle } from './signs'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => signsTitle(matches, 'signs.edit', undefined, data?.term.word)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'edit:signs')
  const term = await getTerm(web.rt.db, web.actor, args.params.id ?? '')
  return { term, canUpload: canUploadMedia(web.actor), maxGigabytes: Math.round(maxUploadBytes / 1024 ** 3) }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args, 'edit:signs')
  const id = args.params.id ?? ''
  const values = formObject(form) as Record<string, string>
  try {
    if (form.get('intent') === 'delete') {
      await deleteTerm(web.rt.db, web.actor, id)
      return redirect('/signs')
    }
    await updateTerm(web.rt.db, web.actor, id, values)
    return redirect(`/signs/${id}`)
  } catch (error) {
    if (error instanceof AppError) return data({ ok: false as const, error: { message: error.userMessage, fields: error.options.fields }, values }, { status: error.status })
    throw error
  }
})

export default function EditSignTerm() {
  const { t } = useTranslation()
  const { term, canUpload, maxGigabytes } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as (ActionResult & { values?: Partial<TermFormValues> }) | undefined
  const errors = result && !result.ok ? (result.error.fields ?? {}) : {}
  const saved: TermFormValues = {
    word: term.word,
    category: term.category,
    handshape: term.handshape,
    movement: term.movement,
    notes: term.notes,
    related: term.related.map((r) => r.word).join('、'),
    videoAssetId: term.videoAssetId ?? '',
  }
  return (
    <section aria-labelledby="edit-term-title">
      <h1 id="edit-term-title">
        {t('signs.edit')}: <span lang="zh-CN">{term.word}</span>
      </h1>
      <FormStatus result={result} />
      <SignTermForm key={JSON.stringify(result?.values ?? {})} initial={{ ...saved, ...result?.values }} errors={errors} submitLabel={t('signs.saveTerm')} canUpload={canUpload} maxGigabytes={maxGigabytes} />
      <Form
        method="post"
        onSubmit={(event) => {
          if (!window.confirm(t('signs.deleteConfirm', { word: term.word }))) event.preventDefault()
        }}
      >
        <CsrfInput />
        <button type="submit" name="intent" value="delete" className="danger">
          {t('signs.delete')}
        </button>
      </Form>
    </section>
  )
}
