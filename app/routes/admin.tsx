import type { LoaderFunctionArgs } from '@remix-run/node'
import { data, Outlet, useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AppError, notFound, type FieldErrors, type Message } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { pageTitle } from '~/platform/page-title'
import { Subnav } from '~/components/subnav'

/** The layout checks the role for every page below; each child loader and action checks again. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  await requireActor(args, 'manage:users')
  return null
})

const sections = [
  { to: '/admin', key: 'admin.overview', current: (path: string) => path === '/admin' || path === '/admin/' },
  { to: '/admin/schools', key: 'admin.schools', current: (path: string) => path.startsWith('/admin/schools') || path.startsWith('/admin/classes') },
  { to: '/admin/users', key: 'admin.users', current: (path: string) => path.startsWith('/admin/users') && !path.startsWith('/admin/users/import') },
  { to: '/admin/users/import', key: 'admin.import', current: (path: string) => path.startsWith('/admin/users/import') },
  { to: '/admin/audit', key: 'admin.audit', current: (path: string) => path.startsWith('/admin/audit') },
] as const

export default function AdminLayout() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  return (
    <>
      <Subnav label={t('admin.subnav')} sections={sections.map((section) => ({ to: section.to, key: section.key, current: section.current(pathname) }))} print />
      <Outlet />
    </>
  )
}

/* ---- Shared by the admin pages (no server-only imports here: this module also reaches the browser). ---- */

/** What an admin form post answers: which form it came from, and on failure what was typed (never passwords). */
export type AdminResult =
  | { ok: true; intent?: string; message?: Message }
  | { ok: false; intent?: string; error: { message: Message; fields?: FieldErrors }; values: Record<string, string> }

const unechoed = new Set(['csrf', 'password', 'newPassword'])

function submittedValues(form: FormData) {
  const values: Record<string, string> = {}
  for (const [key, value] of form.entries()) if (typeof value === 'string' && !unechoed.has(key)) values[key] = value
  return values
}

/**
 * Runs a form's module call; a user's mistake comes back with the submitted values, so a page
 * rendered without JavaScript still shows what was typed.
 */
export async function keepValues<T extends AdminResult>(form: FormData, run: () => Promise<T>) {
  const intent = typeof form.get('intent') === 'string' ? (form.get('intent') as string) : undefined
  try {
    return await run()
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return data<AdminResult>({ ok: false, intent, error: { message: error.userMessage, fields: error.options.fields }, values: submittedValues(form) }, { status: error.status })
  }
}

/** A route or form id: anything but a UUID is simply not found (and never reaches the database). */
export function parseId(value: unknown): string {
  const parsed = z.uuid().safeParse(value)
  if (!parsed.success) throw notFound()
  return parsed.data
}

/** The result, errors and submitted values of one form on a page with several. */
export function resultFor(result: AdminResult | undefined, intent?: string) {
  const mine = result && (intent === undefined || result.intent === intent) ? result : undefined
  return {
    result: mine,
    errors: mine && !mine.ok ? (mine.error.fields ?? {}) : {},
    values: mine && !mine.ok ? mine.values : undefined,
  }
}

/** Empties a "new …" form once its post has succeeded. */
export function useResetOnSuccess(result: AdminResult | undefined) {
  const ref = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (result?.ok) ref.current?.reset()
  }, [result])
  return ref
}

export const adminTitle = pageTitle
