import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, Outlet, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can } from '~/modules/accounts/permissions'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import signsStyles from '~/styles/signs.css?url'
import { pageTitle } from '~/platform/page-title'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: signsStyles }]

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return { canEdit: can(web.actor.role, 'edit:signs') }
})

export default function SignsLayout() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const { canEdit } = useLoaderData<typeof loader>()
  const sections = [
    { to: '/signs', key: 'signs.title', show: true, current: pathname === '/signs' || pathname === '/signs/' },
    { to: '/signs/new', key: 'signs.newTerm', show: canEdit, current: pathname.startsWith('/signs/new') },
    { to: '/signs/import', key: 'signs.importTerms', show: canEdit, current: pathname.startsWith('/signs/import') },
  ]
  return (
    <>
      <nav className="subnav no-print" aria-label={t('signs.nav')}>
        <ul>
          {sections
            .filter((s) => s.show)
            .map((s) => (
              <li key={s.to}>
                <Link to={s.to} aria-current={s.current ? 'page' : undefined}>
                  {t(s.key)}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <Outlet />
    </>
  )
}

/* ---- Shared by the glossary pages (no server-only imports: this module also reaches the browser). ---- */

export const signsTitle = pageTitle
