import { redirect } from '@remix-run/node'
import { signOut } from '~/modules/accounts/sign-in.server'
import { formAction } from '~/platform/web.server'

export const loader = () => redirect('/')

export const action = formAction(async (_args, _form, web) => {
  if (web.actor && web.token) await signOut(web.rt.db, web.actor, web.token, web.ip)
  throw redirect('/', { headers: { 'Set-Cookie': await web.cookies.session.serialize('', { maxAge: 0 }) } })
})
