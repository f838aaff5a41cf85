import type { MetaDescriptor } from '@remix-run/node'
import { createI18n, defaultLocale, isLocale, type Locale } from '~/platform/i18n'

/** A page title in the reader's language, from the `learning` catalogue. */
export function learningTitle(matches: { id: string; data: unknown }[], key: string, params?: Record<string, string>): MetaDescriptor[] {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined
  const locale: Locale = isLocale(root?.locale) ? root.locale : defaultLocale
  const t = createI18n(locale).t
  return [{ title: `${t(key, params)} · ${t('app.name')}` }]
}
