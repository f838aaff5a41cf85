import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { VisitFields } from '~/components/family/visit-fields'
import { flushPending, listPending, removePending, savePending, sendVisit, type PendingVisit } from '~/components/family/visit-queue'
import { useMessage } from '~/components/forms'
import { today } from '~/modules/learning/assignments.server'
import { studentsOfTeacher } from '~/modules/learning/family.server'
import { visitLessons } from '~/modules/learning/offline.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { familyTitle } from './students'

export const meta: MetaFunction = ({ matches }) => familyTitle(matches, 'family.visits.offlineTitle')

/** The visit form the offline package keeps: it works without a network and uploads when one returns. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const students = (await studentsOfTeacher(web.rt.db, web.actor)).flatMap((c) => c.students)
  return {
    userId: web.actor.id,
    choices: { students: [...new Map(students.map((s) => [s.id, s])).values()], lessons: (await visitLessons(web.rt.db, web.actor)).map(({ id, title }) => ({ id, title })) },
    today: today(),
  }
})

type Status = { tone: 'success' | 'error' | 'info'; text: string } | null

export default function OfflineVisitForm() {
  const { userId, choices, today: serverToday } = useLoaderData<typeof loader>()
  const root = useRouteLoaderData<{ csrf: string }>('root')
  const csrf = root?.csrf ?? ''
  const { t } = useTranslation()
  const message = useMessage()
  const [online, setOnline] = useState(true)
  const [pending, setPending] = useState<PendingVisit[]>([])
  const [status, setStatus] = useState<Status>(null)
  const [formKey, setFormKey] = useState(0)
  const [date, setDate] = useState(serverToday)
  const flushing = useRef(false)
  // The translator changes identity each render; a ref keeps `flush` (and the effect using it) stable.
  const messageRef = useRef(message)
  messageRef.current = message

  const refresh = useCallback(async () => setPending(await listPending(userId)), [userId])

  const flush = useCallback(async () => {
    if (flushing.current || !navigator.onLine) return
    flushing.current = true
    try {
      const waiting = (await listPending(userId)).filter((v) => !v.rejected)
      if (waiting.length === 0) return
      setStatus({ tone: 'info', text: t('family.visits.uploading') })
      const { stored, later } = await flushPending(userId, csrf)
      if (later) setStatus({ tone: 'error', text: t('family.visits.waiting', { message: messageRef.current(later) ?? '' }) })
      else if (stored > 0) setStatus({ tone: 'success', text: t('family.visits.uploaded', { count: stored }) })
      else setStatus(null)
    } finally {
      flushing.current = false
      await refresh()
    }
  }, [csrf, refresh, t, userId])

  useEffect(() => {
    // The device's own date: the kept page may be opened days after it was stored.
    const now = new Date()
    setDate(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`)
    setOnline(navigator.onLine)
    const up = () => {
      setOnline(true)
      void flush()
    }
    const down = () => setOnline(false)
    window.addEventListener('online', up)
    window.addEventListener('offline', down)
    void refresh().then(flush)
    return () => {
      window.removeEventListener('online', up)
      window.removeEventListener('offline', down)
    }
  }, [flush, refresh])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const student = choices.students.find((s) => s.id === form.get('studentId'))
    const visit: PendingVisit = {
      clientKey: crypto.randomUUID(),
      userId,
      studentId: String(form.get('studentId') ?? ''),
      studentName: student?.displayName ?? '',
      visitedOn: String(form.get('visitedOn') ?? ''),
      durationMinutes: String(form.get('durationMinutes') ?? ''),
      taught: String(form.get('taught') ?? ''),
      notes: String(form.get('notes') ?? ''),
      lessons: form.getAll('lessons').map(String),
      savedAt: new Date().toISOString(),
    }
    // Kept on the device first, so nothing is lost whatever the network does next.
    await savePending(visit)
    setFormKey((k) => k + 1)
    if (!navigator.onLine) {
      setStatus({ tone: 'success', text: t('family.visits.savedLocally') })
      await refresh()
      return
    }
    const outcome = await sendVisit(visit, csrf)
    if (outcome.kind === 'stored') {
      await removePending(visit.clientKey)
      setStatus({ tone: 'success', text: t('family.visits.saved') })
    } else if (outcome.kind === 'offline') {
      setStatus({ tone: 'success', text: t('family.visits.savedLocally') })
    } else if (outcome.kind === 'later') {
      setStatus({ tone: 'error', text: t('family.visits.waiting', { message: message(outcome.message) ?? '' }) })
    } else {
      await savePending({ ...visit, rejected: outcome.message })
      setStatus({ tone: 'error', text: t('family.visits.rejected', { message: message(outcome.message) ?? '' }) })
    }
    await refresh()
  }

  async function discard(clientKey: string) {
    await removePending(clientKey)
    await refresh()
  }

  return (
    <section aria-labelledby="offline-visit-title">
      <h1 id="offline-visit-title">{t('family.visits.offlineTitle')}</h1>
      <p>{t('family.visits.offlineIntro')}</p>
      <p>
        <strong>{online ? t('family.visits.online') : t('family.visits.offline')}</strong>
      </p>
      <div role="status" aria-live="polite">
        {status ? <p className={status.tone === 'error' ? 'notice notice-error' : status.tone === 'success' ? 'notice notice-success' : 'notice'}>{status.text}</p> : null}
      </div>
      {pending.length ? (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">{t('family.visits.pending', { count: pending.length })}</h2>
          <ul>
            {pending.map((v) => (
              <li key={v.clientKey}>
                {t('family.visits.pendingItem', { date: v.visitedOn, student: v.studentName, taught: v.taught })}
                {v.rejected ? (
                  <>
                    <p className="notice notice-error">{t('family.visits.rejected', { message: message(v.rejected) ?? '' })}</p>
                    <button type="button" onClick={() => discard(v.clientKey)}>
                      {t('family.visits.discard')}
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {choices.students.length === 0 ? (
        <p>{t('family.visits.noStudents')}</p>
      ) : (
        <form method="post" onSubmit={submit} key={`${formKey}-${date}`} aria-labelledby="offline-visit-title">
          <VisitFields choices={choices} errors={{}} initial={{ studentId: '', visitedOn: date, durationMinutes: '', taught: '', notes: '', lessons: [] }} />
          <button type="submit">{t('family.visits.save')}</button>
        </form>
      )}
      <p>
        <a href="/students/visits">{t('family.visits.list')}</a>
      </p>
    </section>
  )
}
