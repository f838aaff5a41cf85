import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { RichText } from '~/components/rich-text'
import { createI18n, type Locale } from '~/platform/i18n'
import type { ResourceView, VariantView } from './resources.server'

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A variant as a standalone HTML document, rendered through the same allow-listed renderer as the page. */
export function variantDocument(resource: ResourceView, variant: VariantView, locale: Locale) {
  const i18n = createI18n(locale)
  const t = i18n.t
  const name = t(`library.variantNames.${variant.key}`)
  const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => `<li>${escape(l)}</li>`).join('')
  const activities = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(RichText, { doc: variant.activities })))
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escape(`${resource.title} · ${name}`)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;font-size:1.15rem;line-height:1.7;max-width:45rem;margin:2rem auto;padding:0 1rem}.callout{border-left:4px solid #555;padding:.25rem 1rem;background:#f4f4f4}table{border-collapse:collapse}td,th{border:1px solid #555;padding:.25rem .5rem}</style>
</head><body>
<h1>${escape(resource.title)}</h1>
<p>${escape(name)} · ${escape(resource.attribution)} · ${escape(t(`library.licences.${resource.licence}`))}</p>
<h2>${escape(t('library.variants.objectives'))}</h2><ul>${lines(variant.objectives)}</ul>
<h2>${escape(t('library.variants.activities'))}</h2>${activities}
<h2>${escape(t('library.variants.assessment'))}</h2><ul>${lines(variant.assessment)}</ul>
</body></html>`
  return { fileName: `${resource.title} - ${name}.html`, html }
}
