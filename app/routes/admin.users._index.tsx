import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Field } from '~/components/forms'
import { roles } from '~/modules/accounts/permissions'
import { listSchools } from '~/modules/accounts/structure.server'
import { listUsers } from '~/modules/accounts/users.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { adminTitle } from './admin'

export const meta: MetaFunction = ({ matches }) => adminTitle(matches, 'admin.users')

/** Unknown or malformed filters are dropped rather than failing the page. */
const blankToUndefined = (v: unknown) => (v === '' || v == null ? undefined : v)
const filterInput = z.object({
  role: z.preprocess(blankToUndefined, z.enum(roles).optional()).catch(undefined),
  schoolId: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
})

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'manage:users')
  const filter = filterInput.parse(Object.fromEntries(new URL(args.request.url).searchParams))
  const [list, schools] = await Promise.all([listUsers(web.rt.db, web.actor, filter), listSchools(web.rt.db, web.actor)])
  return { ...list, filter, schools: schools.map((s) => ({ id: s.id, name: s.name })) }
})

export default function AdminUsers() {
  const { users, page, pageCount, total, filter, schools } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const pageLink = (to: number) => {
    const params = new URLSearchParams()
    if (filter.role) params.set('role', filter.role)
    if (filter.schoolId) params.set('schoolId', filter.schoolId)
    if (filter.q) params.set('q', filter.q)
    params.set('page', String(to))
    return `?${params}`
  }
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('admin.users')}</h1>
      <p className="toolbar">
        <Link to="/admin/users/new" className="button">
          {t('admin.newUser')}
        </Link>
        <Link to="/admin/users/import" className="button secondary">
          {t('admin.import')}
        </Link>
      </p>
      <Form method="get" className="toolbar" role="search" aria-label={t('admin.filterUsers')}>
        <Field label={t('admin.filterRole')} name="role">
          {(props) => (
            <select {...props} defaultValue={filter.role ?? ''}>
              <option value="">{t('common.all')}</option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('admin.filterSchool')} name="schoolId">
          {(props) => (
            <select {...props} defaultValue={filter.schoolId ?? ''}>
              <option value="">{t('common.all')}</option>
              {schools.map((school) => (
                <option key={school.id} value={school.id}>
                  {school.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('admin.filterQuery')} name="q">
          {(props) => <input {...props} type="search" defaultValue={filter.q ?? ''} />}
        </Field>
        <button type="submit">{t('common.filter')}</button>
      </Form>
      {users.length === 0 ? (
        <p>{t('admin.noUsers')}</p>
      ) : (
        <table>
          <caption>
            {t('admin.userList')} · {t('common.total', { count: total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.username')}</th>
              <th scope="col">{t('admin.displayName')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('admin.school')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.username}</th>
                <td>{user.displayName}</td>
                <td>{t(`roles.${user.role}`)}</td>
                <td>{user.schoolName ?? t('common.none')}</td>
                <td>{user.active ? t('admin.activeShort') : t('admin.inactive')}</td>
                <td>
                  <Link to={`/admin/users/${user.id}`} aria-label={t('admin.editNamed', { name: user.displayName })}>
                    {t('common.edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pageCount > 1 ? (
        <nav className="pagination" aria-label={t('admin.pagination')}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t('common.previous')}</Link> : null}
          <span>{t('admin.pageOf', { page, pageCount })}</span>
          {page < pageCount ? <Link to={pageLink(page + 1)}>{t('common.next')}</Link> : null}
        </nav>
      ) : null}
    </section>
  )
}
