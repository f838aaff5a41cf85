import { and, eq } from 'drizzle-orm'
import type { Database } from '#db/client'
import { resources, resourceVersions } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { sanitizeDoc, type RichDoc } from '~/modules/library/rich-text'
import { isVariantKey, type VariantKey } from '~/modules/library/taxonomy'
import { getPlayerSource, type PlayerSource } from '~/modules/media/index.server'
import { notFound } from '~/platform/errors'
import { requireStudentAssignment, today } from './assignments.server'
import { exercisesForAssignment } from './exercises.server'
import { effectivePreferences } from './preferences.server'
import { dueState } from './progress'

/**
 * Everything the student lesson player shows for one assignment of one student: the lesson as
 * published, the variant chosen for them, its videos, the exercises with their own answers so far,
 * and the student's effective preferences. The student, a linked family or their teachers may open
 * it (only the student answers and marks it done).
 */
export async function lessonForStudent(db: Database, actor: Actor, assignmentId: string, studentId: string) {
  const { assignment, student, relation } = await requireStudentAssignment(db, actor, assignmentId, studentId)
  const [version] = await db
    .select({ snapshot: resourceVersions.snapshot })
    .from(resources)
    .innerJoin(resourceVersions, and(eq(resourceVersions.resourceId, resources.id), eq(resourceVersions.number, resources.publishedVersion)))
    .where(eq(resources.id, assignment.resourceId))
  if (!version) throw notFound('learning.errors.assignmentNotFound')
  const snapshot = version.snapshot
  const chosen = assignment.variantKey ? snapshot.variants.find((v) => v.key === assignment.variantKey) : undefined
  const variant: { key: VariantKey; objectives: string; activities: RichDoc } | null =
    chosen && isVariantKey(chosen.key) ? { key: chosen.key, objectives: chosen.objectives, activities: sanitizeDoc(chosen.activities) } : null
  const videos: { assetId: string; source: PlayerSource | null }[] = []
  for (const assetId of snapshot.mediaAssetIds) {
    const source = await getPlayerSource(db, actor, assetId).catch(() => undefined)
    if (source !== undefined) videos.push({ assetId, source })
  }
  return {
    assignment: {
      id: assignment.id,
      dueOn: assignment.dueOn,
      note: assignment.note,
      status: assignment.status,
      doneAt: assignment.doneAt?.toISOString() ?? null,
      dueState: dueState(assignment.dueOn, assignment.status, assignment.doneAt?.toISOString() ?? null, today()),
    },
    student: { id: student.id, displayName: student.displayName },
    relation,
    lesson: { id: assignment.resourceId, title: snapshot.title, summary: snapshot.summary, body: sanitizeDoc(snapshot.body) },
    variant,
    videos,
    exercises: await exercisesForAssignment(db, assignment.resourceId, assignment.id, student.id),
    preferences: await effectivePreferences(db, student.id),
  }
}
