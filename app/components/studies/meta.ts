import type { MetaDescriptor } from '@remix-run/node'
import { createI18n, defaultLocale, isLocale } from '~/platform/i18n'

/** A lesson-study page's title in the visitor's language: "<title> · 课例研究 · 同行". */
export function studiesTitle(matches: { id: string; data?: unknown }[], title?: string): MetaDescriptor[] {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined
  const t = createI18n(isLocale(root?.locale) ? root.locale : defaultLocale).t
  return [{ title: [title, t('studies.title'), t('app.name')].filter(Boolean).join(' · ') }]
}
