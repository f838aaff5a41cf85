import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData, useSearchParams } from '@remix-run/react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus, fieldErrorsOf } from '~/components/forms'
import { RichTextEditor } from '~/components/library/rich-text-editor'
import { RichText } from '~/components/rich-text'
import { acceptedExtensions, maxFileBytes } from '~/modules/library/files.server'
import { emptyDoc } from '~/modules/library/rich-text'
import { markReadByLink } from '~/modules/notifications/index.server'
import { checkIn, getSession, linkResource, recordAttendance, removeAttachment, saveMinutes, setPublished, setRsvp, unlinkResource } from '~/modules/research/sessions.server'
import type { ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'
import { researchTitle } from './research'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => researchTitle(matches, 'research.session.pageTitle', undefined, data?.session.title)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const id = args.params.sessionId ?? ''
  const session = await getSession(web.rt.db, web.actor, id)
  // Opening the session reads the notifications that announced it.
  await markReadByLink(web.rt.db, web.actor, [`/research/sessions/${session.id}`])
  return { session, me: web.actor.id, limits: { maxMb: Math.round(maxFileBytes / 1024 / 1024), accept: acceptedExtensions } }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args)
  const id = args.params.sessionId ?? ''
  const db = web.rt.db
  const ok = (key: string, params?: Record<string, string | number>) => data<ActionResult>({ ok: true, message: { key, params } })
  switch (form.get('intent')) {
    case 'rsvp': {
      const { rsvp } = await setRsvp(db, web.actor, id, { rsvp: form.get('rsvp') })
      return ok('research.session.rsvpSaved', { answer: rsvp })
    }
    case 'checkIn':
      await checkIn(db, web.actor, id)
      return ok('research.session.checkedIn')
    case 'attendance': {
      const { attended } = await recordAttendance(db, web.actor, id, { userIds: form.getAll('userIds').map(String) })
      return ok('research.session.attendanceSaved', { count: attended })
    }
    case 'minutes':
      await saveMinutes(db, web.actor, id, { minutes: String(form.get('minutes') ?? '') })
      return ok('research.session.minutesSaved')
    case 'publish':
    case 'unpublish': {
      const { published } = await setPublished(db, web.actor, id, { published: form.get('intent') === 'publish' })
      return ok(published ? 'research.session.publishedDone' : 'research.session.unpublishedDone')
    }
    case 'link': {
      const resource = await linkResource(db, web.actor, id, { resourceId: form.get('resourceId') ?? '' })
      return ok('research.session.linked', { title: resource.title })
    }
    case 'unlink':
      await unlinkResource(db, web.actor, id, String(form.get('resourceId') ?? ''))
      return ok('research.session.unlinked')
    case 'removeFile':
      await removeAttachment(web.rt, web.actor, id, String(form.get('fileId') ?? ''))
      return ok('research.session.fileRemoved')
    default:
      return data<ActionResult>({ ok: false, error: { message: { key: 'errors.badRequest' } } }, { status: 400 })
  }
})

type Session = Awaited<ReturnType<typeof loader>>['session']

export default function SessionPage() {
  const { t } = useTranslation()
  const { session, me, limits } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const errors = fieldErrorsOf(result)
  return (
    <article aria-labelledby="session-title" className="research-page session-page">
      <p>
        {session.access === 'published' ? (
          <span>{t('research.session.groupIs', { name: session.group.name })}</span>
        ) : (
          <Link to={`/research/groups/${session.group.id}`}>{t('research.session.backToGroup', { name: session.group.name })}</Link>
        )}
      </p>
      <h1 id="session-title">
        <span className="kind-label">{t(`research.kinds.${session.kind}`)}</span> {session.title}
      </h1>
      {search.get('scheduled') && !result ? (
        <p role="status" className="notice notice-success">
          {t('research.session.scheduled')}
        </p>
      ) : null}
      <FormStatus result={result} />
      {session.cancelled ? (
        <p className="notice notice-error" role="note">
          {t('research.session.cancelledNotice')}
        </p>
      ) : null}
      {session.access === 'admin' ? <p className="notice">{t('research.group.adminReadOnly')}</p> : null}
      {session.access === 'published' ? <p className="notice">{t('research.session.publishedReader')}</p> : null}

      <dl className="session-facts">
        <dt>{t('research.session.when')}</dt>
        <dd>
          <time dateTime={session.startsAt}>{session.day}</time> {session.startTime}–{session.endTime} <span className="hint">{t('research.session.timeHint')}</span>
        </dd>
        {session.place ? (
          <>
            <dt>{t('research.session.place')}</dt>
            <dd>{session.place}</dd>
          </>
        ) : null}
        {session.onlineUrl ? (
          <>
            <dt>{t('research.session.onlineUrl')}</dt>
            <dd>
              <a href={session.onlineUrl} rel="noopener noreferrer" target="_blank">
                {t('research.session.join')}
              </a>{' '}
              <span className="hint">{session.onlineUrl}</span>
            </dd>
          </>
        ) : null}
      </dl>
      {session.can.edit ? (
        <p>
          <Link to={`/research/sessions/${session.id}/edit`}>{t('research.session.editLink')}</Link>
        </p>
      ) : null}

      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('research.session.agenda')}</h2>
        {session.agenda ? (
          <ol className="agenda">
            {session.agenda
              .split('\n')
              .map((line) => line.replace(/^\s*\d+[.、)）]\s*/, '').trim())
              .filter(Boolean)
              .map((line, i) => (
                <li key={i}>{line}</li>
              ))}
          </ol>
        ) : (
          <p>{t('research.session.noAgenda')}</p>
        )}
      </section>

      {session.can.rsvp || session.myRsvp ? <Rsvp session={session} /> : null}
      {session.invitees ? <Invitees session={session} me={me} /> : null}
      <Minutes session={session} errors={errors} />
      <Files session={session} me={me} limits={limits} />
      <Resources session={session} errors={errors} />
    </article>
  )
}

function Rsvp({ session }: { session: Session }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="rsvp-title">
      <h2 id="rsvp-title">{t('research.session.rsvpTitle')}</h2>
      <p>{t('research.session.rsvpCurrent', { answer: t(`research.rsvp.${session.myRsvp ?? 'pending'}`) })}</p>
      {session.can.rsvp ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="rsvp" />
          <fieldset>
            <legend>{t('research.session.rsvpLegend')}</legend>
            {(['yes', 'maybe', 'no'] as const).map((answer) => (
              <label key={answer} className="radio">
                <input type="radio" name="rsvp" value={answer} defaultChecked={session.myRsvp === answer} required /> {t(`research.rsvp.${answer}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t('research.session.rsvpSubmit')}</button>
        </Form>
      ) : null}
      {session.can.checkIn ? (
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="checkIn" />
          <button type="submit">{t('research.session.checkIn')}</button>
        </Form>
      ) : null}
    </section>
  )
}

function Invitees({ session, me }: { session: Session; me: string }) {
  const { t } = useTranslation()
  const invitees = session.invitees ?? []
  const table = (
    <table className="research-table">
      <caption>{t('research.session.inviteesCaption', { count: invitees.length, yes: invitees.filter((i) => i.rsvp === 'yes').length, attended: invitees.filter((i) => i.checkedIn).length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('research.columns.name')}</th>
          <th scope="col">{t('research.columns.rsvp')}</th>
          <th scope="col">{t('research.session.attended')}</th>
        </tr>
      </thead>
      <tbody>
        {invitees.map((i) => (
          <tr key={i.userId}>
            <th scope="row">
              {i.displayName}
              {i.userId === me ? ` ${t('research.session.you')}` : ''}
            </th>
            <td>{t(`research.rsvp.${i.rsvp}`)}</td>
            <td>
              {session.can.recordAttendance ? (
                <label>
                  <input type="checkbox" name="userIds" value={i.userId} defaultChecked={i.checkedIn} /> <span className="visually-hidden">{t('research.session.attendedNamed', { name: i.displayName })}</span>
                  <span aria-hidden="true">{i.checkedIn ? t('research.session.present') : ''}</span>
                </label>
              ) : i.checkedIn ? (
                t('research.session.present')
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
  return (
    <section aria-labelledby="invitees-title">
      <h2 id="invitees-title">{t('research.session.inviteesTitle')}</h2>
      {session.can.recordAttendance ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="attendance" />
          {table}
          <button type="submit">{t('research.session.attendanceSubmit')}</button>
        </Form>
      ) : (
        table
      )}
    </section>
  )
}

function Minutes({ session, errors }: { session: Session; errors: ReturnType<typeof fieldErrorsOf> }) {
  const { t } = useTranslation()
  const error = errors.minutes ? t(errors.minutes.key, errors.minutes.params) : undefined
  return (
    <section aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t('research.session.minutesTitle')}</h2>
      {session.can.writeMinutes ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="minutes" />
          <RichTextEditor name="minutes" label={t('research.session.minutesLabel')} hint={t('research.session.minutesHint')} initial={session.minutes ?? emptyDoc()} error={error} />
          <button type="submit">{t('research.session.minutesSave')}</button>
        </Form>
      ) : session.minutes ? (
        <RichText doc={session.minutes} />
      ) : (
        <p>{t('research.session.noMinutes')}</p>
      )}
      {session.can.publish ? (
        <Form method="post" className="publish-form">
          <CsrfInput />
          <input type="hidden" name="intent" value={session.published ? 'unpublish' : 'publish'} />
          <p className="hint">{session.published ? t('research.session.publishedState') : t('research.session.publishHint')}</p>
          <button type="submit" className={session.published ? 'secondary' : undefined}>
            {t(session.published ? 'research.session.unpublish' : 'research.session.publish')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

function Files({ session, me, limits }: { session: Session; me: string; limits: { maxMb: number; accept: string } }) {
  const { t } = useTranslation()
  const upload = useFetcher<ActionResult>()
  const formRef = useRef<HTMLFormElement>(null)
  const uploadErrors = fieldErrorsOf(upload.data)
  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title">{t('research.session.filesTitle')}</h2>
      {session.files.length === 0 ? (
        <p>{t('research.session.noFiles')}</p>
      ) : (
        <ul className="file-list">
          {session.files.map((f) => (
            <li key={f.id}>
              <a href={`/research/files/${f.id}`} download>
                {f.fileName}
              </a>{' '}
              <span className="hint">
                ({formatSize(f.size)} · {t('research.session.uploadedBy', { name: f.uploader ?? '—' })})
              </span>
              {session.can.attach && (session.can.edit || f.uploaderId === me) ? (
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="removeFile" />
                  <input type="hidden" name="fileId" value={f.id} />
                  <button type="submit" className="secondary">
                    {t('research.session.removeFile', { name: f.fileName })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {session.can.attach ? (
        <upload.Form method="post" action={`/research/sessions/${session.id}/files`} encType="multipart/form-data" ref={formRef} aria-labelledby="files-title">
          <CsrfInput />
          <FormStatus result={upload.data} />
          <div className="field">
            <label htmlFor="session-file">{t('research.session.fileLabel')}</label>
            <p id="session-file-hint" className="hint">
              {t('research.session.fileHint', { max: limits.maxMb })}
            </p>
            <input id="session-file" type="file" name="file" accept={limits.accept} required aria-describedby={uploadErrors.file ? 'session-file-hint session-file-error' : 'session-file-hint'} aria-invalid={uploadErrors.file ? true : undefined} />
            {uploadErrors.file ? (
              <p id="session-file-error" className="field-error">
                {t(uploadErrors.file.key, uploadErrors.file.params)}
              </p>
            ) : null}
          </div>
          <button type="submit" disabled={upload.state !== 'idle'}>
            {t('research.session.upload')}
          </button>
        </upload.Form>
      ) : null}
    </section>
  )
}

function Resources({ session, errors }: { session: Session; errors: ReturnType<typeof fieldErrorsOf> }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="resources-title">
      <h2 id="resources-title">{t('research.session.resourcesTitle')}</h2>
      {session.resources.length === 0 ? (
        <p>{t('research.session.noResources')}</p>
      ) : (
        <ul>
          {session.resources.map((r) => (
            <li key={r.id}>
              <Link to={`/library/${r.id}`}>{r.title}</Link>
              {session.can.attach ? (
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="unlink" />
                  <input type="hidden" name="resourceId" value={r.id} />
                  <button type="submit" className="secondary">
                    {t('research.session.unlink', { title: r.title })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {session.can.attach ? (
        <Form method="post" aria-labelledby="resources-title">
          <CsrfInput />
          <input type="hidden" name="intent" value="link" />
          <Field label={t('research.session.resourceLabel')} name="resourceId" errors={errors} hint={t('research.session.resourceHint')} />
          <button type="submit">{t('research.session.link')}</button>
        </Form>
      ) : null}
    </section>
  )
}

function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
