import i18next, { type i18n as I18n } from 'i18next'
import { en } from './en'
import { zhCN } from './zh-CN'

export const locales = ['zh-CN', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'zh-CN'

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/** One synchronous instance per request on the server, one per page load in the browser. */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance()
  void instance.init({
    lng: locale,
    fallbackLng: defaultLocale,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}

/** For the API and logs: a message in every language at once. */
export function translateAll(key: string, params?: Record<string, unknown>): Record<Locale, string> {
  return Object.fromEntries(locales.map((locale) => [locale, serverT[locale](key, params)])) as Record<Locale, string>
}

const serverT = Object.fromEntries(locales.map((locale) => [locale, createI18n(locale).t])) as Record<Locale, I18n['t']>
