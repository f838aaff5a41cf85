import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { studentsOfTeacher } from '~/modules/learning/family.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { familyTitle } from './students'

export const meta: MetaFunction = ({ matches }) => familyTitle(matches, 'family.students.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return { classes: await studentsOfTeacher(web.rt.db, web.actor) }
})

export default function MyStudents() {
  const { classes } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="students-title">
      <h1 id="students-title">{t('family.students.title')}</h1>
      <p>{t('family.students.intro')}</p>
      {classes.length === 0 ? <p>{t('family.students.none')}</p> : null}
      {classes.map((klass) => (
        <section key={klass.id} aria-labelledby={`class-${klass.id}`}>
          <h2 id={`class-${klass.id}`}>{klass.name}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('family.students.student')}</th>
                <th scope="col">{t('family.students.consent')}</th>
              </tr>
            </thead>
            <tbody>
              {klass.students.map((s) => (
                <tr key={s.id}>
                  <td>
                    <a href={`/students/${s.id}`}>
                      {s.displayName}
                    </a>
                  </td>
                  <td>{t(`family.consent.states.${s.consent}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  )
}
