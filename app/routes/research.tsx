import type { LinksFunction, LoaderFunctionArgs, MetaDescriptor } from '@remix-run/node'
import { Outlet, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { canUseResearch } from '~/modules/research/access'
import { forbidden } from '~/platform/errors'
import { createI18n, defaultLocale, isLocale, type Locale } from '~/platform/i18n'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import researchStyles from '~/styles/research.css?url'
import { Subnav } from '~/components/subnav'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: researchStyles }]

/** 教研 is for teachers, researchers and administrators; the pages below check which group or session. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  if (!canUseResearch(web.actor)) throw forbidden()
  return null
})

export default function ResearchLayout() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const sections = [
    { to: '/research', key: 'research.sections.home', current: pathname === '/research' || pathname === '/research/' },
    { to: '/research/calendar', key: 'research.sections.calendar', current: pathname.startsWith('/research/calendar') },
    { to: '/research/studies', key: 'research.sections.studies', current: pathname.startsWith('/research/studies') },
  ]
  return (
    <>
      <Subnav label={t('research.nav')} sections={sections} />
      <Outlet />
    </>
  )
}

/* ---- Shared by the research pages (no server-only imports: this module also reaches the browser). ---- */

export function researchTitle(matches: { id: string; data: unknown }[], title: string, params?: Record<string, string>, suffix?: string): MetaDescriptor[] {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined
  const locale: Locale = isLocale(root?.locale) ? root.locale : defaultLocale
  const t = createI18n(locale).t
  return [{ title: `${suffix ? `${suffix} · ` : ''}${t(title, params)} · ${t('app.name')}` }]
}
