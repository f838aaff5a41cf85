import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, fieldErrorsOf, FormStatus } from '~/components/forms'
import { VideoPlayer, type PlayerHandle } from '~/components/media/VideoPlayer'
import type { PlayerSource } from '~/modules/media/types'
import { formatTime, markerPosition, noteLabel } from '~/modules/research/studies/timeline'
import type { ActionResult } from '~/platform/errors'

export interface ObservationNote {
  id: string
  atSeconds: number
  body: string
  author: { id: string; displayName: string }
  canDelete: boolean
}

/**
 * The classroom video with its observers' notes: a timeline of markers under the player (buttons,
 * reached with Tab, each named "03:15 王老师：…"), the notes in time order (a note's time seeks the
 * video), and the form to add one, whose time follows the player until the observer changes it.
 */
export function ObservationPanel({ source, notes, canNote, result }: { source: PlayerSource | null; notes: ObservationNote[]; canNote: boolean; result?: (ActionResult & { intent?: string }) | null }) {
  const { t } = useTranslation()
  const id = useId()
  const handle = useRef<PlayerHandle | null>(null)
  const [current, setCurrent] = useState<string | null>(null)
  const duration = source ? source.durationMs / 1000 : Math.max(60, ...notes.map((n) => n.atSeconds + 1))

  function jump(note: ObservationNote) {
    handle.current?.seek(note.atSeconds)
    setCurrent(note.id)
  }

  return (
    <div className="observation">
      {source ? <VideoPlayer source={source} handle={handle} /> : null}
      {notes.length ? (
        <div className="note-timeline">
          <h3 id={`${id}-timeline`}>{t('studies.notes.timeline')}</h3>
          <p className="hint" id={`${id}-timeline-hint`}>
            {t('studies.notes.timelineHint')}
          </p>
          <ol className="note-markers" aria-labelledby={`${id}-timeline`} aria-describedby={`${id}-timeline-hint`}>
            {notes.map((note) => {
              const label = noteLabel({ atSeconds: note.atSeconds, author: note.author.displayName, body: note.body })
              return (
                <li key={note.id} style={{ insetInlineStart: `${markerPosition(note.atSeconds, duration)}%` }}>
                  <button type="button" className="note-marker" title={label} aria-current={current === note.id ? 'true' : undefined} onClick={() => jump(note)}>
                    <span className="visually-hidden">{label}</span>
                  </button>
                </li>
              )
            })}
          </ol>
        </div>
      ) : null}
      {result?.intent === 'deleteNote' ? <FormStatus result={result} /> : null}
      {notes.length ? (
        <ol className="study-notes">
          {notes.map((note) => (
            <li key={note.id} id={`note-${note.id}`} aria-current={current === note.id ? 'true' : undefined}>
              <button type="button" className="note-time" aria-label={t('studies.notes.jump', { time: formatTime(note.atSeconds) })} onClick={() => jump(note)}>
                {formatTime(note.atSeconds)}
              </button>{' '}
              <strong className="note-author">{t('studies.notes.said', { author: note.author.displayName })}</strong>
              <span className="note-body">{note.body}</span>
              {note.canDelete ? (
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="deleteNote" />
                  <input type="hidden" name="noteId" value={note.id} />
                  <button type="submit" className="secondary" aria-label={t('studies.notes.deleteLabel', { time: formatTime(note.atSeconds) })}>
                    {t('studies.notes.delete')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('studies.notes.none')}</p>
      )}
      {canNote ? <AddNoteForm handle={handle} result={result?.intent === 'note' ? result : null} /> : null}
    </div>
  )
}

function AddNoteForm({ handle, result }: { handle: React.MutableRefObject<PlayerHandle | null>; result: ActionResult | null }) {
  const { t } = useTranslation()
  const id = useId()
  const form = useRef<HTMLFormElement>(null)
  const navigation = useNavigation()
  const [time, setTime] = useState('00:00')
  const [edited, setEdited] = useState(false)
  const errors = fieldErrorsOf(result)

  // The time follows the video until the observer types their own.
  useEffect(() => {
    if (edited) return
    const timer = window.setInterval(() => {
      if (handle.current) setTime(formatTime(handle.current.currentTime()))
    }, 500)
    return () => window.clearInterval(timer)
  }, [edited, handle])

  // A saved note clears the form for the next one.
  useEffect(() => {
    if (result?.ok) {
      form.current?.reset()
      setEdited(false)
    }
  }, [result])

  return (
    <section aria-labelledby={`${id}-title`} className="add-note">
      <h3 id={`${id}-title`}>{t('studies.notes.add')}</h3>
      <FormStatus result={result} />
      <Form method="post" ref={form}>
        <CsrfInput />
        <input type="hidden" name="intent" value="note" />
        <Field label={t('studies.notes.time')} name="atSeconds" errors={errors} hint={t('studies.notes.timeHint')}>
          {(props) => (
            <span className="note-time-field">
              <input
                {...props}
                inputMode="numeric"
                value={time}
                onChange={(event) => {
                  setEdited(true)
                  setTime(event.target.value)
                }}
                size={8}
              />
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setTime(formatTime(handle.current?.currentTime() ?? 0))
                  setEdited(true)
                }}
              >
                {t('studies.notes.useCurrent')}
              </button>
            </span>
          )}
        </Field>
        <Field label={t('studies.notes.body')} name="body" errors={errors}>
          {(props) => <textarea {...props} rows={3} maxLength={2000} />}
        </Field>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('studies.notes.submit')}
        </button>
      </Form>
    </section>
  )
}
