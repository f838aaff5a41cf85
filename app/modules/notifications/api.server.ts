import { z } from 'zod'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { listNotifications, markAllRead, markRead, messagesOf } from './index.server'

const notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string(),
  message: z.string().describe('In the language the request asked for (Accept-Language)'),
  messages: z.object({ 'zh-CN': z.string(), en: z.string() }),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
})
const tag = 'notifications'

export const notificationsEndpoints: Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/notifications',
    tag,
    summary: 'Your notifications, newest first (unread=true for unread only; before=<createdAt> for the next page), with the unread count',
    query: z.object({ unread: z.enum(['true', 'false', '1', '0']).optional(), before: z.iso.datetime({ offset: true }).optional() }),
    response: z.object({ notifications: z.array(notification), unreadCount: z.number().int(), nextBefore: z.iso.datetime().nullable() }),
    handle: async ({ rt, actor, locale }, { query }) => {
      const page = await listNotifications(rt.db, actor, query)
      return {
        ...page,
        notifications: page.notifications.map((n) => {
          const messages = messagesOf(n)
          return { ...n, message: messages[locale], messages }
        }),
      }
    },
  }),
  endpoint({
    method: 'POST',
    path: '/notifications/{id}/read',
    tag,
    summary: 'Mark one of your notifications read',
    status: 204,
    handle: async ({ rt, actor }, { params }) => void (await markRead(rt.db, actor, params.id ?? '')),
  }),
  endpoint({
    method: 'POST',
    path: '/notifications/read-all',
    tag,
    summary: 'Mark all your notifications read',
    response: z.object({ marked: z.number().int() }),
    handle: ({ rt, actor }) => markAllRead(rt.db, actor),
  }),
]
