import { Form } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus, useMessage } from '~/components/forms'
import { contrasts, fontScales } from '~/modules/accounts/schemas'
import { captionLanguages, preferenceFields, signWindows, type LayerValues, type LearnerPreferences, type PreferenceField, type PreferenceLayer, type PreferenceSource } from '~/modules/learning/preferences'
import type { ActionResult } from '~/platform/errors'

export interface PreferencesFormData {
  student: { id: string; displayName: string }
  layer: PreferenceLayer
  effective: LearnerPreferences
  sources: Record<PreferenceField, PreferenceSource>
  layers: Record<PreferenceLayer, LayerValues>
}

const below: Record<PreferenceLayer, PreferenceLayer[]> = { student: ['family', 'teacher'], family: ['teacher'], teacher: [] }

/**
 * A student's learner preferences: what is in force and which layer it comes from, and a form for
 * the actor's own layer (teacher default, family adjustment or the student's choice; an empty
 * choice leaves the field to the layer below). Posts `intent=preferences` to `action` (default: this page).
 */
export function PreferencesForm({ data, result, action }: { data: PreferencesFormData; result?: ActionResult | null; action?: string }) {
  const { t } = useTranslation()
  const id = useId()
  const message = useMessage()
  const mine = data.layers[data.layer]
  const fields = result && !result.ok ? (result.error.fields ?? {}) : {}
  // What an unset field falls back to, for the "not set" option's wording.
  const fallback = (field: PreferenceField): string => {
    const layer = below[data.layer].find((l) => data.layers[l][field] !== undefined)
    return t(`learning.prefs.layers.${layer ?? 'default'}`)
  }
  const show = (field: PreferenceField, value: unknown): string => {
    if (typeof value === 'boolean') return value ? t('learning.prefs.on') : t('learning.prefs.off')
    if (field === 'signWindow') return t(`learning.prefs.signWindows.${value as string}`)
    if (field === 'fontScale') return t(`learning.prefs.fontScales.${value as string}`)
    if (field === 'contrast') return t(`learning.prefs.contrasts.${value as string}`)
    if (field === 'captionLanguage') return t(`learning.player.languages.${value as string}`)
    return String(value)
  }
  const current = (field: PreferenceField) => (mine[field] === undefined ? '' : typeof mine[field] === 'boolean' ? (mine[field] ? 'on' : 'off') : String(mine[field]))
  const choices = (field: PreferenceField): { value: string; label: string }[] => {
    switch (field) {
      case 'captions':
      case 'audioDescription':
      case 'reducedMotion':
        return [
          { value: 'on', label: t('learning.prefs.on') },
          { value: 'off', label: t('learning.prefs.off') },
        ]
      case 'captionLanguage':
        return captionLanguages.map((v) => ({ value: v, label: show(field, v) }))
      case 'signWindow':
        return signWindows.map((v) => ({ value: v, label: show(field, v) }))
      case 'fontScale':
        return fontScales.map((v) => ({ value: v, label: show(field, v) }))
      case 'contrast':
        return contrasts.map((v) => ({ value: v, label: show(field, v) }))
      default:
        return []
    }
  }
  return (
    <div className="learner-preferences">
      <table>
        <caption>{t('learning.prefs.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('learning.prefs.setting')}</th>
            <th scope="col">{t('learning.prefs.value')}</th>
            <th scope="col">{t('learning.prefs.source')}</th>
          </tr>
        </thead>
        <tbody>
          {preferenceFields.map((field) => (
            <tr key={field}>
              <th scope="row">{t(`learning.prefs.fields.${field}`)}</th>
              <td>{show(field, data.effective[field])}</td>
              <td data-source={data.sources[field]}>{t(`learning.prefs.layers.${data.sources[field]}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormStatus result={result} />
      <Form method="post" action={action} className="preferences-form">
        <CsrfInput />
        <input type="hidden" name="intent" value="preferences" />
        <p>
          <strong>{t('learning.prefs.yourLayer', { layer: t(`learning.prefs.layers.${data.layer}`) })}</strong>
        </p>
        <p className="hint">{t('learning.prefs.consentNote')}</p>
        {preferenceFields.map((field) => {
          const inputId = `${id}-${field}`
          const error = message(fields[field])
          const errorId = `${inputId}-error`
          const sourceId = `${inputId}-source`
          const numeric = field === 'readAloudRate' || field === 'scanInterval'
          return (
            <div className="field" key={field}>
              <label htmlFor={inputId}>{t(`learning.prefs.fields.${field}`)}</label>
              <p id={sourceId} className="hint">
                {t('learning.prefs.from', { source: t(`learning.prefs.layers.${data.sources[field]}`) })}
              </p>
              {numeric ? (
                <input
                  id={inputId}
                  name={field}
                  type="number"
                  inputMode="decimal"
                  step={field === 'readAloudRate' ? 0.1 : 0.5}
                  min={field === 'readAloudRate' ? 0.5 : 0.5}
                  max={field === 'readAloudRate' ? 2 : 10}
                  defaultValue={current(field)}
                  placeholder={t('learning.prefs.inherit', { below: fallback(field) })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={[sourceId, error ? errorId : null].filter(Boolean).join(' ')}
                />
              ) : (
                <select id={inputId} name={field} defaultValue={current(field)} aria-invalid={error ? true : undefined} aria-describedby={[sourceId, error ? errorId : null].filter(Boolean).join(' ')}>
                  <option value="">{t('learning.prefs.inherit', { below: fallback(field) })}</option>
                  {choices(field).map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              )}
              {error ? (
                <p id={errorId} className="field-error">
                  {error}
                </p>
              ) : null}
            </div>
          )
        })}
        <button type="submit">{t('learning.prefs.save')}</button>
      </Form>
    </div>
  )
}
