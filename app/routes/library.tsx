import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data, Outlet, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { can } from '~/modules/accounts/permissions'
import { AppError, notFound, type FieldErrors, type Message } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import libraryStyles from '~/styles/library.css?url'
import { pageTitle } from '~/platform/page-title'
import { Subnav } from '~/components/subnav'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: libraryStyles }]

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  return { canAuthor: can(web.actor.role, 'author:resource'), canReview: can(web.actor.role, 'review:resource') }
})

export default function LibraryLayout() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const { canAuthor, canReview } = useLoaderData<typeof loader>()
  const sections = [
    { to: '/library', key: 'library.browse', show: true, current: pathname === '/library' || pathname === '/library/' },
    { to: '/library/mine', key: 'library.mine', show: canAuthor, current: pathname.startsWith('/library/mine') },
    { to: '/library/review', key: 'library.review', show: canReview, current: pathname.startsWith('/library/review') },
    { to: '/library/favourites', key: 'library.favourites', show: true, current: pathname.startsWith('/library/favourites') },
    { to: '/library/new', key: 'library.newResource', show: canAuthor, current: pathname.startsWith('/library/new') },
    { to: '/library/import', key: 'library.package.importTitle', show: canAuthor, current: pathname.startsWith('/library/import') },
  ]
  return (
    <>
      <Subnav label={t('library.subnav')} sections={sections} />
      <Outlet />
    </>
  )
}

/* ---- Shared by the library pages (no server-only imports: this module also reaches the browser). ---- */

export type LibraryResult =
  | { ok: true; intent?: string; message?: Message }
  | { ok: false; intent?: string; error: { message: Message; fields?: FieldErrors }; values: Record<string, string | string[]> }

function submittedValues(form: FormData) {
  const values: Record<string, string | string[]> = {}
  for (const key of new Set(form.keys())) {
    if (key === 'csrf') continue
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string')
    values[key] = all.length > 1 || key === 'disabilityCategories' ? all : (all[0] ?? '')
  }
  return values
}

/** Runs a form's module call; a mistake comes back with every submitted value, so nothing typed is lost. */
export async function keepLibraryValues<T>(form: FormData, run: () => Promise<T>) {
  const intent = typeof form.get('intent') === 'string' ? (form.get('intent') as string) : undefined
  try {
    return await run()
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return data<LibraryResult>({ ok: false, intent, error: { message: error.userMessage, fields: error.options.fields }, values: submittedValues(form) }, { status: error.status })
  }
}

export function parseResourceId(value: unknown): string {
  const parsed = z.uuid().safeParse(value)
  if (!parsed.success) throw notFound('library.errors.notFound')
  return parsed.data
}

/** The page title in the reader's language: "<page> · 同行". */
export const libraryTitle = pageTitle

export function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
