import { useRouteLoaderData } from '@remix-run/react'
import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActionResult, FieldErrors, Message } from '~/platform/errors'

export function useMessage() {
  const { t } = useTranslation()
  return (message?: Message) => (message ? t(message.key, message.params) : undefined)
}

/** The hidden CSRF field every form post carries. */
export function CsrfInput() {
  const root = useRouteLoaderData<{ csrf: string }>('root')
  return <input type="hidden" name="csrf" value={root?.csrf ?? ''} />
}

/** The result of the last post: an alert for errors (announced, and focusable), a status for success. */
export function FormStatus({ result }: { result?: ActionResult | null }) {
  const message = useMessage()
  if (!result) return null
  if (result.ok) {
    return result.message ? (
      <p role="status" className="notice notice-success">
        {message(result.message)}
      </p>
    ) : null
  }
  return (
    <div role="alert" className="notice notice-error">
      {message(result.error.message)}
    </div>
  )
}

export function fieldErrorsOf(result?: ActionResult | null): FieldErrors {
  return result && !result.ok ? (result.error.fields ?? {}) : {}
}

interface FieldProps {
  label: string
  name: string
  errors?: FieldErrors
  hint?: string
  required?: boolean
  children?: (props: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string; required?: boolean }) => ReactNode
  type?: string
  defaultValue?: string | number | null
  autoComplete?: string
}

/** A labelled field with its hint and error tied to it for screen readers. */
export function Field({ label, name, errors, hint, required, children, type = 'text', defaultValue, autoComplete }: FieldProps) {
  const id = useId()
  const message = useMessage()
  const error = message(errors?.[name])
  const { t } = useTranslation()
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const inputProps = { id, name, 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': describedBy, required }
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> {t('common.required')}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children ? children(inputProps) : <input {...inputProps} type={type} defaultValue={defaultValue ?? undefined} autoComplete={autoComplete} />}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
