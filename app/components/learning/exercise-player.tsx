import { useFetcher, useRouteLoaderData } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Answer, StudentExercise } from '~/modules/learning/exercises'
import type { ActionResult } from '~/platform/errors'
import { ChoiceGroup } from './choice-group'
import type { ReadAloud } from './read-aloud'

export type PlayerExercise = StudentExercise & { state: { attempts: number; lastCorrect: boolean | null; firstTryCorrect: boolean | null } }

/**
 * The lesson's exercises, one at a time: the question (which can be read aloud), large answer
 * buttons (also by keyboard or by switch scanning), and what the answer was judged. Answers go to
 * the page's action as `intent=answer`.
 */
export function ExercisePlayer({ exercises, reader, scanIntervalMs, canAnswer }: { exercises: PlayerExercise[]; reader: ReadAloud; scanIntervalMs: number; canAnswer: boolean }) {
  const { t } = useTranslation()
  const [index, setIndex] = useState(0)
  const [scanning, setScanning] = useState(false)
  const card = useRef<HTMLDivElement>(null)
  const exercise = exercises[index]
  // With scanning on, the switch (Space) belongs to the exercise: focus leaves the toggle so a press cannot switch it off.
  useEffect(() => {
    if (scanning) card.current?.focus()
  }, [scanning, index])
  if (!exercise) return null
  return (
    <section aria-labelledby="exercises-title" className="exercises">
      <h2 id="exercises-title">{t('learning.player.exercises')}</h2>
      <div className="big-buttons">
        <button type="button" aria-pressed={scanning} onClick={() => setScanning((s) => !s)} disabled={!canAnswer} className="secondary">
          {t('learning.player.scanning')}
        </button>
      </div>
      <p className="hint">{scanning ? t('learning.player.scanningOn') : t('learning.player.scanningHint')}</p>
      <div ref={card} tabIndex={-1} className="exercise-focus">
        <ExerciseCard key={exercise.id} exercise={exercise} n={index + 1} total={exercises.length} reader={reader} scanning={scanning && canAnswer} scanIntervalMs={scanIntervalMs} canAnswer={canAnswer} />
      </div>
      <div className="big-buttons exercise-nav">
        <button type="button" className="secondary" onClick={() => setIndex((i) => i - 1)} disabled={index === 0}>
          {t('learning.player.previous')}
        </button>
        <button type="button" className="secondary" onClick={() => setIndex((i) => i + 1)} disabled={index === exercises.length - 1}>
          {t('learning.player.next')}
        </button>
      </div>
    </section>
  )
}

function ExerciseCard({ exercise, n, total, reader, scanning, scanIntervalMs, canAnswer }: { exercise: PlayerExercise; n: number; total: number; reader: ReadAloud; scanning: boolean; scanIntervalMs: number; canAnswer: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const fetcher = useFetcher<ActionResult<{ correct: boolean; attempt: number }>>()
  const [steps, setSteps] = useState<number[]>([])
  const result = fetcher.data
  const verdict = result && result.ok ? result.result?.correct : undefined
  // A wrong answer of a multi-step exercise starts the steps again.
  useEffect(() => {
    if (verdict === false) setSteps([])
  }, [verdict, result])
  const csrf = useRouteLoaderData<{ csrf: string }>('root')?.csrf ?? ''
  const submit = (answer: Answer) => fetcher.submit({ csrf, intent: 'answer', exerciseId: exercise.id, answer: JSON.stringify(answer) }, { method: 'post' })
  const busy = fetcher.state !== 'idle' || !canAnswer
  const promptId = `${id}-prompt`
  const stepId = `${id}-step`

  let body = null
  if (exercise.kind === 'picture_choice') {
    body = (
      <ChoiceGroup
        labelledBy={promptId}
        className="picture-choices"
        scanning={scanning}
        scanIntervalMs={scanIntervalMs}
        disabled={busy}
        choices={exercise.options.map((o) => ({
          key: String(o.index),
          label: o.label ? `${o.label}（${o.alt}）` : o.alt,
          content: (
            <>
              <img src={`/learn/images/${o.imageId}`} alt="" />
              {o.label ? <span>{o.label}</span> : null}
            </>
          ),
        }))}
        onChoose={(choice) => submit({ choice })}
      />
    )
  } else if (exercise.kind === 'yes_no') {
    body = (
      <ChoiceGroup
        labelledBy={promptId}
        scanning={scanning}
        scanIntervalMs={scanIntervalMs}
        disabled={busy}
        choices={[
          { key: 'yes', content: <>✔ {t('learning.player.yes')}</> },
          { key: 'no', content: <>✘ {t('learning.player.no')}</> },
        ]}
        onChoose={(choice) => submit({ yes: choice === 0 })}
      />
    )
  } else if (exercise.kind === 'matching') {
    const left = exercise.left[steps.length]
    body = (
      <>
        <ol className="steps-so-far">
          {steps.map((right, i) => (
            <li key={i}>
              {exercise.left[i]} — {exercise.right.find((r) => r.index === right)?.text}
            </li>
          ))}
        </ol>
        {left !== undefined ? (
          <>
            <p id={stepId} className="step-question">
              {t('learning.player.matchFor', { left })}
            </p>
            <ChoiceGroup
              labelledBy={stepId}
              scanning={scanning}
              scanIntervalMs={scanIntervalMs}
              disabled={busy}
              choices={exercise.right.map((r) => ({ key: `${steps.length}-${r.index}`, content: r.text }))}
              onChoose={(choice) => {
                const next = [...steps, exercise.right[choice]!.index]
                setSteps(next)
                if (next.length === exercise.left.length) submit({ matches: next })
              }}
            />
          </>
        ) : null}
        {steps.length > 0 && steps.length < exercise.left.length ? (
          <button type="button" className="secondary" onClick={() => setSteps((s) => s.slice(0, -1))}>
            {t('learning.player.undo')}
          </button>
        ) : null}
      </>
    )
  } else {
    const remaining = exercise.items.filter((item) => !steps.includes(item.index))
    body = (
      <>
        <p className="step-label">{t('learning.player.orderSoFar')}</p>
        {steps.length ? (
          <ol className="steps-so-far">
            {steps.map((item) => (
              <li key={item}>{exercise.items.find((i) => i.index === item)?.text}</li>
            ))}
          </ol>
        ) : (
          <p className="hint">{t('learning.player.orderEmpty')}</p>
        )}
        {remaining.length ? (
          <>
            <p id={stepId} className="step-question">
              {t('learning.player.orderNext')}
            </p>
            <ChoiceGroup
              labelledBy={stepId}
              scanning={scanning}
              scanIntervalMs={scanIntervalMs}
              disabled={busy}
              choices={remaining.map((item) => ({ key: `${steps.length}-${item.index}`, content: item.text }))}
              onChoose={(choice) => {
                const next = [...steps, remaining[choice]!.index]
                setSteps(next)
                if (next.length === exercise.items.length) submit({ order: next })
              }}
            />
          </>
        ) : null}
        {steps.length > 0 && remaining.length > 0 ? (
          <button type="button" className="secondary" onClick={() => setSteps((s) => s.slice(0, -1))}>
            {t('learning.player.undo')}
          </button>
        ) : null}
      </>
    )
  }

  const attempts = result && result.ok ? (result.result?.attempt ?? exercise.state.attempts) : exercise.state.attempts
  return (
    <article className="exercise" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('learning.player.exerciseOf', { n, total })}</h3>
      <p id={promptId} className="exercise-prompt">
        {exercise.prompt}
      </p>
      <div className="big-buttons">
        <button type="button" className="secondary" onClick={() => void reader.speakOnce(exercise.prompt)}>
          🔊 {t('learning.player.readPrompt')}
        </button>
      </div>
      {body}
      <div role="status" className="exercise-feedback">
        {verdict === true ? <p className="notice notice-success">✔ {t('learning.player.correct')}</p> : null}
        {verdict === false ? <p className="notice notice-error">✘ {t('learning.player.wrong')}</p> : null}
        {result && !result.ok ? <p className="notice notice-error">{t(result.error.message.key, result.error.message.params)}</p> : null}
      </div>
      {attempts > 0 ? (
        <p className="hint">
          {t('learning.player.answered', { attempts })}
          {exercise.state.firstTryCorrect ? ` · ${t('learning.player.firstTryRight')}` : ''}
        </p>
      ) : null}
    </article>
  )
}
