import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus } from '~/components/forms'
import { listNotifications, markAllRead, markRead } from '~/modules/notifications/index.server'
import type { ActionResult } from '~/platform/errors'
import { createI18n, defaultLocale, isLocale } from '~/platform/i18n'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined
  const t = createI18n(isLocale(root?.locale) ? root.locale : defaultLocale).t
  return [{ title: `${t('notifications.title')} · ${t('app.name')}` }]
}

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const url = new URL(args.request.url)
  const filters = { unread: url.searchParams.get('unread') ?? undefined, before: url.searchParams.get('before') ?? undefined }
  return listNotifications(web.rt.db, web.actor, filters)
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args)
  switch (form.get('intent')) {
    case 'open': {
      const read = await markRead(web.rt.db, web.actor, String(form.get('id') ?? ''))
      return redirect(read.link)
    }
    case 'read':
      await markRead(web.rt.db, web.actor, String(form.get('id') ?? ''))
      return data<ActionResult>({ ok: true, message: { key: 'notifications.marked' } })
    case 'readAll': {
      const { marked } = await markAllRead(web.rt.db, web.actor)
      return data<ActionResult>({ ok: true, message: { key: 'notifications.markedAll', params: { count: marked } } })
    }
    default:
      return data<ActionResult>({ ok: false, error: { message: { key: 'errors.badRequest' } } }, { status: 400 })
  }
})

export default function Notifications() {
  const { t, i18n } = useTranslation()
  const { notifications, unreadCount, nextBefore } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const unreadOnly = search.get('unread') === 'true'
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(iso))
  return (
    <section aria-labelledby="notifications-title" className="notifications-page">
      <h1 id="notifications-title">{t('notifications.title')}</h1>
      <p>{t('notifications.intro')}</p>
      <FormStatus result={result} />
      <ul className="actions-row">
        <li>
          <Link to={unreadOnly ? '/notifications' : '/notifications?unread=true'}>{unreadOnly ? t('notifications.showAll') : t('notifications.unreadOnly')}</Link>
        </li>
        {unreadCount > 0 ? (
          <li>
            <Form method="post" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="intent" value="readAll" />
              <button type="submit">{t('notifications.markAllRead')}</button>
            </Form>
          </li>
        ) : null}
      </ul>
      {notifications.length === 0 ? (
        <p>{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</p>
      ) : (
        <ol className="notification-list" aria-labelledby="notifications-title">
          {notifications.map((n) => {
            const text = t(`notifications.kinds.${n.kind}`, n.params)
            return (
              <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                <p className="notification-text">
                  {n.readAt ? null : <span className="badge">{t('notifications.unread')}</span>} {text}
                </p>
                <p className="hint">
                  <time dateTime={n.createdAt}>{time(n.createdAt)}</time>
                </p>
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" name="intent" value="open" aria-label={`${t('notifications.open')}：${text}`}>
                    {t('notifications.open')}
                  </button>
                  {n.readAt ? null : (
                    <>
                      {' '}
                      <button type="submit" name="intent" value="read" className="secondary" aria-label={`${t('notifications.markRead')}：${text}`}>
                        {t('notifications.markRead')}
                      </button>
                    </>
                  )}
                </Form>
              </li>
            )
          })}
        </ol>
      )}
      {nextBefore ? (
        <p>
          <Link to={`/notifications?${new URLSearchParams({ ...(unreadOnly ? { unread: 'true' } : {}), before: nextBefore })}`}>{t('notifications.more')}</Link>
        </p>
      ) : null}
    </section>
  )
}
