import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field } from '~/components/forms'
import { sessionKinds } from '~/modules/research/schemas'
import type { FieldErrors } from '~/platform/errors'

export interface SessionFormValues {
  kind: string
  title: string
  date: string
  startTime: string
  endTime: string
  place: string
  onlineUrl: string
  agenda: string
  inviteeIds: string[]
}

/** Scheduling or changing a session: one form, the same fields as the API. */
export function SessionForm({ initial, errors, members, submitLabel }: { initial: SessionFormValues; errors: FieldErrors; members: { userId: string; displayName: string }[]; submitLabel: string }) {
  const { t } = useTranslation()
  const busy = useNavigation().state === 'submitting'
  const message = (field: string) => (errors[field] ? t(errors[field]!.key, errors[field]!.params) : null)
  return (
    <Form method="post" className="session-form">
      <CsrfInput />
      <Field label={t('research.session.kind')} name="kind" errors={errors} required>
        {(props) => (
          <select {...props} defaultValue={initial.kind}>
            {sessionKinds.map((k) => (
              <option key={k} value={k}>
                {t(`research.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('research.session.title')} name="title" errors={errors} required defaultValue={initial.title} />
      <div className="field-row">
        <Field label={t('research.session.date')} name="date" type="date" errors={errors} required defaultValue={initial.date} />
        <Field label={t('research.session.startTime')} name="startTime" type="time" errors={errors} required defaultValue={initial.startTime} hint={t('research.session.timeHint')} />
        <Field label={t('research.session.endTime')} name="endTime" type="time" errors={errors} required defaultValue={initial.endTime} hint={t('research.session.timeHint')} />
      </div>
      <Field label={t('research.session.place')} name="place" errors={errors} defaultValue={initial.place} hint={t('research.session.placeHint')} />
      <Field label={t('research.session.onlineUrl')} name="onlineUrl" type="url" errors={errors} defaultValue={initial.onlineUrl} hint={t('research.session.onlineHint')} />
      <Field label={t('research.session.agenda')} name="agenda" errors={errors} hint={t('research.session.agendaHint')}>
        {(props) => <textarea {...props} rows={5} defaultValue={initial.agenda} />}
      </Field>
      <fieldset aria-describedby="invitees-hint">
        <legend>{t('research.session.invitees')}</legend>
        <p id="invitees-hint" className="hint">
          {t('research.session.inviteesHint')}
        </p>
        <ul className="checkbox-list">
          {members.map((m) => (
            <li key={m.userId}>
              <label>
                <input type="checkbox" name="inviteeIds" value={m.userId} defaultChecked={initial.inviteeIds.includes(m.userId)} /> {m.displayName}
              </label>
            </li>
          ))}
        </ul>
        {message('inviteeIds') ? <p className="field-error">{message('inviteeIds')}</p> : null}
      </fieldset>
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  )
}

/** A form's values as the session schema reads them (the invitee boxes are a repeated field). */
export function sessionFormValues(form: FormData): SessionFormValues {
  const text = (name: string) => String(form.get(name) ?? '')
  return {
    kind: text('kind'),
    title: text('title'),
    date: text('date'),
    startTime: text('startTime'),
    endTime: text('endTime'),
    place: text('place'),
    onlineUrl: text('onlineUrl'),
    agenda: text('agenda'),
    inviteeIds: form.getAll('inviteeIds').map(String),
  }
}
