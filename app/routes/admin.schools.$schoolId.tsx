import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus } from '~/components/forms'
import { createClass, getSchool, updateSchool } from '~/modules/accounts/structure.server'
import { badInput } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { adminTitle, keepValues, parseId, resultFor, useResetOnSuccess, type AdminResult } from './admin'
import { ClassFields } from './admin.classes.$classId'
import { SchoolFields } from './admin.schools.new'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => adminTitle(matches, 'admin.editSchoolTitle', { name: data?.school.name ?? '' })

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'manage:users')
  return { school: await getSchool(web.rt.db, web.actor, parseId(args.params.schoolId)) }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args, 'manage:users')
  return keepValues(form, async () => {
    const schoolId = parseId(args.params.schoolId)
    switch (form.get('intent')) {
      case 'update':
        await updateSchool(web.rt.db, web.actor, schoolId, formObject(form), web.ip)
        return { ok: true, intent: 'update', message: { key: 'admin.updated' } }
      case 'createClass':
        await createClass(web.rt.db, web.actor, { ...formObject(form), schoolId }, web.ip)
        return { ok: true, intent: 'createClass', message: { key: 'admin.classCreated' } }
      default:
        throw badInput({})
    }
  })
})

export default function EditSchool() {
  const { school } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as AdminResult | undefined
  const [params] = useSearchParams()
  const { t } = useTranslation()
  const edit = resultFor(actionData, 'update')
  const newClass = resultFor(actionData, 'createClass')
  const newClassForm = useResetOnSuccess(newClass.result)
  return (
    <section aria-labelledby="school-title">
      <h1 id="school-title">{t('admin.editSchoolTitle', { name: school.name })}</h1>
      {params.get('created') && !actionData ? (
        <p role="status" className="notice notice-success">
          {t('admin.created')}
        </p>
      ) : null}
      <FormStatus result={edit.result} />
      <Form method="post" aria-labelledby="school-title" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="update" />
        <SchoolFields errors={edit.errors} values={edit.values ?? { name: school.name, kind: school.kind, address: school.address }} />
        <button type="submit">{t('common.save')}</button>
      </Form>

      <h2 id="school-classes-title">{t('admin.classes')}</h2>
      {school.classes.length === 0 ? (
        <p>{t('admin.noClasses')}</p>
      ) : (
        <table aria-labelledby="school-classes-title">
          <thead>
            <tr>
              <th scope="col">{t('admin.className')}</th>
              <th scope="col">{t('admin.stage')}</th>
              <th scope="col">{t('admin.grade')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {school.classes.map((klass) => (
              <tr key={klass.id}>
                <th scope="row">{klass.name}</th>
                <td>{t(`stages.${klass.stage}`)}</td>
                <td>{klass.grade ?? t('common.none')}</td>
                <td>
                  <Link to={`/admin/classes/${klass.id}`} aria-label={t('admin.editNamed', { name: klass.name })}>
                    {t('common.edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="new-class-title">{t('admin.newClass')}</h2>
      <FormStatus result={newClass.result} />
      <Form method="post" aria-labelledby="new-class-title" noValidate ref={newClassForm}>
        <CsrfInput />
        <input type="hidden" name="intent" value="createClass" />
        <ClassFields errors={newClass.errors} values={newClass.values} />
        <button type="submit">{t('admin.newClass')}</button>
      </Form>
    </section>
  )
}
