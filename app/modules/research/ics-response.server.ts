import { contentDisposition } from '~/modules/library/files.server'
import { createI18n } from '~/platform/i18n'
import type { WebRequest } from '~/platform/web.server'
import type { Actor } from '~/modules/accounts/actor'
import { icsRange, sessionsToIcs } from './calendar.server'
import { requireGroupMember } from './groups.server'
import { calendarSessions } from './sessions.server'
import { shanghaiDay } from './time'

/** The .ics download of a group's sessions or the reader's own, named and labelled in the reader's language. */
export async function calendarIcsResponse(web: WebRequest & { actor: Actor }, request: Request, scope: { groupId: string } | 'mine') {
  const t = createI18n(web.locale).t
  const name = scope === 'mine' ? t('research.calendar.title') : (await requireGroupMember(web.rt.db, web.actor, scope.groupId)).name
  const sessions = await calendarSessions(web.rt.db, web.actor, scope, icsRange())
  const body = sessionsToIcs({
    name,
    origin: new URL(request.url).origin,
    sessions: sessions.map((s) => ({ ...s, kindLabel: t(`research.kinds.${s.kind}`) })),
  })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': contentDisposition('attachment', `${name}-${shanghaiDay(new Date())}.ics`),
      'Cache-Control': 'private, no-store',
    },
  })
}
