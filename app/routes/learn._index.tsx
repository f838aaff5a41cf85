import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { learningTitle } from '~/components/learning/title'
import { reachableStudents } from '~/modules/accounts/students.server'
import { assignmentsOfStudent } from '~/modules/learning/assignments.server'
import { forbidden } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data && !data.own ? learningTitle(matches, 'learning.my.titleOf', { name: data.student.displayName }) : learningTitle(matches, 'learning.my.title')

/**
 * "My lessons": a student's own assignments. A linked family or a teacher opens a student's with
 * `?student=<id>` (a family with one child gets theirs directly); anyone else gets a 404.
 */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const url = new URL(args.request.url)
  let studentId = url.searchParams.get('student') ?? (web.actor.role === 'student' ? web.actor.id : null)
  if (!studentId) {
    if (web.actor.role === 'teacher') throw redirect('/teach')
    if (web.actor.role !== 'family') throw forbidden()
    const children = await reachableStudents(web.rt.db, web.actor)
    if (children.length === 1) studentId = children[0]!.id
    else return { own: false as const, choose: children, student: { id: '', displayName: '' }, assignments: [] }
  }
  const assignments = await assignmentsOfStudent(web.rt.db, web.actor, studentId)
  const students = await reachableStudents(web.rt.db, web.actor)
  const student = students.find((s) => s.id === studentId)!
  return { own: web.actor.id === studentId, choose: [], student: { id: student.id, displayName: student.displayName }, assignments }
})

export default function MyLessons() {
  const { t, i18n } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { timeZone: 'Asia/Shanghai' })
  const query = data.own ? '' : `?student=${data.student.id}`
  if (data.choose.length > 0 || !data.student.id) {
    return (
      <section aria-labelledby="learn-title">
        <h1 id="learn-title">{t('learning.my.chooseStudent')}</h1>
        <ul>
          {data.choose.map((s) => (
            <li key={s.id}>
              <Link to={`/learn?student=${s.id}`}>{t('learning.my.titleOf', { name: s.displayName })}</Link>
            </li>
          ))}
        </ul>
      </section>
    )
  }
  const done = data.assignments.filter((a) => a.status === 'done').length
  return (
    <section aria-labelledby="learn-title" className="my-lessons">
      <h1 id="learn-title">{data.own ? t('learning.my.title') : t('learning.my.titleOf', { name: data.student.displayName })}</h1>
      <p>{t('learning.my.intro')}</p>
      <p className="big-link">
        <Link to={`/learn/preferences${query}`}>{t('learning.my.preferences')}</Link>
      </p>
      {data.assignments.length === 0 ? (
        <p>{t('learning.my.empty')}</p>
      ) : (
        <>
          <p>{t('learning.my.summary', { total: data.assignments.length, done })}</p>
          <ul className="lesson-cards">
            {data.assignments.map((a) => (
              <li key={a.assignmentId} className={`lesson-card ${a.status === 'done' ? 'is-done' : ''}`}>
                <h2>
                  <Link to={`/learn/${a.assignmentId}${query}`} aria-label={t('learning.my.open', { title: a.title })}>
                    {a.title}
                  </Link>
                </h2>
                <p className="lesson-status">
                  {a.status === 'done' ? (
                    <strong>✔ {t('learning.my.done')}</strong>
                  ) : (
                    <strong>○ {t('learning.my.todo')}</strong>
                  )}
                  {a.doneAt ? <span> · {t('learning.my.doneOn', { date: date(a.doneAt) })}</span> : null}
                </p>
                <p>{t('learning.my.version', { name: a.variantName ? a.variantName[i18n.language === 'en' ? 'en' : 'zh-CN'] : t('learning.my.asWritten') })}</p>
                <p>
                  {a.dueOn ? t('learning.my.due', { date: a.dueOn }) : t('learning.my.noDue')}
                  {a.overdue ? <strong className="overdue"> · ⚠ {t('learning.my.overdue')}</strong> : null}
                </p>
                {a.score ? <p>{t('learning.my.score', { firstTry: a.score.firstTry, total: a.score.total })}</p> : null}
                <p className="hint">{t('learning.my.assignedBy', { name: a.assignedBy })}</p>
                {a.note ? <p className="assignment-note">{a.note}</p> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
