import { and, eq, inArray, ne } from 'drizzle-orm'
import { resources, resourceVersions } from '#db/schema'
import type { Database } from '#db/client'
import type { Actor } from '~/modules/accounts/actor'
import { getResource, type ResourceView } from '~/modules/library/resources.server'
import { getPlayerSource, type PlayerSource } from '~/modules/media/index.server'
import { forbidden } from '~/platform/errors'
import { buildManifest, type OfflineManifest } from './offline'

/**
 * A lesson prepared for a 送教上门 visit with no network: the lesson (as published, or the variant
 * chosen for the student), its files, and each video's low-bandwidth rendition with its captions.
 * Teachers only — a visit is theirs to make.
 */
export interface OfflineLesson {
  resource: ResourceView
  manifest: OfflineManifest
  players: PlayerSource[]
}

export async function offlineLesson(db: Database, actor: Actor, resourceId: string, variant: string | null): Promise<OfflineLesson> {
  if (actor.role !== 'teacher') throw forbidden()
  const resource = await getResource(db, actor, resourceId)
  const players: PlayerSource[] = []
  for (const assetId of resource.mediaAssetIds) {
    const player = await getPlayerSource(db, actor, assetId).catch(() => null)
    if (player) players.push(player)
  }
  const manifest = buildManifest(
    {
      id: resource.id,
      title: resource.title,
      variantKeys: resource.variants.map((v) => v.key),
      files: resource.files,
      videos: players.map((p) => ({
        assetId: p.assetId,
        title: p.title,
        download: p.download,
        captions: p.textTracks.filter((t) => t.kind === 'captions').map((t) => ({ src: t.src, label: t.label })),
      })),
    },
    variant,
  )
  return { resource, manifest, players }
}

/** Published resources of the district a teacher can take on a visit (or name as taught), by title. */
export async function visitLessons(db: Database, actor: Actor): Promise<{ id: string; title: string; variantKeys: string[] }[]> {
  if (actor.role !== 'teacher') throw forbidden()
  const rows = await db
    .select({ id: resources.id, snapshot: resourceVersions.snapshot })
    .from(resources)
    .innerJoin(resourceVersions, and(eq(resourceVersions.resourceId, resources.id), eq(resourceVersions.number, resources.publishedVersion)))
    .where(and(eq(resources.districtId, actor.districtId), ne(resources.status, 'archived'), inArray(resources.kind, ['lesson', 'school_course', 'video', 'worksheet', 'autism_strategy', 'sign_language', 'audio'])))
  return rows.map((r) => ({ id: r.id, title: r.snapshot.title, variantKeys: r.snapshot.variants.map((v) => v.key) })).sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
}
