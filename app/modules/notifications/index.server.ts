import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#db/client'
import { notifications } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { notFound, parseInput } from '~/platform/errors'
import { translateAll, type Locale } from '~/platform/i18n'

/** What `notify` needs from a database or an open transaction. */
type Executor = Pick<Database, 'insert'>

export interface NotifyInput {
  userIds: string[]
  /** Names the message: the i18n key `notifications.kinds.<kind>`, filled with `params`. */
  kind: string
  params?: Record<string, string | number>
  /** Where the notification leads, an app path such as `/research/sessions/<id>`. */
  link: string
  /**
   * Makes the notification once-only per person: a second notify with the same key for the same
   * person adds nothing (a unique index, so a job run twice, or two at once, cannot send it twice).
   */
  dedupeKey?: string
}

/**
 * Sends an in-app notification to each of `userIds`. Takes a transaction too, so it commits or
 * rolls back with the change it announces. Returns the ids of the people actually notified now.
 */
export async function notify(db: Executor, input: NotifyInput): Promise<string[]> {
  const userIds = [...new Set(input.userIds)]
  if (userIds.length === 0) return []
  if (!input.link.startsWith('/') || input.link.startsWith('//')) throw new Error(`notification link must be an app path: ${input.link}`)
  const rows = await db
    .insert(notifications)
    .values(userIds.map((userId) => ({ userId, kind: input.kind, params: input.params ?? {}, link: input.link, dedupeKey: input.dedupeKey ?? null })))
    .onConflictDoNothing()
    .returning({ userId: notifications.userId })
  return rows.map((r) => r.userId)
}

export interface NotificationView {
  id: string
  kind: string
  params: Record<string, string | number>
  link: string
  createdAt: string
  readAt: string | null
}

export const notificationsPageSize = 30

const listInput = z.object({
  unread: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
    .optional()
    .transform((v) => v === true || v === 'true' || v === '1'),
  /** ISO time of the last notification already seen: the next page starts after it. */
  before: z.iso.datetime({ offset: true }).optional(),
})

/** The actor's own notifications, newest first, a page at a time. */
export async function listNotifications(db: Database, actor: Actor, filters: unknown = {}) {
  const { unread, before } = parseInput(listInput, filters)
  const conditions = [eq(notifications.userId, actor.id)]
  if (unread) conditions.push(isNull(notifications.readAt))
  if (before) conditions.push(lt(notifications.createdAt, new Date(before)))
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(notificationsPageSize + 1)
  const page = rows.slice(0, notificationsPageSize)
  return {
    notifications: page.map(viewOf),
    unreadCount: await unreadCount(db, actor),
    nextBefore: rows.length > notificationsPageSize ? page.at(-1)!.createdAt.toISOString() : null,
  }
}

const viewOf = (row: typeof notifications.$inferSelect): NotificationView => ({
  id: row.id,
  kind: row.kind,
  params: row.params,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
})

export async function unreadCount(db: Pick<Database, 'select'>, actor: Pick<Actor, 'id'>): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
  return row?.n ?? 0
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Marks one of the actor's notifications read (someone else's is not found). Returns where it leads. */
export async function markRead(db: Database, actor: Actor, id: string): Promise<NotificationView> {
  if (!uuid.test(id)) throw notFound('notifications.errors.notFound')
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)))
    .returning()
  if (!row) throw notFound('notifications.errors.notFound')
  return viewOf(row)
}

export async function markAllRead(db: Database, actor: Actor): Promise<{ marked: number }> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id })
  return { marked: rows.length }
}

/** Marks read the actor's unread notifications that lead to `link` (the page they announce has been opened). */
export async function markReadByLink(db: Database, actor: Actor, links: string[]): Promise<void> {
  if (links.length === 0) return
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt), inArray(notifications.link, links)))
}

/** A notification's text in every language, for the API. */
export function messagesOf(view: Pick<NotificationView, 'kind' | 'params'>): Record<Locale, string> {
  return translateAll(`notifications.kinds.${view.kind}`, view.params)
}
