import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { learningTitle } from '~/components/learning/title'
import { classesTaughtBy } from '~/modules/accounts/students.server'
import { assignmentsForTeacher } from '~/modules/learning/assignments.server'
import { forbidden } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

export const meta: MetaFunction = ({ matches }) => learningTitle(matches, 'learning.teach.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  if (web.actor.role !== 'teacher') throw forbidden()
  const classes = await classesTaughtBy(web.rt.db, web.actor)
  return { classes: classes.map((c) => ({ id: c.id, name: c.name, students: c.students.length })), assignments: await assignmentsForTeacher(web.rt.db, web.actor) }
})

export default function Teaching() {
  const { t } = useTranslation()
  const { classes, assignments } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="teach-title">
      <h1 id="teach-title">{t('learning.teach.title')}</h1>
      <p>{t('learning.teach.intro')}</p>
      <p>
        <Link to="/teach/assign" className="button">
          {t('learning.teach.assign')}
        </Link>
      </p>
      <h2>{t('learning.teach.classes')}</h2>
      {classes.length === 0 ? (
        <p>{t('learning.teach.noClasses')}</p>
      ) : (
        <ul className="cards">
          {classes.map((c) => (
            <li key={c.id} className="card">
              <h3>{c.name}</h3>
              <p>{t('learning.teach.students', { count: c.students })}</p>
              <p>
                <Link to={`/teach/classes/${c.id}`}>{t('learning.teach.progress', { name: c.name })}</Link>
              </p>
              <p>
                <Link to={`/teach/assign?class=${c.id}`}>
                  {t('learning.teach.assign')}：{c.name}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('learning.teach.assignments')}</h2>
      {assignments.length === 0 ? (
        <p>{t('learning.teach.none')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('learning.teach.assignments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('learning.teach.lesson')}</th>
              <th scope="col">{t('learning.teach.className')}</th>
              <th scope="col">{t('learning.teach.due')}</th>
              <th scope="col">{t('learning.teach.status')}</th>
              <th scope="col">{t('learning.teach.exercises')}</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.title}</th>
                <td>{a.classId ? <Link to={`/teach/classes/${a.classId}`}>{a.className}</Link> : t('learning.teach.chosen')}</td>
                <td>{a.dueOn ?? t('learning.my.noDue')}</td>
                <td>{t('learning.teach.doneCount', { done: a.done, total: a.students })}</td>
                <td>
                  <Link to={`/teach/lessons/${a.resourceId}/exercises`} aria-label={`${t('learning.progress.editExercises')}：${a.title}`}>
                    {t('learning.teach.exercises')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
