import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus } from '~/components/forms'
import { roles } from '~/modules/accounts/permissions'
import { listSchools } from '~/modules/accounts/structure.server'
import { createUser } from '~/modules/accounts/users.server'
import type { FieldErrors } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { adminTitle, keepValues, resultFor, type AdminResult } from './admin'

export const meta: MetaFunction = ({ matches }) => adminTitle(matches, 'admin.newUser')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'manage:users')
  const schools = await listSchools(web.rt.db, web.actor)
  return { schools: schools.map((s) => ({ id: s.id, name: s.name })) }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args, 'manage:users')
  return keepValues(form, async () => {
    const user = await createUser(web.rt.db, web.actor, formObject(form), web.ip)
    throw redirect(`/admin/users/${user.id}?created=1`)
  })
})

export default function NewUser() {
  const { schools } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const { result, errors, values } = resultFor(useActionData<typeof action>() as AdminResult | undefined)
  return (
    <section aria-labelledby="new-user-title">
      <h1 id="new-user-title">{t('admin.newUser')}</h1>
      <FormStatus result={result} />
      <Form method="post" aria-labelledby="new-user-title" noValidate>
        <CsrfInput />
        <Field label={t('admin.username')} name="username" errors={errors} required hint={t('errors.invalidUsername')} defaultValue={values?.username} autoComplete="off" />
        <Field label={t('admin.displayName')} name="displayName" errors={errors} required defaultValue={values?.displayName} autoComplete="off" />
        <RoleField errors={errors} value={values?.role} />
        <Field label={t('admin.email')} name="email" type="email" errors={errors} defaultValue={values?.email} autoComplete="off" />
        <SchoolField errors={errors} value={values?.schoolId} schools={schools} />
        <Field label={t('admin.password')} name="password" type="password" errors={errors} required hint={t('errors.passwordTooShort')} autoComplete="new-password" />
        <button type="submit">{t('common.create')}</button>
      </Form>
    </section>
  )
}

export function RoleField({ errors, value }: { errors: FieldErrors; value?: string }) {
  const { t } = useTranslation()
  return (
    <Field label={t('admin.role')} name="role" errors={errors} required>
      {(props) => (
        <select {...props} defaultValue={value ?? ''}>
          <option value="">{t('admin.choose')}</option>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

export function SchoolField({ errors, value, schools }: { errors: FieldErrors; value?: string | null; schools: { id: string; name: string }[] }) {
  const { t } = useTranslation()
  return (
    <Field label={t('admin.school')} name="schoolId" errors={errors} hint={t('errors.schoolRequired')}>
      {(props) => (
        <select {...props} defaultValue={value ?? ''}>
          <option value="">{t('admin.noSchool')}</option>
          {schools.map((school) => (
            <option key={school.id} value={school.id}>
              {school.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
