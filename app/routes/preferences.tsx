import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus } from '~/components/forms'
import { contrasts, fontScales, preferencesInput } from '~/modules/accounts/schemas'
import { updateOwnPreferences } from '~/modules/accounts/users.server'
import { parseInput, type ActionResult } from '~/platform/errors'
import { locales } from '~/platform/i18n'
import { safeRedirect } from '~/platform/redirect'
import { formAction, formObject, webRequest } from '~/platform/web.server'
import type { loader as rootLoader } from '~/root'

export const loader = async (_args: LoaderFunctionArgs) => null

/** Signed in: kept with the account. A visitor: kept in a cookie. The language switch posts here too. */
export const action = formAction(async (_args, form, web) => {
  const current = { locale: web.locale, fontScale: web.preferences.fontScale ?? 'normal', contrast: web.preferences.contrast ?? 'normal', reducedMotion: web.preferences.reducedMotion ?? false }
  const onlyLocale = form.get('intent') === 'locale'
  const submitted = onlyLocale ? { ...current, locale: form.get('locale') } : formObject(form)
  const values = web.actor ? await updateOwnPreferences(web.rt.db, web.actor, submitted) : splitPreferences(parseInput(preferencesInput, submitted))
  const headers = web.actor ? undefined : { 'Set-Cookie': await web.cookies.preferences.serialize({ locale: values.locale, ...values.preferences }) }
  if (onlyLocale) throw redirect(safeRedirect(form.get('redirectTo')), { headers })
  return data({ ok: true, message: { key: 'preferences.saved' } } satisfies ActionResult, { headers })
})

const splitPreferences = ({ locale, ...preferences }: ReturnType<typeof preferencesInput.parse>) => ({ locale, preferences })

export default function Preferences() {
  const root = useRouteLoaderData<typeof rootLoader>('root')
  const result = useActionData<typeof action>()
  const { t } = useTranslation()
  const prefs = root?.preferences ?? {}
  return (
    <section aria-labelledby="prefs-title">
      <h1 id="prefs-title">{t('preferences.title')}</h1>
      <p>{t('preferences.intro')}</p>
      {root?.user?.role === 'student' ? (
        <p>
          {t('learning.prefs.accountNote')} <Link to="/learn/preferences">{t('learning.my.preferences')}</Link>
        </p>
      ) : null}
      <FormStatus result={result} />
      <Form method="post">
        <CsrfInput />
        <fieldset>
          <legend>{t('preferences.fontScale')}</legend>
          {fontScales.map((scale) => (
            <label key={scale} className="choice">
              <input type="radio" name="fontScale" value={scale} defaultChecked={(prefs.fontScale ?? 'normal') === scale} />
              {t(`preferences.fontScales.${scale}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('preferences.contrast')}</legend>
          {contrasts.map((contrast) => (
            <label key={contrast} className="choice">
              <input type="radio" name="contrast" value={contrast} defaultChecked={(prefs.contrast ?? 'normal') === contrast} />
              {t(`preferences.contrasts.${contrast}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('preferences.reducedMotion')}</legend>
          <label className="choice">
            <input type="checkbox" name="reducedMotion" defaultChecked={prefs.reducedMotion ?? false} />
            {t('preferences.reducedMotion')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('preferences.language')}</legend>
          {locales.map((locale) => (
            <label key={locale} className="choice" lang={locale}>
              <input type="radio" name="locale" value={locale} defaultChecked={root?.locale === locale} />
              {locale === 'zh-CN' ? '简体中文' : 'English'}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('common.save')}</button>
      </Form>
    </section>
  )
}
