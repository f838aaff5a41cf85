import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus } from '~/components/forms'
import type { ImportReport } from '~/modules/accounts/import.server'
import { importUsers } from '~/modules/accounts/import.server'
import { can } from '~/modules/accounts/permissions'
import { badInput, type Message } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor, webRequest } from '~/platform/web.server'
import { adminTitle, keepValues, resultFor, type AdminResult } from './admin'
import { ImportErrors } from '~/components/import-errors'

export const meta: MetaFunction = ({ matches }) => adminTitle(matches, 'admin.import')

const maxBytes = 2 * 1024 * 1024
const maxMb = maxBytes / 1024 / 1024
const tooLarge: Message = { key: 'errors.fileTooLarge', params: { max: maxMb } }

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  await requireActor(args, 'manage:users')
  return null
})

const importAction = formAction(async (args, form) => {
  const web = await requireActor(args, 'manage:users')
  return keepValues(form, async () => {
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) throw badInput({ file: { key: 'errors.fileRequired' } }, 'errors.fileRequired')
    if (file.size > maxBytes) throw badInput({ file: tooLarge }, tooLarge.key)
    const report = await importUsers(web.rt.db, web.actor, await file.text(), web.ip)
    return { ok: true, message: { key: 'admin.importResult', params: { imported: report.imported.length, failed: report.failed.length } }, report }
  })
})

/** An oversized upload is refused from its Content-Length, before its body is read into memory. */
export async function action(args: ActionFunctionArgs) {
  const length = Number(args.request.headers.get('Content-Length') ?? 0)
  if (length > maxBytes + 64 * 1024) {
    const web = await webRequest(args)
    if (web.actor && can(web.actor.role, 'manage:users')) {
      return data<AdminResult>({ ok: false, error: { message: tooLarge, fields: { file: tooLarge } }, values: {} }, { status: 413 })
    }
  }
  return importAction(args)
}

/** The CSV columns, named as in the file, for the fields the import reports on. */
const columnOf: Record<string, string> = { displayName: 'display_name', schoolId: 'school' }

export default function ImportUsers() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>() as (AdminResult & { report?: ImportReport }) | undefined
  const { result, errors } = resultFor(actionData)
  const report = actionData?.ok ? actionData.report : undefined
  const submitting = useNavigation().state === 'submitting'
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{t('admin.import')}</h1>
      <p>{t('admin.importIntro')}</p>
      <h2 id="import-example-title">{t('admin.importExample')}</h2>
      <pre aria-labelledby="import-example-title" tabIndex={0}>
        <code>{t('admin.importSample')}</code>
      </pre>
      <FormStatus result={result} />
      <Form method="post" encType="multipart/form-data" aria-labelledby="import-title" noValidate>
        <CsrfInput />
        <Field label={t('admin.importFile')} name="file" errors={errors} required hint={t('admin.importFileHint', { max: maxMb })}>
          {(props) => <input {...props} type="file" accept=".csv,text/csv" />}
        </Field>
        <button type="submit" disabled={submitting}>
          {submitting ? t('common.loading') : t('admin.importSubmit')}
        </button>
      </Form>

      {report ? (
        <ImportErrors
          labels={{ title: t('admin.importErrors'), none: t('admin.importNoErrors'), rowHeader: t('admin.importRowNumber'), nameHeader: t('admin.username'), problems: t('admin.importProblems'), row: (row) => t('admin.importRow', { row }) }}
          failures={report.failed.map((f) => ({ row: f.row, name: f.username, fields: f.fields }))}
          columnOf={columnOf}
        />
      ) : null}
    </section>
  )
}
