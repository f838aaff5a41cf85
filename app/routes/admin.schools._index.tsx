import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listSchools } from '~/modules/accounts/structure.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { adminTitle } from './admin'

export const meta: MetaFunction = ({ matches }) => adminTitle(matches, 'admin.schools')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'manage:users')
  return { schools: await listSchools(web.rt.db, web.actor) }
})

export default function AdminSchools() {
  const { schools } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="schools-title">
      <h1 id="schools-title">{t('admin.schools')}</h1>
      <p className="toolbar">
        <Link to="/admin/schools/new" className="button">
          {t('admin.newSchool')}
        </Link>
      </p>
      {schools.length === 0 ? (
        <p>{t('admin.noSchools')}</p>
      ) : (
        <table>
          <caption>{t('admin.schoolList')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.schoolName')}</th>
              <th scope="col">{t('admin.schoolKind')}</th>
              <th scope="col">{t('admin.classCount')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {schools.map((school) => (
              <tr key={school.id}>
                <th scope="row">{school.name}</th>
                <td>{t(`schoolKinds.${school.kind}`)}</td>
                <td>{school.classCount}</td>
                <td>
                  <Link to={`/admin/schools/${school.id}`} aria-label={t('admin.editNamed', { name: school.name })}>
                    {t('common.edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
