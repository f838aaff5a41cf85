import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, fieldErrorsOf, FormStatus } from '~/components/forms'
import { changeOwnPassword, getOwnProfile } from '~/modules/accounts/users.server'
import type { ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return { profile: await getOwnProfile(web.rt.db, web.actor) }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args)
  await changeOwnPassword(web.rt.db, web.actor, formObject(form), web.token, web.ip)
  return { ok: true, message: { key: 'account.passwordChanged' } } satisfies ActionResult
})

export default function Account() {
  const { profile } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation()
  const errors = fieldErrorsOf(result)
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <h2>{t('account.profile')}</h2>
      <dl className="profile">
        <dt>{t('admin.displayName')}</dt>
        <dd>{profile.displayName}</dd>
        <dt>{t('account.username')}</dt>
        <dd>{profile.username}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{profile.email ?? t('common.none')}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`roles.${profile.role}`)}</dd>
        <dt>{t('account.school')}</dt>
        <dd>{profile.schoolName ?? t('common.none')}</dd>
      </dl>
      <h2 id="password-title">{t('account.changePassword')}</h2>
      <FormStatus result={result} />
      <Form method="post" aria-labelledby="password-title" noValidate>
        <CsrfInput />
        <Field label={t('account.currentPassword')} name="currentPassword" type="password" errors={errors} required autoComplete="current-password" />
        <Field label={t('account.newPassword')} name="newPassword" type="password" errors={errors} required autoComplete="new-password" hint={t('errors.passwordTooShort')} />
        <Field label={t('account.confirmPassword')} name="confirmPassword" type="password" errors={errors} required autoComplete="new-password" />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </section>
  )
}
