import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { pageTitle } from '~/platform/page-title'

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return { isTeacher: web.actor.role === 'teacher' }
})

export default function StudentsLayout() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const { isTeacher } = useLoaderData<typeof loader>()
  const sections = [
    { to: '/students', key: 'family.students.title', current: pathname === '/students' || pathname === '/students/' },
    { to: '/students/visits', key: 'family.visits.mine', current: pathname.startsWith('/students/visits') },
    { to: '/students/offline', key: 'family.offline.title', current: pathname.startsWith('/students/offline') },
  ]
  return (
    <>
      {isTeacher ? (
        <nav className="subnav no-print" aria-label={t('family.navStudents')}>
          <ul>
            {sections.map((s) => (
              <li key={s.to}>
                {/* Plain links: these pages are also opened from the offline cache, where client navigation has no server. */}
                <a href={s.to} aria-current={s.current ? 'page' : undefined}>
                  {t(s.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </>
  )
}

/* ---- Shared by the student and family pages (no server-only imports). ---- */

export const familyTitle = pageTitle
