import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { homeFor } from '~/modules/accounts/home.server'
import { forbidden } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { adminTitle } from './admin'

export const meta: MetaFunction = ({ matches }) => adminTitle(matches, 'admin.overviewTitle')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'manage:users')
  const home = await homeFor(web.rt.db, web.actor)
  if (home.role !== 'admin') throw forbidden()
  return { district: home.district, counts: home.counts }
})

export default function AdminOverview() {
  const { district, counts } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="admin-overview-title">
      <h1 id="admin-overview-title">{t('admin.overviewTitle')}</h1>
      <p>{t('home.adminIntro', { district })}</p>
      <ul className="stats">
        <li>
          <strong>{counts.schools}</strong> <Link to="/admin/schools">{t('admin.schools')}</Link>
        </li>
        <li>
          <strong>{counts.classes}</strong> <Link to="/admin/schools">{t('admin.classes')}</Link>
        </li>
        <li>
          <strong>{counts.users}</strong> <Link to="/admin/users">{t('admin.users')}</Link>
        </li>
      </ul>
      <h2 id="admin-quick-title">{t('admin.quickLinks')}</h2>
      <ul aria-labelledby="admin-quick-title">
        <li>
          <Link to="/admin/schools/new">{t('admin.newSchool')}</Link>
        </li>
        <li>
          <Link to="/admin/users/new">{t('admin.newUser')}</Link>
        </li>
        <li>
          <Link to="/admin/users/import">{t('admin.import')}</Link>
        </li>
        <li>
          <Link to="/admin/audit">{t('admin.audit')}</Link>
        </li>
      </ul>
    </section>
  )
}
