import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can } from '~/modules/accounts/permissions'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import signsStyles from '~/styles/signs.css?url'
import { pageTitle } from '~/platform/page-title'
import { Subnav } from '~/components/subnav'

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
      <Subnav label={t('signs.nav')} sections={sections} />
      <Outlet />
    </>
  )
}

/* ---- Shared by the glossary pages (no server-only imports: this module also reaches the browser). ---- */

export const signsTitle = pageTitle
