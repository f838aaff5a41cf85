import { useTranslation } from 'react-i18next'
import { Field } from '~/components/forms'
import type { FieldErrors } from '~/platform/errors'

export interface VisitFieldValues {
  studentId: string
  visitedOn: string
  durationMinutes: string
  taught: string
  notes: string
  lessons: string[]
}

export interface VisitChoices {
  students: { id: string; displayName: string; consent: 'given' | 'missing' | 'not-required' }[]
  lessons: { id: string; title: string }[]
}

/** The fields of a home-visit record, for the online form, the edit form and the offline form. */
export function VisitFields({ initial, choices, errors, fixedStudent }: { initial: VisitFieldValues; choices: VisitChoices; errors: FieldErrors; fixedStudent?: string }) {
  const { t } = useTranslation()
  return (
    <>
      {fixedStudent ? (
        <p>
          {t('family.visits.student')}: {fixedStudent}
        </p>
      ) : (
        <Field label={t('family.visits.student')} name="studentId" errors={errors} required>
          {(props) => (
            <select {...props} defaultValue={initial.studentId}>
              <option value="">{t('family.visits.chooseStudent')}</option>
              {choices.students.map((s) => (
                <option key={s.id} value={s.id} disabled={s.consent === 'missing'}>
                  {s.displayName}
                  {s.consent === 'missing' ? ` ${t('family.visits.consentMissing')}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('family.visits.date')} name="visitedOn" type="date" defaultValue={initial.visitedOn} errors={errors} required />
      <Field label={t('family.visits.duration')} name="durationMinutes" errors={errors} required>
        {(props) => <input {...props} type="number" min={1} max={600} inputMode="numeric" defaultValue={initial.durationMinutes} />}
      </Field>
      <Field label={t('family.visits.lessons')} name="lessons" hint={t('family.visits.lessonsHint')} errors={errors}>
        {(props) => (
          <select {...props} multiple size={Math.min(6, Math.max(2, choices.lessons.length))} defaultValue={initial.lessons}>
            {choices.lessons.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('family.visits.taught')} name="taught" errors={errors} required>
        {(props) => <textarea {...props} rows={3} defaultValue={initial.taught} />}
      </Field>
      <Field label={t('family.visits.notes')} name="notes" errors={errors}>
        {(props) => <textarea {...props} rows={3} defaultValue={initial.notes} />}
      </Field>
    </>
  )
}
