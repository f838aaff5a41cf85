import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus } from '~/components/forms'
import { schoolKinds } from '~/modules/accounts/schemas'
import { createSchool } from '~/modules/accounts/structure.server'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { adminTitle, keepValues, resultFor, type AdminResult } from './admin'

export const meta: MetaFunction = ({ matches }) => adminTitle(matches, 'admin.newSchool')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  await requireActor(args, 'manage:users')
  return null
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args, 'manage:users')
  return keepValues(form, async () => {
    const school = await createSchool(web.rt.db, web.actor, formObject(form), web.ip)
    throw redirect(`/admin/schools/${school.id}?created=1`)
  })
})

export default function NewSchool() {
  const { t } = useTranslation()
  const { result, errors, values } = resultFor(useActionData<typeof action>() as AdminResult | undefined)
  return (
    <section aria-labelledby="new-school-title">
      <h1 id="new-school-title">{t('admin.newSchool')}</h1>
      <FormStatus result={result} />
      <Form method="post" aria-labelledby="new-school-title" noValidate>
        <CsrfInput />
        <SchoolFields errors={errors} values={values} />
        <button type="submit">{t('common.create')}</button>
      </Form>
    </section>
  )
}

/** The school form's fields, for the new and the edit page. */
export function SchoolFields({ errors, values }: { errors: ReturnType<typeof resultFor>['errors']; values?: Record<string, string | null | undefined> }) {
  const { t } = useTranslation()
  return (
    <>
      <Field label={t('admin.schoolName')} name="name" errors={errors} required defaultValue={values?.name} />
      <Field label={t('admin.schoolKind')} name="kind" errors={errors} required>
        {(props) => (
          <select {...props} defaultValue={values?.kind ?? ''}>
            <option value="">{t('admin.choose')}</option>
            {schoolKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`schoolKinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('admin.address')} name="address" errors={errors} defaultValue={values?.address} autoComplete="street-address" />
    </>
  )
}
