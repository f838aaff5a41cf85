import type { MetaDescriptor } from '@remix-run/node'
import { createI18n, defaultLocale, isLocale, type Locale } from './i18n'

const translators = new Map<Locale, ReturnType<typeof createI18n>['t']>()

/** A page title in the reader's language (the root loader's locale): "<page>[: <suffix>] · 同行". */
export function pageTitle(matches: { id: string; data?: unknown }[], key: string, params?: Record<string, unknown>, suffix?: string): MetaDescriptor[] {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined
  const locale: Locale = isLocale(root?.locale) ? root.locale : defaultLocale
  let t = translators.get(locale)
  if (!t) translators.set(locale, (t = createI18n(locale).t))
  return [{ title: `${t(key, params)}${suffix ? `: ${suffix}` : ''} · ${t('app.name')}` }]
}
