import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { learningTitle } from '~/components/learning/title'
import { classProgress } from '~/modules/learning/progress.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => learningTitle(matches, 'learning.progress.title', { name: data?.class.name ?? '' })

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return classProgress(web.rt.db, web.actor, args.params.classId ?? '')
})

export default function ClassProgress() {
  const { t, i18n } = useTranslation()
  const progress = useLoaderData<typeof loader>()
  const percent = (n: number, of: number) => new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(of ? n / of : 0)
  return (
    <section aria-labelledby="progress-title">
      <p>
        <Link to="/teach">← {t('learning.exercises.back')}</Link>
      </p>
      <h1 id="progress-title">{t('learning.progress.title', { name: progress.class.name })}</h1>
      <p>{t('learning.progress.intro')}</p>
      {progress.assignments.length === 0 ? <p>{t('learning.progress.none')}</p> : null}
      {progress.assignments.map((a) => (
        <section key={a.id} aria-labelledby={`assignment-${a.id}`} className="progress-block">
          <h2 id={`assignment-${a.id}`}>{a.title}</h2>
          <p className="progress-summary">
            {a.summary.possible
              ? t('learning.progress.summary', { done: a.summary.done, total: a.summary.students, rate: percent(a.summary.firstTry, a.summary.possible) })
              : t('learning.progress.summaryNoExercises', { done: a.summary.done, total: a.summary.students })}
          </p>
          <table>
            <caption>{a.dueOn ? t('learning.progress.caption', { title: a.title, due: a.dueOn }) : t('learning.progress.captionNoDue', { title: a.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('learning.progress.student')}</th>
                <th scope="col">{t('learning.progress.variant')}</th>
                <th scope="col">{t('learning.progress.status')}</th>
                <th scope="col">{t('learning.progress.score')}</th>
                <th scope="col">{t('learning.progress.dueState')}</th>
              </tr>
            </thead>
            <tbody>
              {a.rows.map((r) => (
                <tr key={r.student.id}>
                  <th scope="row">
                    <Link to={`/learn?student=${r.student.id}`}>{r.student.displayName}</Link>
                  </th>
                  <td>{r.variantKey ? t(`library.variantNames.${r.variantKey}`) : t('learning.assign.asWritten')}</td>
                  <td>{r.status === 'done' ? `✔ ${t('learning.my.done')}` : `○ ${t('learning.my.todo')}`}</td>
                  <td>
                    {r.score
                      ? r.score.answered
                        ? t('learning.progress.scoreValue', { firstTry: r.score.firstTry, total: r.score.total, answered: r.score.answered })
                        : t('learning.progress.notAnswered')
                      : t('learning.progress.noScore')}
                  </td>
                  <td>{(r.dueState === 'overdue' ? '⚠ ' : '') + t(`learning.progress.dueStates.${r.dueState}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <Link to={`/teach/lessons/${a.resourceId}/exercises`}>{t('learning.progress.editExercises')}</Link>
          </p>
        </section>
      ))}
      <h2>{t('learning.prefs.title')}</h2>
      <ul>
        {progress.students.map((s) => (
          <li key={s.id}>
            <Link to={`/learn/preferences?student=${s.id}`}>{t('learning.progress.preferences', { name: s.displayName })}</Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
