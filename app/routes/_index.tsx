import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { homeFor } from '~/modules/accounts/home.server'
import { pageLoader } from '~/platform/loader.server'
import { webRequest } from '~/platform/web.server'

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await webRequest(args)
  return { home: web.actor ? await homeFor(web.rt.db, web.actor) : null }
})

export default function Home() {
  const { home } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  if (!home) {
    return (
      <section aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p>{t('home.visitorIntro')}</p>
        <p>
          <Link to="/login" className="button">
            {t('nav.signIn')}
          </Link>{' '}
          {t('home.visitorSignIn')}
        </p>
      </section>
    )
  }
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      {home.role === 'admin' ? (
        <>
          <p>{t('home.adminIntro', { district: home.district })}</p>
          <ul className="stats">
            <li>
              <strong>{home.counts.schools}</strong> <Link to="/admin/schools">{t('home.schools')}</Link>
            </li>
            <li>
              <strong>{home.counts.classes}</strong> <Link to="/admin/schools">{t('home.classes')}</Link>
            </li>
            <li>
              <strong>{home.counts.users}</strong> <Link to="/admin/users">{t('home.users')}</Link>
            </li>
          </ul>
        </>
      ) : null}
      {home.role === 'researcher' ? (
        <>
          <p>{t('home.researcherIntro', { district: home.district })}</p>
          <h2>{t('home.schools')}</h2>
          <ul className="cards">
            {home.schools.map((school) => (
              <li key={school.id} className="card">
                <h3>{school.name}</h3>
                <p>{t(`schoolKinds.${school.kind}`)}</p>
                <p>{t('home.classCount', { count: school.classCount })}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {home.role === 'teacher' || home.role === 'student' ? (
        <>
          <p>{t(home.role === 'teacher' ? 'home.teacherIntro' : 'home.studentIntro')}</p>
          <h2>{t('home.myClasses')}</h2>
          {home.classes.length === 0 ? <p>{t('home.noClasses')}</p> : null}
          <ul className="cards">
            {home.classes.map((klass) => (
              <li key={klass.id} className="card">
                <h3>
                  {klass.schoolName} · {klass.name}
                </h3>
                <h4>{t('home.teachers')}</h4>
                <ul>
                  {klass.members.filter((m) => m.role === 'teacher').map((m) => (
                    <li key={m.id}>{m.displayName}</li>
                  ))}
                </ul>
                {home.role === 'teacher' ? (
                  <>
                    <h4>{t('home.students')}</h4>
                    <ul>
                      {klass.members.filter((m) => m.role === 'student').map((m) => (
                        <li key={m.id}>{m.displayName}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {home.role === 'family' ? (
        <>
          <p>{t('home.familyIntro')}</p>
          <h2>{t('home.myChildren')}</h2>
          {home.children.length === 0 ? <p>{t('home.noChildren')}</p> : null}
          <ul className="cards">
            {home.children.map((child) => (
              <li key={child.id} className="card">
                <h3>{child.displayName}</h3>
                <p>
                  {child.schoolName} {child.classes.map((c) => c.name).join('、')}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
