import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BrailleSideBySide } from '~/components/braille/side-by-side'
import { CsrfInput, Field, FormStatus, fieldErrorsOf } from '~/components/forms'
import { paginate } from '~/modules/braille'
import { brailleLayoutOf, clearBrailleCorrection, getResourceBraille, saveBrailleCorrection } from '~/modules/braille/resource.server'
import type { ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { libraryTitle, parseResourceId } from './library'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => libraryTitle(matches, data ? `盲文版：${data.view.resource.title}` : 'braille.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  const layout = brailleLayoutOf(new URL(args.request.url))
  const view = await getResourceBraille(web.rt.db, web.actor, parseResourceId(args.params.id), layout.scheme)
  return { view, layout, pages: paginate(view.braille, layout) }
})

export const action = formAction(async (args, form, web) => {
  const { actor } = await requireActor(args, 'read:library')
  const id = parseResourceId(args.params.id)
  const { scheme } = brailleLayoutOf(new URL(args.request.url))
  if (form.get('intent') === 'restore') {
    await clearBrailleCorrection(web.rt.db, actor, id, scheme)
    return { ok: true as const, message: { key: 'braille.resource.restored' } }
  }
  await saveBrailleCorrection(web.rt.db, actor, id, scheme, formObject(form))
  return { ok: true as const, message: { key: 'braille.resource.saved' } }
})

export default function ResourceBraille() {
  const { view, layout, pages } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionResult | undefined
  const busy = useNavigation().state === 'submitting'
  const { t, i18n } = useTranslation()
  const query = new URLSearchParams({ scheme: layout.scheme, cellsPerLine: String(layout.cellsPerLine), linesPerPage: String(layout.linesPerPage) })
  return (
    <section aria-labelledby="resource-braille-title" className="braille-page">
      <p>
        <Link to={`/library/${view.resource.id}`}>{t('braille.resource.back')}</Link>
      </p>
      <h1 id="resource-braille-title">{t('braille.resource.title', { title: view.resource.title })}</h1>
      <p>{t('braille.resource.intro')}</p>

      <Form method="get" className="field-row" aria-label={t('braille.resource.layout')}>
        <Field label={t('braille.scheme')} name="scheme">
          {(props) => (
            <select {...props} defaultValue={layout.scheme}>
              <option value="common">{t('braille.schemes.common')}</option>
              <option value="current">{t('braille.schemes.current')}</option>
            </select>
          )}
        </Field>
        <Field label={t('braille.cellsPerLine')} name="cellsPerLine" type="number" defaultValue={layout.cellsPerLine} />
        <Field label={t('braille.linesPerPage')} name="linesPerPage" type="number" defaultValue={layout.linesPerPage} />
        <button type="submit" className="secondary">
          {t('braille.resource.apply')}
        </button>
      </Form>

      <p className="notice">
        {view.correction
          ? t('braille.resource.corrected', { name: view.correction.correctedBy ?? '—', at: new Date(view.correction.correctedAt).toLocaleDateString(i18n.language, { timeZone: 'Asia/Shanghai' }) })
          : t('braille.resource.automatic')}{' '}
        {view.correction?.stale ? t('braille.resource.correctedStale') : null}
      </p>
      <p>
        <a className="button" href={`/library/${view.resource.id}/braille.brf?${query}`} download>
          {t('braille.download')}
        </a>
      </p>

      <BrailleSideBySide
        result={{ scheme: view.scheme, format: 'unicode', braille: view.braille, pages, words: view.automatic.words, unsupported: view.automatic.unsupported }}
        cellsPerLine={layout.cellsPerLine}
        linesPerPage={layout.linesPerPage}
      />

      {view.canCorrect ? (
        <section aria-labelledby="correct-title" className="braille-correct">
          <h2 id="correct-title">{t('braille.resource.correct')}</h2>
          <FormStatus result={result} />
          <Form method="post" noValidate>
            <CsrfInput />
            <Field label={t('braille.braille')} name="braille" hint={t('braille.resource.correctHint')} errors={fieldErrorsOf(result)} required>
              {(props) => <textarea {...props} className="cells" rows={10} defaultValue={view.braille} key={view.braille} />}
            </Field>
            <div className="button-row">
              <button type="submit" disabled={busy}>
                {t('braille.resource.save')}
              </button>
              {view.correction ? (
                <button type="submit" name="intent" value="restore" className="secondary" disabled={busy}>
                  {t('braille.resource.restore')}
                </button>
              ) : null}
            </div>
          </Form>
        </section>
      ) : null}
    </section>
  )
}
