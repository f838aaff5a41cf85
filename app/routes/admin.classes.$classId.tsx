import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus } from '~/components/forms'
import { stages } from '~/modules/accounts/schemas'
import { addClassMember, getClass, removeClassMember, updateClass } from '~/modules/accounts/structure.server'
import { badInput } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { adminTitle, keepValues, parseId, resultFor, useResetOnSuccess, type AdminResult } from './admin'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => adminTitle(matches, 'admin.editClassTitle', { name: data?.klass.name ?? '' })

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'manage:users')
  return { klass: await getClass(web.rt.db, web.actor, parseId(args.params.classId)) }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args, 'manage:users')
  return keepValues(form, async () => {
    const classId = parseId(args.params.classId)
    switch (form.get('intent')) {
      case 'update':
        await updateClass(web.rt.db, web.actor, classId, formObject(form), web.ip)
        return { ok: true, intent: 'update', message: { key: 'admin.updated' } }
      case 'addMember':
        await addClassMember(web.rt.db, web.actor, classId, String(form.get('username') ?? ''), web.ip)
        return { ok: true, intent: 'addMember', message: { key: 'admin.memberAdded' } }
      case 'removeMember':
        await removeClassMember(web.rt.db, web.actor, classId, parseId(form.get('userId')), web.ip)
        return { ok: true, intent: 'removeMember', message: { key: 'admin.memberRemoved' } }
      default:
        throw badInput({})
    }
  })
})

export default function EditClass() {
  const { klass } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as AdminResult | undefined
  const { t } = useTranslation()
  const edit = resultFor(actionData, 'update')
  const add = resultFor(actionData, 'addMember')
  const remove = resultFor(actionData, 'removeMember')
  const addForm = useResetOnSuccess(add.result)
  return (
    <section aria-labelledby="class-title">
      <h1 id="class-title">{t('admin.editClassTitle', { name: klass.name })}</h1>
      <p>
        <Link to={`/admin/schools/${klass.school.id}`}>{t('admin.backTo', { name: klass.school.name })}</Link>
      </p>
      <FormStatus result={edit.result} />
      <Form method="post" aria-labelledby="class-title" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="update" />
        <ClassFields errors={edit.errors} values={edit.values ?? { name: klass.name, stage: klass.stage, grade: klass.grade == null ? '' : String(klass.grade) }} />
        <button type="submit">{t('common.save')}</button>
      </Form>

      <h2 id="members-title">{t('admin.members')}</h2>
      <FormStatus result={remove.result} />
      {klass.members.length === 0 ? (
        <p>{t('admin.noMembers')}</p>
      ) : (
        <table aria-labelledby="members-title">
          <thead>
            <tr>
              <th scope="col">{t('admin.displayName')}</th>
              <th scope="col">{t('admin.username')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {klass.members.map((member) => (
              <tr key={member.id}>
                <th scope="row">
                  <Link to={`/admin/users/${member.id}`}>{member.displayName}</Link>
                </th>
                <td>{member.username}</td>
                <td>{t(`roles.${member.role}`)}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="removeMember" />
                    <input type="hidden" name="userId" value={member.id} />
                    <button type="submit" className="secondary" aria-label={t('admin.removeMemberNamed', { name: member.displayName })}>
                      {t('admin.removeMember')}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="add-member-title">{t('admin.addMember')}</h2>
      <FormStatus result={add.result} />
      <Form method="post" aria-labelledby="add-member-title" noValidate ref={addForm}>
        <CsrfInput />
        <input type="hidden" name="intent" value="addMember" />
        <Field label={t('admin.memberUsername')} name="username" errors={add.errors} required hint={t('admin.memberUsernameHint')} defaultValue={add.values?.username} autoComplete="off" />
        <button type="submit">{t('admin.addMember')}</button>
      </Form>
    </section>
  )
}

/** The class form's fields, for the edit page and the "new class" form on the school page. */
export function ClassFields({ errors, values }: { errors: ReturnType<typeof resultFor>['errors']; values?: Record<string, string | null | undefined> }) {
  const { t } = useTranslation()
  return (
    <>
      <Field label={t('admin.className')} name="name" errors={errors} required defaultValue={values?.name} />
      <Field label={t('admin.stage')} name="stage" errors={errors} required>
        {(props) => (
          <select {...props} defaultValue={values?.stage ?? ''}>
            <option value="">{t('admin.choose')}</option>
            {stages.map((stage) => (
              <option key={stage} value={stage}>
                {t(`stages.${stage}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('admin.grade')} name="grade" errors={errors} hint={t('admin.gradeHint')}>
        {(props) => <input {...props} type="number" inputMode="numeric" min={1} max={12} defaultValue={values?.grade ?? ''} />}
      </Field>
    </>
  )
}
