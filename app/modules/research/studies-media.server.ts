import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client'
import { lessonStudies, lessonStudyRounds, researchGroupMembers } from '#db/schema'

/**
 * Classroom videos are sensitive: once an asset (or the main video a track belongs to) is attached to
 * a lesson-study round, only active members of that study's group — and administrators of its district,
 * who oversee the groups — may watch it. The media module asks this in its scoped lookup; it needs only
 * the schema, so media does not depend on the research module's code.
 *
 * Returns null when the asset is not a study's video (the media module's usual rule applies), else
 * whether `actor` is in the audience.
 */
export async function studyVideoAudience(db: Pick<Database, 'select'>, actor: { id: string; role: string }, asset: { id: string; parentId: string | null }): Promise<boolean | null> {
  const ids = asset.parentId ? [asset.id, asset.parentId] : [asset.id]
  const studies = await db
    .select({ groupId: lessonStudies.groupId })
    .from(lessonStudyRounds)
    .innerJoin(lessonStudies, eq(lessonStudies.id, lessonStudyRounds.studyId))
    .where(inArray(lessonStudyRounds.videoAssetId, ids))
  if (studies.length === 0) return null
  if (actor.role === 'admin') return true
  const groupIds = [...new Set(studies.map((s) => s.groupId))]
  const [member] = await db
    .select({ groupId: researchGroupMembers.groupId })
    .from(researchGroupMembers)
    .where(and(eq(researchGroupMembers.userId, actor.id), eq(researchGroupMembers.status, 'active'), inArray(researchGroupMembers.groupId, groupIds)))
    .limit(1)
  return Boolean(member)
}
