import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throttle } from '../../../app/modules/accounts/sign-in.server'
import { action as accountAction, loader as accountLoader } from '../../../app/routes/account'
import { action as loginAction } from '../../../app/routes/login'
import { action as logoutAction } from '../../../app/routes/logout'
import { action as preferencesAction } from '../../../app/routes/preferences'
import { loader as homeLoader } from '../../../app/routes/_index'
import { databaseKinds } from '../../support/database'
import { api, apiToken } from '../../support/http'
import { Browser } from '../../support/pages'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

describe.each(databaseKinds)('signing in and out on %s', (kind) => {
  let rt: Runtime
  beforeAll(async () => {
    rt = await startTestRuntime(kind)
  })
  afterAll(() => stopTestRuntime(rt))

  it('signs in with username or email, sets a hardened session cookie, and audits it', async () => {
    for (const login of ['teacher', 'TEACHER@demo.tongxing.local']) {
      const browser = new Browser()
      await browser.open('/login')
      const result = await browser.submit('/login', loginAction, { login, password: 'tongxing-demo', redirectTo: '/account' })
      expect(result.status).toBe(302)
      expect(result.location).toBe('/account')
      const cookie = result.headers.getSetCookie().find((c) => c.startsWith('tx_session='))!
      expect(cookie).toMatch(/HttpOnly/i)
      expect(cookie).toMatch(/SameSite=Lax/i)
      expect(cookie).toMatch(/Secure/i)
      const home = await browser.open('/', homeLoader)
      expect(home.data.home.role).toBe('teacher')
    }
    const { rows } = await rt.database.executeSql(`select count(*)::int n from audit_log a join users u on u.id = a.actor_id where u.username = 'teacher' and a.action = 'auth.sign-in'`)
    expect(rows[0]!.n).toBe(2)
  })

  it('never redirects off-site after sign-in', async () => {
    const browser = new Browser()
    await browser.open('/login')
    const result = await browser.submit('/login', loginAction, { login: 'student', password: 'tongxing-demo', redirectTo: '//evil.example/' })
    expect(result.location).toBe('/')
  })

  it('refuses a wrong password with the same message as an unknown login', async () => {
    const browser = new Browser()
    await browser.open('/login')
    const wrong = await browser.submit('/login', loginAction, { login: 'researcher', password: 'not-it-at-all' })
    const unknown = await browser.submit('/login', loginAction, { login: 'nobody-here', password: 'not-it-at-all' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.data.error.message).toEqual({ key: 'login.failed' })
    expect(unknown.data).toEqual(wrong.data)
    expect(browser.has('tx_session')).toBe(false)
  })

  it('throttles a login after repeated failures, even when the right password comes next', async () => {
    const browser = new Browser()
    await browser.open('/login')
    for (let i = 0; i < throttle.maxFailuresPerLogin; i++) {
      expect((await browser.submit('/login', loginAction, { login: 'family', password: `guess-${i}` })).status).toBe(401)
    }
    const locked = await browser.submit('/login', loginAction, { login: 'family', password: 'tongxing-demo' })
    expect(locked.status).toBe(429)
    expect(locked.data.error.message).toEqual({ key: 'login.throttled', params: { minutes: throttle.windowMinutes } })
    // Another account from the same address is not locked by someone else's failures.
    expect((await browser.submit('/login', loginAction, { login: 'student', password: 'tongxing-demo' })).status).toBe(302)
    await rt.database.executeSql(`delete from login_attempts where login = 'family'`)
  })

  it('refuses every form post without the CSRF token, and with a token from another browser', async () => {
    const browser = new Browser()
    await browser.open('/login')
    const missing = await browser.submit('/login', loginAction, { login: 'admin', password: 'tongxing-demo' }, { csrf: null })
    expect(missing.status).toBe(403)
    expect(missing.data.error.message.key).toBe('errors.csrf')
    const other = new Browser()
    await other.open('/login')
    const foreign = await browser.submit('/login', loginAction, { login: 'admin', password: 'tongxing-demo' }, { csrf: other.csrf })
    expect(foreign.status).toBe(403)
    expect(browser.has('tx_session')).toBe(false)
  })

  it('signs out: the session no longer opens anything', async () => {
    const browser = new Browser()
    await browser.signIn('teacher')
    const sessionCookie = browser.cookieHeader
    await browser.submit('/logout', logoutAction, {})
    expect(browser.has('tx_session')).toBe(false)
    const stale = await homeLoader({ request: new Request('http://localhost/', { headers: { Cookie: sessionCookie } }), context: {}, params: {} })
    expect((stale as { home: unknown }).home).toBeNull()
  })

  it('changes the password, keeps this session and ends the others', async () => {
    const here = new Browser()
    const elsewhere = new Browser()
    await here.signIn('researcher')
    await elsewhere.signIn('researcher')
    const token = await apiToken('researcher')

    await here.open('/account', accountLoader)
    const mismatch = await here.submit('/account', accountAction, { currentPassword: 'tongxing-demo', newPassword: 'a-new-long-password', confirmPassword: 'something-else' })
    expect(mismatch.status).toBe(400)
    expect(mismatch.data.error.fields.confirmPassword.key).toBe('account.passwordMismatch')
    const wrong = await here.submit('/account', accountAction, { currentPassword: 'nope', newPassword: 'a-new-long-password', confirmPassword: 'a-new-long-password' })
    expect(wrong.data.error.fields.currentPassword.key).toBe('account.wrongPassword')

    const changed = await here.submit('/account', accountAction, { currentPassword: 'tongxing-demo', newPassword: 'a-new-long-password', confirmPassword: 'a-new-long-password' })
    expect(changed.status).toBe(200)
    expect((await here.open('/account', accountLoader)).status).toBe(200)
    expect((await elsewhere.open('/account', accountLoader)).status).toBe(302)
    expect((await api('GET', '/me', { token })).status).toBe(401)
    expect((await api('POST', '/session', { body: { login: 'researcher', password: 'a-new-long-password' } })).status).toBe(201)
  })

  it('keeps display preferences for a visitor in a cookie and for a user in the account', async () => {
    const visitor = new Browser()
    await visitor.open('/preferences')
    await visitor.submit('/preferences', preferencesAction, { fontScale: 'x-large', contrast: 'high', reducedMotion: 'on', locale: 'en' })
    const root = await visitor.open('/')
    expect(root.data.locale).toBe('en')
    expect(root.data.preferences).toEqual({ fontScale: 'x-large', contrast: 'high', reducedMotion: true })

    const user = new Browser()
    await user.signIn('student')
    await user.submit('/preferences', preferencesAction, { fontScale: 'large', contrast: 'normal', locale: 'zh-CN' })
    const { rows } = await rt.database.executeSql(`select locale, preferences from users where username = 'student'`)
    expect(rows[0]).toEqual({ locale: 'zh-CN', preferences: { fontScale: 'large', contrast: 'normal', reducedMotion: false } })
    const switched = await user.submit('/preferences', preferencesAction, { intent: 'locale', locale: 'en', redirectTo: '/account' })
    expect(switched.location).toBe('/account')
    expect((await user.open('/')).data.locale).toBe('en')

    const bad = await user.submit('/preferences', preferencesAction, { fontScale: 'huge', contrast: 'normal', locale: 'fr' })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.data.error.fields).sort()).toEqual(['fontScale', 'locale'])
    expect((await user.open('/')).data.locale).toBe('en')
  })

  it('lets an inactive account sign in nowhere', async () => {
    await rt.database.executeSql(`update users set active = false where username = 'family'`)
    try {
      const response = await api('POST', '/session', { body: { login: 'family', password: 'tongxing-demo' } })
      expect(response.status).toBe(403)
      expect(response.body.error.code).toBe('login.inactive')
    } finally {
      await rt.database.executeSql(`update users set active = true where username = 'family'`)
    }
  })
})
