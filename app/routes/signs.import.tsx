import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus, fieldErrorsOf } from '~/components/forms'
import { can } from '~/modules/accounts/permissions'
import { importSignTerms, type SignImportReport } from '~/modules/signs/import.server'
import { AppError, badInput, type ActionResult, type Message } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor, webRequest } from '~/platform/web.server'
import { signsTitle } from './signs'
import { ImportErrors } from '~/components/import-errors'

export const meta: MetaFunction = ({ matches }) => signsTitle(matches, 'signs.import.title')

const maxBytes = 2 * 1024 * 1024
const maxMb = maxBytes / 1024 / 1024
const tooLarge: Message = { key: 'errors.fileTooLarge', params: { max: maxMb } }

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  await requireActor(args, 'edit:signs')
  return null
})

type ImportResult = ActionResult & { report?: SignImportReport }

const importAction = formAction(async (args, form) => {
  const web = await requireActor(args, 'edit:signs')
  try {
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) throw badInput({ file: { key: 'errors.fileRequired' } }, 'errors.fileRequired')
    if (file.size > maxBytes) throw badInput({ file: tooLarge }, tooLarge.key)
    const report = await importSignTerms(web.rt.db, web.actor, await file.text())
    return { ok: true as const, message: { key: 'signs.import.result', params: { imported: report.imported.length, failed: report.failed.length } }, report }
  } catch (error) {
    if (error instanceof AppError) return data<ImportResult>({ ok: false, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    throw error
  }
})

/** An oversized upload is refused from its Content-Length, before its body is read into memory. */
export async function action(args: ActionFunctionArgs) {
  const length = Number(args.request.headers.get('Content-Length') ?? 0)
  if (length > maxBytes + 64 * 1024) {
    const web = await webRequest(args)
    if (web.actor && can(web.actor.role, 'edit:signs')) return data<ImportResult>({ ok: false, error: { message: tooLarge, fields: { file: tooLarge } } }, { status: 413 })
  }
  return importAction(args)
}

export default function ImportSignTerms() {
  const { t } = useTranslation()
  const result = useActionData<typeof action>() as ImportResult | undefined
  const report = result?.ok ? result.report : undefined
  const submitting = useNavigation().state === 'submitting'
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{t('signs.import.title')}</h1>
      <p>{t('signs.import.intro')}</p>
      <h2 id="import-example-title">{t('signs.import.example')}</h2>
      <pre aria-labelledby="import-example-title" tabIndex={0}>
        <code>{t('signs.import.sample')}</code>
      </pre>
      <FormStatus result={result} />
      <Form method="post" encType="multipart/form-data" aria-labelledby="import-title" noValidate>
        <CsrfInput />
        <Field label={t('signs.import.file')} name="file" errors={fieldErrorsOf(result)} required hint={t('signs.import.fileHint', { max: maxMb })}>
          {(props) => <input {...props} type="file" accept=".csv,text/csv" />}
        </Field>
        <button type="submit" disabled={submitting}>
          {submitting ? t('common.loading') : t('signs.import.submit')}
        </button>
      </Form>
      {report ? (
        <ImportErrors
          labels={{ title: t('signs.import.errors'), none: t('signs.import.noErrors'), rowHeader: t('signs.import.rowHeader'), nameHeader: t('signs.fields.word'), problems: t('signs.import.problems'), row: (row) => t('signs.import.row', { row }) }}
          failures={report.failed.map((f) => ({ row: f.row, name: f.word, fields: f.fields }))}
          nameLang="zh-CN"
        />
      ) : null}
    </section>
  )
}
