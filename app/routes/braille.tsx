import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus, fieldErrorsOf } from '~/components/forms'
import { BrailleSideBySide } from '~/components/braille/side-by-side'
import { PAGE_LIMITS } from '~/modules/braille'
import { convertText, type BrailleConversion } from '~/modules/braille/service.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'

export const meta: MetaFunction = () => [{ title: '盲文转换 · 同行' }]

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  await requireActor(args)
  return null
})

/** The preview, returned to the page; the BRF download is braille.brf.ts. */
export const action = formAction(async (args, form) => {
  await requireActor(args)
  const values = formObject(form) as Record<string, string>
  try {
    return { ok: true as const, result: convertText({ ...values, format: 'unicode' }), values }
  } catch (error) {
    // The page posts as a whole document, so what was typed comes back with the error.
    if (error instanceof AppError) {
      return data({ ok: false as const, error: { message: error.userMessage, fields: error.options.fields }, values }, { status: error.status })
    }
    throw error
  }
})

export default function Braille() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>() as (ActionResult<BrailleConversion> & { values?: Record<string, string> }) | undefined
  const busy = useNavigation().state === 'submitting'
  const errors = fieldErrorsOf(actionData)
  const values = actionData && 'values' in actionData ? actionData.values : undefined
  const result = actionData?.ok ? actionData.result : undefined
  return (
    <section aria-labelledby="braille-title" className="braille-page">
      <h1 id="braille-title">{t('braille.title')}</h1>
      <p>{t('braille.intro')}</p>
      <FormStatus result={actionData?.ok ? null : actionData} />
      <Form method="post" noValidate>
        <CsrfInput />
        <Field label={t('braille.text')} name="text" errors={errors} required>
          {(props) => <textarea {...props} rows={8} defaultValue={values?.text ?? ''} />}
        </Field>
        <Field label={t('braille.scheme')} name="scheme" errors={errors}>
          {(props) => (
            <select {...props} defaultValue={values?.scheme ?? 'common'}>
              <option value="common">{t('braille.schemes.common')}</option>
              <option value="current">{t('braille.schemes.current')}</option>
            </select>
          )}
        </Field>
        <div className="field-row">
          <Field label={t('braille.cellsPerLine')} name="cellsPerLine" type="number" errors={errors} defaultValue={values?.cellsPerLine ?? PAGE_LIMITS.cellsPerLine.default} />
          <Field label={t('braille.linesPerPage')} name="linesPerPage" type="number" errors={errors} defaultValue={values?.linesPerPage ?? PAGE_LIMITS.linesPerPage.default} />
        </div>
        <button type="submit" disabled={busy}>
          {t('braille.convert')}
        </button>
      </Form>
      {result && values ? (
        // A whole-document post to a resource route, so that the file arrives as a download.
        <Form method="post" action="/braille/brf" reloadDocument>
          <CsrfInput />
          {(['text', 'scheme', 'cellsPerLine', 'linesPerPage'] as const).map((name) => (
            <input key={name} type="hidden" name={name} value={values[name] ?? ''} />
          ))}
          <button type="submit" className="secondary">
            {t('braille.download')}
          </button>
        </Form>
      ) : null}
      {result ? <BrailleSideBySide result={result} cellsPerLine={Number(values?.cellsPerLine ?? 30)} linesPerPage={Number(values?.linesPerPage ?? 25)} /> : null}
    </section>
  )
}
