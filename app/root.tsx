import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLocation, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { useMemo, type ReactNode } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/forms'
import { SearchBox } from '~/components/search/search-box'
import { can } from '~/modules/accounts/permissions'
import { canUploadMedia } from '~/modules/media/policy'
import { unreadCount } from '~/modules/notifications/index.server'
import { canUseResearch } from '~/modules/research/access'
import { issueCsrf } from '~/platform/csrf.server'
import { createI18n, defaultLocale, type Locale } from '~/platform/i18n'
import { webRequest } from '~/platform/web.server'
import styles from '~/styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: '同行 Tongxing' }]

export async function loader(args: LoaderFunctionArgs) {
  const web = await webRequest(args)
  const csrf = await issueCsrf(web.cookies, web.rt.config.sessionSecret, args.request)
  const user = web.actor && { username: web.actor.username, displayName: web.actor.displayName, role: web.actor.role, canAdmin: can(web.actor.role, 'manage:users'), canMedia: canUploadMedia(web.actor), canLibrary: can(web.actor.role, 'read:library'), canReports: can(web.actor.role, 'read:reports') }
  const unread = web.actor ? await unreadCount(web.rt.db, web.actor) : 0
  return data({ locale: web.locale, preferences: web.preferences, user, unread, csrf: csrf.token }, csrf.setCookie ? { headers: { 'Set-Cookie': csrf.setCookie } } : undefined)
}

type RootData = Awaited<ReturnType<typeof loader>>['data']

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root') as RootData | undefined
  const locale: Locale = root?.locale ?? defaultLocale
  const i18n = useMemo(() => createI18n(locale), [locale])
  const prefs = root?.preferences ?? {}
  return (
    <html lang={locale} data-font-scale={prefs.fontScale ?? 'normal'} data-contrast={prefs.contrast ?? 'normal'} data-reduced-motion={prefs.reducedMotion ? 'true' : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <Shell user={root?.user ?? null} unread={root?.unread ?? 0}>
            {children}
          </Shell>
        </I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

function Shell({ user, unread, children }: { user: RootData['user']; unread: number; children: ReactNode }) {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const otherLocale = i18n.language === 'en' ? 'zh-CN' : 'en'
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            {user?.role === 'student' ? (
              <li>
                <NavLink to="/learn">{t('learning.nav.student')}</NavLink>
              </li>
            ) : null}
            {user?.role === 'teacher' ? (
              <li>
                <NavLink to="/teach">{t('learning.nav.teacher')}</NavLink>
              </li>
            ) : null}
            {user?.canLibrary ? (
              <li>
                <NavLink to="/library">{t('library.nav')}</NavLink>
              </li>
            ) : null}
            {user?.canLibrary ? (
              <li>
                <NavLink to="/braille">{t('braille.nav')}</NavLink>
              </li>
            ) : null}
            {user ? (
              <li>
                <NavLink to="/signs">{t('signs.nav')}</NavLink>
              </li>
            ) : null}
            {user?.canMedia ? (
              <li>
                <NavLink to="/media">{t('media.nav')}</NavLink>
              </li>
            ) : null}
            {user && canUseResearch(user) ? (
              <li>
                <NavLink to="/research" end>
                  {t('research.nav')}
                </NavLink>
              </li>
            ) : null}
            {user?.canMedia ? (
              <li>
                <NavLink to="/research/studies">{t('studies.nav')}</NavLink>
              </li>
            ) : null}
            {user?.canReports ? (
              <li>
                <NavLink to="/reports">{t('reports.nav')}</NavLink>
              </li>
            ) : null}
            {user?.role === 'teacher' ? (
              <li>
                <NavLink to="/students">{t('family.navStudents')}</NavLink>
              </li>
            ) : null}
            {user?.role === 'family' ? (
              <li>
                <NavLink to="/family">{t('family.navChildren')}</NavLink>
              </li>
            ) : null}
            {user?.canAdmin ? (
              <li>
                <NavLink to="/admin">{t('nav.admin')}</NavLink>
              </li>
            ) : null}
            {user ? (
              <li>
                <NavLink to="/account">{t('nav.account')}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/preferences">{t('nav.preferences')}</NavLink>
            </li>
          </ul>
        </nav>
        {user && location.pathname !== '/search' ? <SearchBox /> : null}
        <div className="header-tools">
          <Form method="post" action="/preferences" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="locale" />
            <input type="hidden" name="locale" value={otherLocale} />
            <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
            <button type="submit" lang={otherLocale} aria-label={`${t('nav.language')}: ${t('nav.switchTo')}`}>
              {t('nav.switchTo')}
            </button>
          </Form>
          {user ? (
            <>
              <Link to="/notifications" className={unread ? 'notifications-indicator has-unread' : 'notifications-indicator'} aria-label={unread ? t('notifications.indicator', { count: unread }) : t('notifications.indicatorNone')}>
                {t('notifications.nav')}
                {unread ? <span className="count">{unread}</span> : null}
              </Link>
              <span className="signed-in-as">{t('nav.signedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}</span>
              <Form method="post" action="/logout" className="inline-form">
                <CsrfInput />
                <button type="submit">{t('nav.signOut')}</button>
              </Form>
            </>
          ) : (
            <Link to="/login" className="button">
              {t('nav.signIn')}
            </Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t('app.name')} · {t('app.tagline')}
        </p>
      </footer>
    </>
  )
}

export default function App() {
  return <Outlet />
}

/** One boundary for every route: a friendly page per status, never a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const [title, body] =
    status === 404 ? [t('errors.notFoundTitle'), t('errors.notFound')] : status === 403 ? [t('errors.forbiddenTitle'), t('errors.forbidden')] : [t('errors.title'), t('errors.server')]
  const detail = isRouteErrorResponse(error) && error.data?.message?.key ? String(t(error.data.message.key, error.data.message.params)) : null
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{detail && detail !== body ? detail : body}</p>
      <p>
        <Link to="/">{t('errors.goHome')}</Link>
      </p>
    </section>
  )
}
