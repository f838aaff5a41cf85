import { eq, isNull } from 'drizzle-orm'
import type { Database } from '#db/client'
import { researchGroups, researchSessions } from '#db/schema'
import { plainText, sanitizeDoc } from '~/modules/library/rich-text'
import type { SearchDocument } from '~/modules/search/document'
import type { SearchSource } from '~/modules/search/sync.server'
import { researchZhCN } from './i18n/zh-CN'
import type { SessionKind } from './schemas'
import { shanghaiDay } from './time'

/**
 * 教研 sessions as the platform search finds them: group material, so only the group's active members
 * find them (the index's `group_ids`), by title, agenda and minutes. Cancelled sessions are not found.
 */
export const researchSessionSearchSource: SearchSource = {
  name: 'research-session',

  async load(db, id) {
    const [row] = await db
      .select({ session: researchSessions, groupName: researchGroups.name, districtId: researchGroups.districtId })
      .from(researchSessions)
      .innerJoin(researchGroups, eq(researchGroups.id, researchSessions.groupId))
      .where(eq(researchSessions.id, id))
    if (!row || row.session.cancelledAt) return null
    return toSearchDocument(row.session, row.groupName, row.districtId)
  },

  async ids(db: Database) {
    return (await db.select({ id: researchSessions.id }).from(researchSessions).where(isNull(researchSessions.cancelledAt))).map((r) => r.id)
  },
}

export const sessionDocumentId = (sessionId: string) => `research-session:${sessionId}`

/** Pure, so it is tested without a database. */
export function toSearchDocument(session: typeof researchSessions.$inferSelect, groupName: string, districtId: string): SearchDocument {
  const kindLabel = researchZhCN.kinds[session.kind as SessionKind] ?? session.kind
  return {
    id: sessionDocumentId(session.id),
    kind: 'research_session',
    title: session.title,
    summary: [kindLabel, groupName, shanghaiDay(session.startsAt)].join(' · '),
    body: [session.agenda, session.minutes ? plainText(sanitizeDoc(session.minutes)) : ''].filter(Boolean).join('\n'),
    keywords: [kindLabel, groupName],
    url: `/research/sessions/${session.id}`,
    schoolType: null,
    stage: null,
    subject: null,
    disabilities: [],
    tiers: [],
    features: [],
    districtId,
    published: false,
    ownerId: null,
    groupIds: [session.groupId],
    updatedAt: session.updatedAt,
  }
}
