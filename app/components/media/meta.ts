import type { MetaDescriptor } from '@remix-run/node'
import { createI18n, defaultLocale, isLocale } from '~/platform/i18n'

/** A media page's title in the visitor's language: "<title> · 同行". */
export function mediaTitle(matches: { id: string; data?: unknown }[], title: string | { key: string }): MetaDescriptor[] {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined
  const t = createI18n(isLocale(root?.locale) ? root.locale : defaultLocale).t
  return [{ title: `${typeof title === 'string' ? title : t(title.key)} · ${t('app.name')}` }]
}
