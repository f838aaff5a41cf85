import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus, useMessage } from '~/components/forms'
import { learningTitle } from '~/components/learning/title'
import { classesTaughtBy } from '~/modules/accounts/students.server'
import { assignableLessons, assignLesson, lessonVariants } from '~/modules/learning/assignments.server'
import { forbidden, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'

export const meta: MetaFunction = ({ matches }) => learningTitle(matches, 'learning.assign.title')

/** Step one (a GET form) picks the lesson and the class; step two chooses students, versions and the due date. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  if (web.actor.role !== 'teacher') throw forbidden()
  const url = new URL(args.request.url)
  const lessons = await assignableLessons(web.rt.db, web.actor)
  const classes = await classesTaughtBy(web.rt.db, web.actor)
  const resourceId = url.searchParams.get('resource')
  const classId = url.searchParams.get('class') ?? classes[0]?.id ?? null
  const lesson = resourceId ? await lessonVariants(web.rt.db, web.actor, resourceId).catch(() => null) : null
  const found = classes.find((c) => c.id === classId)
  const klass = found ? { id: found.id, name: found.name, students: found.students.map((s) => ({ id: s.id, displayName: s.displayName })) } : null
  return { lessons: lessons.map((l) => ({ id: l.id, title: l.title })), classes: classes.map((c) => ({ id: c.id, name: c.name })), lesson, klass }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args)
  const target = form.get('target')
  const studentIds = form.getAll('studentIds').map(String)
  const variants: Record<string, string> = {}
  for (const [key, value] of form.entries()) if (key.startsWith('variant.')) variants[key.slice('variant.'.length)] = String(value)
  const text = (name: string) => {
    const value = String(form.get(name) ?? '').trim()
    return value === '' ? undefined : value
  }
  const result = await assignLesson(web.rt.db, web.actor, {
    resourceId: text('resourceId'),
    classId: text('classId'),
    studentIds: target === 'chosen' ? studentIds : undefined,
    dueOn: text('dueOn'),
    note: text('note'),
    defaultVariant: text('defaultVariant'),
    variants,
  })
  return data<ActionResult<typeof result>>({ ok: true, message: { key: 'learning.assign.assigned', params: { count: result.students } }, result })
})

export default function AssignLesson() {
  const { t } = useTranslation()
  const message = useMessage()
  const { lessons, classes, lesson, klass } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const fields = result && !result.ok ? (result.error.fields ?? {}) : {}
  const [target, setTarget] = useState<'class' | 'chosen'>('class')
  const fieldError = (name: string) => message(fields[name])
  const variantLabel = (key: string) => t(`library.variantNames.${key}`)
  return (
    <section aria-labelledby="assign-title" className="assign-page">
      <p>
        <Link to="/teach">← {t('learning.exercises.back')}</Link>
      </p>
      <h1 id="assign-title">{t('learning.assign.title')}</h1>
      <Form method="get" className="toolbar">
        <div className="field">
          <label htmlFor="assign-lesson">{t('learning.assign.lesson')}</label>
          <p id="assign-lesson-hint" className="hint">
            {t('learning.assign.lessonHint')}
          </p>
          <select id="assign-lesson" name="resource" defaultValue={lesson?.id ?? ''} aria-describedby="assign-lesson-hint">
            <option value="">{t('learning.assign.chooseLesson')}</option>
            {lessons.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="assign-class">{t('learning.teach.className')}</label>
          <select id="assign-class" name="class" defaultValue={klass?.id ?? ''}>
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('learning.assign.pickLesson')}</button>
      </Form>

      <FormStatus result={result} />
      {result?.ok && result.result && klass ? (
        <p>
          <Link to={`/teach/classes/${klass.id}`}>{t('learning.teach.progress', { name: klass.name })}</Link>
        </p>
      ) : null}

      {lesson && klass ? (
        <Form method="post" key={`${lesson.id}-${klass.id}`}>
          <CsrfInput />
          <input type="hidden" name="resourceId" value={lesson.id} />
          <input type="hidden" name="classId" value={klass.id} />
          <h2>{lesson.title}</h2>
          <p>{lesson.variantKeys.length ? t('learning.assign.variantsOf', { list: lesson.variantKeys.map(variantLabel).join('、') }) : t('learning.assign.noVariants')}</p>
          <fieldset>
            <legend>{t('learning.assign.target')}</legend>
            <label className="choice">
              <input type="radio" name="target" value="class" checked={target === 'class'} onChange={() => setTarget('class')} />
              {t('learning.assign.wholeClass', { name: klass.name })}
            </label>
            <label className="choice">
              <input type="radio" name="target" value="chosen" checked={target === 'chosen'} onChange={() => setTarget('chosen')} aria-describedby="assign-chosen-hint" />
              {t('learning.assign.chosenStudents')}
            </label>
            <p id="assign-chosen-hint" className="hint">
              {t('learning.assign.chosenHint')}
            </p>
            {fieldError('studentIds') ? <p className="field-error">{fieldError('studentIds')}</p> : null}
          </fieldset>
          <div className="field">
            <label htmlFor="assign-default">{t('learning.assign.defaultVariant')}</label>
            <select id="assign-default" name="defaultVariant" defaultValue={lesson.variantKeys[0] ?? ''} aria-invalid={fieldError('defaultVariant') ? true : undefined}>
              <option value="">{t('learning.assign.asWritten')}</option>
              {lesson.variantKeys.map((key) => (
                <option key={key} value={key}>
                  {variantLabel(key)}
                </option>
              ))}
            </select>
          </div>
          <table className="assign-students">
            <caption>{t('learning.assign.perStudent')}</caption>
            <thead>
              <tr>
                {target === 'chosen' ? <th scope="col">{t('learning.assign.chosenStudents')}</th> : null}
                <th scope="col">{t('learning.assign.student')}</th>
                <th scope="col">{t('learning.assign.variant')}</th>
              </tr>
            </thead>
            <tbody>
              {klass.students.map((s) => (
                <tr key={s.id}>
                  {target === 'chosen' ? (
                    <td>
                      <input type="checkbox" name="studentIds" value={s.id} id={`include-${s.id}`} aria-label={t('learning.assign.include', { name: s.displayName })} />
                    </td>
                  ) : null}
                  <th scope="row">{s.displayName}</th>
                  <td>
                    <select name={`variant.${s.id}`} defaultValue="" aria-label={`${t('learning.assign.variant')}：${s.displayName}`} aria-invalid={fieldError(`variants.${s.id}`) ? true : undefined}>
                      <option value="">{t('learning.assign.sameAsClass')}</option>
                      {lesson.variantKeys.map((key) => (
                        <option key={key} value={key}>
                          {variantLabel(key)}
                        </option>
                      ))}
                    </select>
                    {fieldError(`variants.${s.id}`) ? <p className="field-error">{fieldError(`variants.${s.id}`)}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="field">
            <label htmlFor="assign-due">{t('learning.assign.dueOn')}</label>
            <input id="assign-due" type="date" name="dueOn" aria-invalid={fieldError('dueOn') ? true : undefined} aria-describedby={fieldError('dueOn') ? 'assign-due-error' : undefined} />
            {fieldError('dueOn') ? (
              <p id="assign-due-error" className="field-error">
                {fieldError('dueOn')}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="assign-note">{t('learning.assign.note')}</label>
            <textarea id="assign-note" name="note" rows={3} maxLength={500} />
          </div>
          <button type="submit">{t('learning.assign.submit')}</button>
        </Form>
      ) : null}
    </section>
  )
}
