import type { z } from 'zod'

/** A message key of the i18n catalogue with its parameters: translated where it is shown. */
export interface Message {
  key: string
  params?: Record<string, string | number>
}

export type FieldErrors = Record<string, Message>

/**
 * An error a user can understand: an HTTP status, a stable code for API clients, a translated
 * message, optional per-field messages, and data for the log that is never shown.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly userMessage: Message,
    readonly options: { fields?: FieldErrors; log?: Record<string, unknown> } = {},
  ) {
    super(userMessage.key)
    this.name = 'AppError'
  }
  get code() {
    return this.userMessage.key.replace(/^errors\./, '')
  }
}

export const notFound = (key = 'errors.notFound') => new AppError(404, { key })
export const forbidden = () => new AppError(403, { key: 'errors.forbidden' })
export const unauthorized = () => new AppError(401, { key: 'errors.unauthorized' })
export const badInput = (fields: FieldErrors, key = 'errors.badRequest') => new AppError(400, { key }, { fields })
export const conflict = (field: string, key: string) => new AppError(409, { key }, { fields: { [field]: { key } } })

/** zod's issues as translatable field messages: the schema's own key when it gave one, else by issue kind. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_'
    if (fields[field]) continue
    fields[field] = messageOfIssue(issue)
  }
  return fields
}

function messageOfIssue(issue: z.core.$ZodIssue): Message {
  if (/^[a-z]+\.[A-Za-z.-]+$/.test(issue.message)) return { key: issue.message }
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? { key: 'errors.required' }
        : { key: 'errors.tooShort', params: { minimum: Number(issue.minimum) } }
    case 'too_big':
      return { key: 'errors.tooLong', params: { maximum: Number(issue.maximum) } }
    case 'invalid_value':
      return { key: 'errors.invalidChoice' }
    case 'invalid_format':
      return issue.format === 'email' ? { key: 'errors.invalidEmail' } : { key: 'errors.badRequest' }
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? { key: 'errors.required' } : { key: 'errors.badRequest' }
    default:
      return { key: 'errors.badRequest' }
  }
}

/** Parses or throws a 400 that carries every field's message. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw badInput(fieldErrorsOf(result.error))
  return result.data
}

/** What a form post answers: the page shows it next to the form it came from. */
export type ActionResult<T = unknown> = { ok: true; message?: Message; result?: T } | { ok: false; error: { message: Message; fields?: FieldErrors } }
