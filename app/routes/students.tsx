import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { pageTitle } from '~/platform/page-title'
import { Subnav } from '~/components/subnav'

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
      {isTeacher ? <Subnav label={t('family.navStudents')} sections={sections} plain /> : null}
      <Outlet />
    </>
  )
}

/* ---- Shared by the student and family pages (no server-only imports). ---- */

export const familyTitle = pageTitle
