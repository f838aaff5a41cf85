import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus } from '~/components/forms'
import { listSchools } from '~/modules/accounts/structure.server'
import { getUser, linkChild, unlinkChild, updateUser } from '~/modules/accounts/users.server'
import { badInput } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { adminTitle, keepValues, parseId, resultFor, useResetOnSuccess, type AdminResult } from './admin'
import { RoleField, SchoolField } from './admin.users.new'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => adminTitle(matches, 'admin.editUserTitle', { name: data?.user.displayName ?? '' })

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'manage:users')
  const [user, schools] = await Promise.all([getUser(web.rt.db, web.actor, parseId(args.params.userId)), listSchools(web.rt.db, web.actor)])
  return { user, schools: schools.map((s) => ({ id: s.id, name: s.name })) }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args, 'manage:users')
  return keepValues(form, async () => {
    const userId = parseId(args.params.userId)
    switch (form.get('intent')) {
      case 'update':
        await updateUser(web.rt.db, web.actor, userId, formObject(form), web.ip)
        return { ok: true, intent: 'update', message: { key: 'admin.updated' } }
      case 'linkChild':
        await linkChild(web.rt.db, web.actor, userId, String(form.get('childUsername') ?? ''), web.ip)
        return { ok: true, intent: 'linkChild', message: { key: 'admin.childLinked' } }
      case 'unlinkChild':
        await unlinkChild(web.rt.db, web.actor, userId, parseId(form.get('studentId')), web.ip)
        return { ok: true, intent: 'unlinkChild', message: { key: 'admin.childUnlinked' } }
      default:
        throw badInput({})
    }
  })
})

export default function EditUser() {
  const { user, schools } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as AdminResult | undefined
  const [params] = useSearchParams()
  const { t } = useTranslation()
  const edit = resultFor(actionData, 'update')
  const link = resultFor(actionData, 'linkChild')
  const unlink = resultFor(actionData, 'unlinkChild')
  const linkForm = useResetOnSuccess(link.result)
  const values = edit.values
  return (
    <section aria-labelledby="user-title">
      <h1 id="user-title">{t('admin.editUserTitle', { name: user.displayName })}</h1>
      {params.get('created') && !actionData ? (
        <p role="status" className="notice notice-success">
          {t('admin.created')}
        </p>
      ) : null}
      <dl className="profile">
        <dt>{t('admin.username')}</dt>
        <dd>{user.username}</dd>
      </dl>
      <FormStatus result={edit.result} />
      <Form method="post" aria-labelledby="user-title" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="update" />
        <Field label={t('admin.displayName')} name="displayName" errors={edit.errors} required defaultValue={values ? values.displayName : user.displayName} autoComplete="off" />
        <RoleField errors={edit.errors} value={values ? values.role : user.role} />
        <Field label={t('admin.email')} name="email" type="email" errors={edit.errors} defaultValue={values ? values.email : user.email} autoComplete="off" />
        <SchoolField errors={edit.errors} value={values ? values.schoolId : user.schoolId} schools={schools} />
        <Field label={t('admin.active')} name="active" errors={edit.errors}>
          {(props) => <input {...props} type="checkbox" style={{ alignSelf: 'flex-start', width: '1.5rem', height: '1.5rem', minHeight: 0 }} defaultChecked={values ? values.active === 'on' : user.active} />}
        </Field>
        <Field label={t('admin.newPassword')} name="password" type="password" errors={edit.errors} hint={`${t('admin.newPasswordHint')} ${t('errors.passwordTooShort')}`} autoComplete="new-password" />
        <button type="submit">{t('common.save')}</button>
      </Form>

      <h2 id="user-classes-title">{t('admin.classesOf')}</h2>
      {user.classes.length === 0 ? (
        <p>{t('admin.noUserClasses')}</p>
      ) : (
        <table aria-labelledby="user-classes-title">
          <thead>
            <tr>
              <th scope="col">{t('admin.className')}</th>
              <th scope="col">{t('admin.school')}</th>
              <th scope="col">{t('admin.stage')}</th>
              <th scope="col">{t('admin.grade')}</th>
            </tr>
          </thead>
          <tbody>
            {user.classes.map((klass) => (
              <tr key={klass.id}>
                <th scope="row">
                  <Link to={`/admin/classes/${klass.id}`}>{klass.name}</Link>
                </th>
                <td>{klass.schoolName}</td>
                <td>{t(`stages.${klass.stage}`)}</td>
                <td>{klass.grade ?? t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {user.role === 'family' ? (
        <>
          <h2 id="children-title">{t('admin.children')}</h2>
          <FormStatus result={unlink.result} />
          {user.children.length === 0 ? (
            <p>{t('admin.noChildren')}</p>
          ) : (
            <table aria-labelledby="children-title">
              <thead>
                <tr>
                  <th scope="col">{t('admin.displayName')}</th>
                  <th scope="col">{t('admin.username')}</th>
                  <th scope="col">{t('admin.school')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {user.children.map((child) => (
                  <tr key={child.id}>
                    <th scope="row">
                      <Link to={`/admin/users/${child.id}`}>{child.displayName}</Link>
                    </th>
                    <td>{child.username}</td>
                    <td>{child.schoolName ?? t('common.none')}</td>
                    <td>
                      <Form method="post" className="inline-form">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="unlinkChild" />
                        <input type="hidden" name="studentId" value={child.id} />
                        <button type="submit" className="secondary" aria-label={t('admin.unlinkChildNamed', { name: child.displayName })}>
                          {t('admin.unlinkChild')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 id="link-child-title">{t('admin.linkChild')}</h3>
          <FormStatus result={link.result} />
          <Form method="post" aria-labelledby="link-child-title" noValidate ref={linkForm}>
            <CsrfInput />
            <input type="hidden" name="intent" value="linkChild" />
            <Field label={t('admin.childUsername')} name="childUsername" errors={link.errors} required defaultValue={link.values?.childUsername} autoComplete="off" />
            <button type="submit">{t('admin.linkChild')}</button>
          </Form>
        </>
      ) : null}
    </section>
  )
}
