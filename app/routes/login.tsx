import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, fieldErrorsOf, FormStatus } from '~/components/forms'
import { signInInput } from '~/modules/accounts/schemas'
import { signIn } from '~/modules/accounts/sign-in.server'
import { parseInput } from '~/platform/errors'
import { safeRedirect } from '~/platform/redirect'
import { formAction, formObject, webRequest } from '~/platform/web.server'

export const meta: MetaFunction = () => [{ title: '登录 · 同行' }]

export async function loader(args: LoaderFunctionArgs) {
  const web = await webRequest(args)
  if (web.actor) throw redirect(safeRedirect(new URL(args.request.url).searchParams.get('redirectTo')))
  return null
}

export const action = formAction(async ({ request }, form, web) => {
  const input = parseInput(signInInput, formObject(form))
  const session = await signIn(web.rt.db, { ...input, ip: web.ip, userAgent: request.headers.get('user-agent'), kind: 'cookie' })
  throw redirect(safeRedirect(form.get('redirectTo')), { headers: { 'Set-Cookie': await web.cookies.session.serialize(session.token, { expires: session.expiresAt }) } })
})

export default function Login() {
  const { t } = useTranslation()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const submitting = useNavigation().state === 'submitting'
  const errors = fieldErrorsOf(result)
  return (
    <section aria-labelledby="login-title" className="narrow">
      <h1 id="login-title">{t('login.title')}</h1>
      <FormStatus result={result} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
        <Field label={t('login.login')} name="login" errors={errors} required autoComplete="username" />
        <Field label={t('login.password')} name="password" type="password" errors={errors} required autoComplete="current-password" />
        <button type="submit" disabled={submitting}>
          {t('login.submit')}
        </button>
      </Form>
    </section>
  )
}
