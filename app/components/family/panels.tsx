import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field } from '~/components/forms'
import type { FieldErrors } from '~/platform/errors'

/* The pieces the teacher's student page and the family's child page share. Plain data in, no server imports. */

export interface ConsentView {
  state: 'given' | 'missing' | 'not-required'
  aged14OrOver: boolean | null
  history: { id: string; method: 'family-account' | 'paper-form'; guardianName: string; familyName: string | null; recordedByName: string | null; paperSignedOn: string | null; paperReference: string | null; givenAt: string; withdrawnAt: string | null }[]
}

export type Relation = 'teacher' | 'family'

const day = (iso: string) => iso.slice(0, 10)

export function ConsentPanel({ consent, relation, errors }: { consent: ConsentView; relation: Relation; errors: FieldErrors }) {
  const { t } = useTranslation()
  const inForce = consent.history.find((c) => c.withdrawnAt === null)
  return (
    <section aria-labelledby="consent-title" className="card">
      <h2 id="consent-title">{t('family.consent.title')}</h2>
      <p>
        <strong>{t(`family.consent.states.${consent.state}`)}</strong>
      </p>
      <p className="hint">{t('family.consent.explain')}</p>
      <p className="hint">{t('family.consent.scope')}</p>
      <p>
        {t('family.consent.ageTitle')}:{' '}
        {consent.aged14OrOver === null ? t('family.consent.ageUnknown') : consent.aged14OrOver ? t('family.consent.age14Plus') : t('family.consent.ageUnder14')}
      </p>
      {consent.history.length ? (
        <>
          <h3>{t('family.consent.history')}</h3>
          <ul>
            {consent.history.map((c) => (
              <li key={c.id}>
                {t('family.consent.historyItem', { method: t(`family.consent.methods.${c.method}`), name: c.guardianName || c.familyName || '', date: c.paperSignedOn ?? day(c.givenAt) })}
                {c.paperReference ? ` · ${c.paperReference}` : ''}
                {c.recordedByName ? ` · ${t('family.consent.recordedBy', { name: c.recordedByName })}` : ''}
                {c.withdrawnAt ? ` · ${t('family.consent.withdrawnOn', { date: day(c.withdrawnAt) })}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!inForce && relation === 'family' ? (
        <Form method="post">
          <CsrfInput />
          <Field label={t('family.consent.guardianName')} name="guardianName" errors={errors} required autoComplete="name" />
          <div className="field">
            <label>
              <input type="checkbox" name="agree" value="true" required aria-invalid={errors.agree ? true : undefined} /> {t('family.consent.agree')}
            </label>
          </div>
          <button type="submit" name="intent" value="consent">
            {t('family.consent.give')}
          </button>
        </Form>
      ) : null}
      {!inForce && relation === 'teacher' ? (
        <Form method="post" aria-labelledby="paper-title">
          <h3 id="paper-title">{t('family.consent.paperTitle')}</h3>
          <p className="hint">{t('family.consent.paperHint')}</p>
          <CsrfInput />
          <Field label={t('family.consent.guardianName')} name="guardianName" errors={errors} required />
          <Field label={t('family.consent.paperSignedOn')} name="paperSignedOn" type="date" errors={errors} required />
          <Field label={t('family.consent.paperReference')} name="paperReference" errors={errors} required />
          <button type="submit" name="intent" value="paper-consent">
            {t('family.consent.recordPaper')}
          </button>
        </Form>
      ) : null}
      {inForce ? (
        <Form
          method="post"
          onSubmit={(event) => {
            if (!window.confirm(t('family.consent.withdrawConfirm'))) event.preventDefault()
          }}
        >
          <CsrfInput />
          <button type="submit" name="intent" value="withdraw" className="danger">
            {t('family.consent.withdraw')}
          </button>
        </Form>
      ) : null}
      {relation === 'teacher' ? (
        <Form method="post" aria-labelledby="age-title">
          <CsrfInput />
          <fieldset>
            <legend id="age-title">{t('family.consent.ageTitle')}</legend>
            <label>
              <input type="radio" name="aged14OrOver" value="no" defaultChecked={consent.aged14OrOver !== true} /> {t('family.consent.ageUnder14')}
            </label>{' '}
            <label>
              <input type="radio" name="aged14OrOver" value="yes" defaultChecked={consent.aged14OrOver === true} /> {t('family.consent.age14Plus')}
            </label>
          </fieldset>
          <button type="submit" name="intent" value="age">
            {t('family.consent.ageSave')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

export interface AssignmentRow {
  assignmentId: string
  title: string
  dueOn: string | null
  status: 'assigned' | 'done'
  overdue: boolean
  score: { total: number; answered: number; firstTry: number } | null
  variantName: Record<string, string> | null
}

export function AssignmentsTable({ assignments, progress }: { assignments: AssignmentRow[]; progress: { total: number; done: number; overdue: number } }) {
  const { t, i18n } = useTranslation()
  return (
    <section aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t('family.child.assignments')}</h2>
      {assignments.length === 0 ? (
        <p>{t('family.child.noAssignments')}</p>
      ) : (
        <>
          <p>
            <progress max={progress.total} value={progress.done} aria-labelledby="progress-summary" />{' '}
            <span id="progress-summary">{t('family.child.progressSummary', progress)}</span>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('family.child.lesson')}</th>
                <th scope="col">{t('family.child.due')}</th>
                <th scope="col">{t('family.child.status')}</th>
                <th scope="col">{t('family.child.score')}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.assignmentId}>
                  <td>
                    {a.title}
                    {a.variantName ? ` · ${a.variantName[i18n.language] ?? ''}` : ''}
                  </td>
                  <td>{a.dueOn ?? t('family.child.noDue')}</td>
                  <td>
                    {t(`family.status.${a.status}`)}
                    {a.overdue ? ` · ${t('family.child.overdue')}` : ''}
                  </td>
                  <td>{a.score ? t('family.child.scoreValue', a.score) : t('family.child.noScore')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}

export interface NoteRow {
  id: string
  body: string
  authorName: string | null
  mine: boolean
  createdAt: string
}

export function NotesSection({ notes, canWrite, errors }: { notes: NoteRow[]; canWrite: boolean; errors: FieldErrors }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">{t('family.notes.title')}</h2>
      {notes.length === 0 ? <p>{t('family.notes.none')}</p> : null}
      <ul className="family-notes">
        {notes.map((n) => (
          <li key={n.id}>
            <p>{n.body}</p>
            <p className="hint">{t('family.notes.by', { name: n.authorName ?? '', date: day(n.createdAt) })}</p>
            {n.mine ? (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="noteId" value={n.id} />
                <button type="submit" name="intent" value="delete-note" className="danger">
                  {t('family.notes.delete')}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canWrite ? (
        <Form method="post">
          <CsrfInput />
          <Field label={t('family.notes.body')} name="body" errors={errors} required>
            {(props) => <textarea {...props} rows={3} />}
          </Field>
          <button type="submit" name="intent" value="note">
            {t('family.notes.add')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

export interface PracticeRow {
  id: string
  practisedOn: string
  activity: string
  minutes: number
  note: string
  recordedBy: string | null
}

export function PracticeSection({ practice, canWrite, errors, today }: { practice: PracticeRow[]; canWrite: boolean; errors: FieldErrors; today: string }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="practice-title">
      <h2 id="practice-title">{t('family.practice.title')}</h2>
      {practice.length === 0 ? (
        <p>{t('family.practice.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('family.practice.date')}</th>
              <th scope="col">{t('family.practice.activity')}</th>
              <th scope="col">{t('family.practice.minutes')}</th>
              <th scope="col">{t('family.practice.note')}</th>
            </tr>
          </thead>
          <tbody>
            {practice.map((p) => (
              <tr key={p.id}>
                <td>{p.practisedOn}</td>
                <td>{p.activity}</td>
                <td>{p.minutes}</td>
                <td>
                  {p.note}
                  {p.recordedBy ? <span className="hint"> ({t('family.practice.by', { name: p.recordedBy })})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite ? (
        <Form method="post" aria-labelledby="practice-form-title" key={practice.length}>
          <h3 id="practice-form-title">{t('family.practice.add')}</h3>
          <CsrfInput />
          <Field label={t('family.practice.date')} name="practisedOn" type="date" defaultValue={today} errors={errors} required />
          <Field label={t('family.practice.activity')} name="activity" errors={errors} required />
          <Field label={t('family.practice.minutes')} name="minutes" errors={errors} required>
            {(props) => <input {...props} type="number" min={1} max={600} inputMode="numeric" />}
          </Field>
          <Field label={t('family.practice.note')} name="note" errors={errors}>
            {(props) => <textarea {...props} rows={2} />}
          </Field>
          <button type="submit" name="intent" value="practice">
            {t('family.practice.add')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

export interface VisitRow {
  id: string
  studentId: string
  studentName: string
  teacherName: string | null
  visitedOn: string
  durationMinutes: number
  taught: string
  notes: string
  notesErased: boolean
  lessons: { resourceId: string; title: string; variantKey: string | null }[]
  mine: boolean
}

export function VisitsTable({ visits, showStudent, captionKey = 'family.visits.title' }: { visits: VisitRow[]; showStudent: boolean; captionKey?: string }) {
  const { t } = useTranslation()
  if (visits.length === 0) return <p>{t('family.visits.none')}</p>
  return (
    <table className="visits">
      {/* The section's heading says it already; the caption names the table for screen readers. */}
      <caption className="visually-hidden">{t(captionKey)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('family.visits.date')}</th>
          {showStudent ? <th scope="col">{t('family.visits.student')}</th> : <th scope="col">{t('family.visits.teacher')}</th>}
          <th scope="col">{t('family.visits.duration')}</th>
          <th scope="col">{t('family.visits.lessons')}</th>
          <th scope="col">{t('family.visits.taught')}</th>
          <th scope="col">{t('family.visits.notes')}</th>
        </tr>
      </thead>
      <tbody>
        {visits.map((v) => (
          <tr key={v.id}>
            <td>
              {v.visitedOn}
              {v.mine ? (
                <>
                  {' '}
                  <a href={`/students/visits/${v.id}`}>
                    {t('family.visits.edit')}
                    <span className="visually-hidden"> {v.visitedOn}</span>
                  </a>
                </>
              ) : null}
            </td>
            <td>{showStudent ? v.studentName : (v.teacherName ?? '')}</td>
            <td>{v.durationMinutes}</td>
            <td>{v.lessons.map((l) => l.title).join('、')}</td>
            <td>{v.taught}</td>
            <td>{v.notesErased ? t('family.visits.notesErased') : v.notes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function DataSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('family.data.title')}</h2>
      <p>{t('family.data.intro')}</p>
      <ul>
        <li>
          <a href={`/students/${studentId}/export?format=json`} download>
            {t('family.data.exportJson')}
          </a>
        </li>
        <li>
          <a href={`/students/${studentId}/export?format=html`}>{t('family.data.exportHtml')}</a>
        </li>
        <li>
          <a href={`/students/${studentId}/delete`}>{t('family.data.delete')}</a>
        </li>
      </ul>
    </section>
  )
}

/** What the profile holds, read-only: the same on the family's and the teachers' page. */
export function ProfileFacts({ profile }: { profile: { disabilityCategory: string | null; supportNeeds: string } | null }) {
  const { t } = useTranslation()
  if (!profile) return <p>{t('family.profile.none')}</p>
  return (
    <dl>
      <dt>{t('family.profile.category')}</dt>
      <dd>{profile.disabilityCategory ? t(`family.categories.${profile.disabilityCategory}`) : t('family.profile.notRecorded')}</dd>
      <dt>{t('family.profile.supportNeeds')}</dt>
      <dd>{profile.supportNeeds || t('family.profile.notRecorded')}</dd>
    </dl>
  )
}
