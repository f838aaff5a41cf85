import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus, fieldErrorsOf } from '~/components/forms'
import { importUploadedPackage, type ImportReport } from '~/modules/library/package.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { receiveUploadForm } from '~/platform/upload.server'
import { requireActor } from '~/platform/web.server'
import { libraryTitle } from './library'

export const meta: MetaFunction = ({ matches }) => libraryTitle(matches, 'library.package.importTitle')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  await requireActor(args, 'author:resource')
  return null
})

type ImportResult = ActionResult & { report?: ImportReport }

/** The package streams to a temporary file, then is imported whole or not at all. */
export async function action(args: ActionFunctionArgs) {
  const web = await requireActor(args, 'author:resource')
  try {
    const { received: report } = await receiveUploadForm(args, web, 'library.package.errors.noFile', (file) => importUploadedPackage(web.rt, web.actor, file.body, web.ip))
    return data<ImportResult>({ ok: true, message: { key: 'library.package.imported', params: { title: report.title, files: report.files, videos: report.videos, tracks: report.tracks, braille: report.braille } }, report })
  } catch (error) {
    if (error instanceof AppError) return data<ImportResult>({ ok: false, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    throw error
  }
}

export default function ImportPackage() {
  const { t } = useTranslation()
  const result = useActionData<typeof action>() as ImportResult | undefined
  const report = result?.ok ? result.report : undefined
  const submitting = useNavigation().state === 'submitting'
  const fieldErrors = result && !result.ok ? Object.entries(result.error.fields ?? {}).filter(([field]) => field !== 'file') : []
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{t('library.package.importTitle')}</h1>
      <p>{t('library.package.importIntro')}</p>
      <FormStatus result={result} />
      {fieldErrors.length ? (
        <ul aria-label={t('library.package.errors.resourceInvalid')}>
          {fieldErrors.map(([field, message]) => (
            <li key={field}>
              <code>{field}</code> {t(message.key, message.params)}
            </li>
          ))}
        </ul>
      ) : null}
      {report ? (
        <div>
          <p>{t('library.package.termsLinked', { linked: report.signTerms.linked, created: report.signTerms.created })}</p>
          {report.signTerms.dropped.length ? <p>{t('library.package.termsDropped', { words: report.signTerms.dropped.join('、') })}</p> : null}
          <p>
            <Link to={`/library/${report.id}`}>{t('library.package.open')}</Link>
          </p>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" aria-labelledby="import-title" noValidate>
        <CsrfInput />
        <Field label={t('library.package.file')} name="file" errors={fieldErrorsOf(result)} required>
          {(props) => <input {...props} type="file" accept=".zip,application/zip" />}
        </Field>
        <button type="submit" disabled={submitting}>
          {submitting ? t('library.package.importing') : t('library.package.submit')}
        </button>
      </Form>
    </section>
  )
}
