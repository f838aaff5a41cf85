import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus } from '~/components/forms'
import { ExercisePlayer } from '~/components/learning/exercise-player'
import { ReadAloudControls, useReadAloud } from '~/components/learning/read-aloud'
import { learningTitle } from '~/components/learning/title'
import { VideoPlayer } from '~/components/media/VideoPlayer'
import { RichText } from '~/components/rich-text'
import { setDone } from '~/modules/learning/assignments.server'
import { answerExercise } from '~/modules/learning/exercises.server'
import { annotateSentences } from '~/modules/learning/player'
import { lessonForStudent } from '~/modules/learning/player.server'
import { sanitizeDoc, type RichDoc, type RichNode } from '~/modules/library/rich-text'
import { badInput, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => learningTitle(matches, data ? 'learning.player.pageTitle' : 'learning.player.lesson', data ? { title: data.lesson.title } : undefined)

const studentOf = (request: Request, actorId: string) => new URL(request.url).searchParams.get('student') ?? actorId

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const lesson = await lessonForStudent(web.rt.db, web.actor, args.params.assignmentId ?? '', studentOf(args.request, web.actor.id))
  return { ...lesson, locale: web.locale }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args)
  const assignmentId = args.params.assignmentId ?? ''
  const studentId = studentOf(args.request, web.actor.id)
  const intent = form.get('intent')
  if (intent === 'done' || intent === 'undone') {
    await setDone(web.rt.db, web.actor, assignmentId, studentId, intent === 'done')
    return data<ActionResult>({ ok: true, message: { key: intent === 'done' ? 'learning.player.markedDone' : 'learning.player.markedNotDone' } })
  }
  if (intent === 'answer') {
    let answer: unknown
    try {
      answer = JSON.parse(String(form.get('answer') ?? ''))
    } catch {
      throw badInput({ answer: { key: 'learning.errors.answerDoesNotFit' } })
    }
    const result = await answerExercise(web.rt.db, web.actor, assignmentId, studentId, String(form.get('exerciseId') ?? ''), answer)
    return data<ActionResult<typeof result>>({ ok: true, result })
  }
  throw badInput({}, 'errors.badRequest')
})

/** The text sizes of app.css (`[data-font-scale]`). */
const scales = { normal: 1, large: 1.25, 'x-large': 1.5 } as const

const heading = (text: string): RichNode => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] })
const paragraph = (text: string): RichNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })

export default function LessonPlayer() {
  const { t, i18n } = useTranslation()
  const lesson = useLoaderData<typeof loader>()
  const root = useRouteLoaderData<{ preferences?: { fontScale?: keyof typeof scales } }>('root')
  const result = useActionData<typeof action>()
  const [easyRead, setEasyRead] = useState(false)
  const prefs = lesson.preferences
  const own = lesson.relation === 'self'
  const query = own ? '' : `?student=${lesson.student.id}`
  const variantName = lesson.variant ? t(`library.variantNames.${lesson.variant.key}`) : null

  // One document for reading: the student's goal and tasks from their variant, then the lesson text.
  const doc = useMemo<RichDoc>(() => {
    const content: RichNode[] = []
    if (lesson.variant) {
      const goals = lesson.variant.objectives.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
      if (goals.length) content.push(heading(t('learning.player.goal')), ...goals.map(paragraph))
      const activities = sanitizeDoc(lesson.variant.activities)
      if (activities.content.length) content.push(heading(t('learning.player.todo')), ...activities.content)
    }
    content.push(...lesson.lesson.body.content)
    return sanitizeDoc({ type: 'doc', content })
  }, [lesson, t])
  const sentences = useMemo(() => annotateSentences(doc).sentences, [doc])
  const reader = useReadAloud({ sentences, locale: i18n.language, rate: prefs.readAloudRate })

  return (
    <article
      className="lesson-player"
      aria-labelledby="lesson-title"
      // The lesson follows the student's effective preferences (teacher default, family adjustment, their own choice), whoever looks at it;
      // the text size is set relative to the page's own, so it is the student's size however the rest of the page is shown.
      data-contrast={prefs.contrast}
      data-reduced-motion={prefs.reducedMotion ? 'true' : undefined}
      style={{ fontSize: `${Math.round((scales[prefs.fontScale] / scales[root?.preferences?.fontScale ?? 'normal']) * 100)}%` }}
    >
      <p className="big-link player-links">
        <Link to={`/learn${query}`}>← {t('learning.player.back')}</Link>
        <Link to={`/learn/preferences${query}`}>{own ? t('learning.my.preferences') : t('learning.prefs.titleOf', { name: lesson.student.displayName })}</Link>
      </p>
      <h1 id="lesson-title">{lesson.lesson.title}</h1>
      <p className="lesson-meta">
        {variantName ? <span>{t('learning.player.version', { name: variantName })}</span> : null}
        <span>{lesson.assignment.dueOn ? t('learning.my.due', { date: lesson.assignment.dueOn }) : t('learning.my.noDue')}</span>
        <span>{lesson.assignment.status === 'done' ? `✔ ${t('learning.my.done')}` : `○ ${t('learning.my.todo')}`}</span>
      </p>
      {lesson.assignment.note ? <p className="assignment-note">{lesson.assignment.note}</p> : null}
      {!own ? <p className="notice">{t('learning.player.notYours', { name: lesson.student.displayName })}</p> : null}

      <section aria-labelledby="lesson-text-title" className="lesson-text-section">
        <h2 id="lesson-text-title">{t('learning.player.lesson')}</h2>
        <div className="reading-tools">
          <ReadAloudControls reader={reader} total={sentences.length} locale={i18n.language} />
          <div className="big-buttons">
            <button type="button" className="secondary" aria-pressed={easyRead} aria-describedby="easy-read-hint" onClick={() => setEasyRead((v) => !v)}>
              {t('learning.player.easyRead')}
            </button>
          </div>
          <p id="easy-read-hint" className="hint">
            {t('learning.player.easyReadHint')}
          </p>
        </div>
        <RichText doc={doc} className={['lesson-text', easyRead ? 'easy-read' : null].filter(Boolean).join(' ')} sentences={{ current: reader.current }} />
      </section>

      {lesson.videos.length ? (
        <section aria-labelledby="lesson-videos-title">
          <h2 id="lesson-videos-title">{t('learning.player.videos')}</h2>
          {lesson.videos.map((video) =>
            video.source ? (
              <VideoPlayer
                key={video.assetId}
                source={video.source}
                initial={{ captionLanguage: prefs.captions ? prefs.captionLanguage : null, signLayout: prefs.signWindow, audioDescription: prefs.audioDescription }}
              />
            ) : (
              <p key={video.assetId}>{t('learning.player.noVideo')}</p>
            ),
          )}
        </section>
      ) : null}

      {lesson.exercises.length ? <ExercisePlayer exercises={lesson.exercises} reader={reader} scanIntervalMs={prefs.scanInterval * 1000} canAnswer={own} /> : null}

      <section aria-labelledby="lesson-done-title" className="lesson-done">
        <h2 id="lesson-done-title" className="visually-hidden">
          {t('learning.player.done')}
        </h2>
        <FormStatus result={result} />
        {own ? (
          <Form method="post">
            <CsrfInput />
            {lesson.assignment.status === 'done' ? (
              <>
                <p className="done-state">✔ {t('learning.player.markedDone')}</p>
                <button type="submit" name="intent" value="undone" className="secondary">
                  {t('learning.player.undoDone')}
                </button>
              </>
            ) : (
              <>
                <p id="done-hint" className="hint">
                  {t('learning.player.doneHint')}
                </p>
                <button type="submit" name="intent" value="done" className="done-button" aria-describedby="done-hint">
                  ✔ {t('learning.player.done')}
                </button>
              </>
            )}
          </Form>
        ) : null}
      </section>
    </article>
  )
}
