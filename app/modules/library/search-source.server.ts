import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { mediaAssets, mediaTextTracks, resources, resourceVariants, resourceVersions, searchOutbox, type ResourceSnapshot } from '#db/schema'
import type { Feature, SearchDocument } from '~/modules/search/document'
import type { SearchSource } from '~/modules/search/sync.server'
import { captionTextForSearch } from '~/modules/media/index.server'
import { plainText, type RichNode } from './rich-text'

/**
 * Resources as the search index holds them. A published resource is found by its published version
 * (what readers see), by everyone in its district; one never published is found by its author only,
 * as its working copy; an archived one is not found at all.
 */
export const resourceSearchSource: SearchSource = {
  name: 'resource',

  async load(db, id, storage) {
    const [row] = await db.select().from(resources).where(eq(resources.id, id))
    if (!row || row.status === 'archived') return null
    let content: ResourceSnapshot
    if (row.publishedVersion !== null) {
      const [version] = await db
        .select({ snapshot: resourceVersions.snapshot })
        .from(resourceVersions)
        .where(and(eq(resourceVersions.resourceId, id), eq(resourceVersions.number, row.publishedVersion)))
      if (!version) return null
      content = version.snapshot
    } else {
      const variants = await db.select().from(resourceVariants).where(eq(resourceVariants.resourceId, id)).orderBy(resourceVariants.position)
      content = { ...row, variants, fileIds: [] }
    }
    const media = await mediaFeatures(db, content.mediaAssetIds)
    // The words spoken in its videos are found too: a teacher remembers what was said.
    const spoken = storage ? await captionTextForSearch({ db, storage }, content.mediaAssetIds) : ''
    return toSearchDocument({ id: row.id, districtId: row.districtId, authorId: row.authorId, published: row.publishedVersion !== null, updatedAt: row.updatedAt, media, spoken }, content)
  },

  async ids(db) {
    return (await db.select({ id: resources.id }).from(resources)).map((r) => r.id)
  },
}

/** The index's view of one resource version; pure, so it is tested without a database. */
export function toSearchDocument(
  meta: { id: string; districtId: string; authorId: string; published: boolean; updatedAt: Date; media?: { captions: boolean; sign: boolean }; spoken?: string },
  content: ResourceSnapshot,
): SearchDocument {
  const details = content.details as Record<string, unknown>
  const keywords = typeof details.keywords === 'string' ? details.keywords.split(/[，,、;；\s]+/).filter(Boolean) : []
  const body = [
    plainText(content.body as unknown as RichNode),
    ...Object.entries(details)
      .filter(([key]) => key !== 'keywords')
      .flatMap(([, value]) => textsOf(value)),
    ...content.variants.flatMap((v) => [v.objectives, plainText(v.activities as unknown as RichNode), v.assessment]),
    meta.spoken ?? '',
  ]
    .map((t) => t.trim())
    .filter(Boolean)
    .join('\n')
  const tiers = content.variants.filter((v) => v.key.startsWith('tier-')).map((v) => v.key.slice('tier-'.length))
  const features: Feature[] = []
  if (content.kind === 'video' || content.mediaAssetIds.length) features.push('video')
  if (meta.media?.captions || (content.kind === 'video' && details.captions === true)) features.push('captions')
  if (meta.media?.sign || content.kind === 'sign_language' || (content.kind === 'video' && details.signLanguage === true)) features.push('sign')
  if (content.kind === 'braille') features.push('braille')
  return {
    id: `resource:${meta.id}`,
    kind: content.kind,
    title: content.title,
    summary: content.summary,
    body,
    keywords,
    url: `/library/${meta.id}`,
    schoolType: content.schoolType,
    stage: content.stage,
    subject: content.subject,
    disabilities: [...new Set([...content.disabilityCategories, ...content.variants.flatMap((v) => (v.key.startsWith('disability-') ? [v.key.slice('disability-'.length)] : []))])],
    tiers,
    features,
    districtId: meta.districtId,
    published: meta.published,
    ownerId: meta.authorId,
    groupIds: [],
    updatedAt: meta.updatedAt,
  }
}

/** Whether the attached videos carry captions, and a sign-language interpreter video. */
async function mediaFeatures(db: Database, assetIds: string[]) {
  if (!assetIds.length) return { captions: false, sign: false }
  const [captions] = await db.select({ id: mediaTextTracks.id }).from(mediaTextTracks).where(and(inArray(mediaTextTracks.assetId, assetIds), eq(mediaTextTracks.kind, 'captions'))).limit(1)
  const [sign] = await db
    .select({ id: mediaAssets.id })
    .from(mediaAssets)
    .where(and(inArray(mediaAssets.parentId, assetIds), eq(mediaAssets.role, 'sign_language'), eq(mediaAssets.status, 'ready')))
    .limit(1)
  return { captions: Boolean(captions), sign: Boolean(sign) }
}

/**
 * Marks for re-indexing every resource that shows this video (or the video this track belongs to):
 * the media module calls it when captions or a sign-language track change, in the same transaction.
 */
export async function markResourcesShowingMedia(db: Pick<Database, 'execute'>, assetId: string) {
  await db.execute(sql`
    insert into ${searchOutbox} (document_id)
    select 'resource:' || r.id from ${resources} r
     where ${assetId}::uuid = any(r.media_asset_ids)
        or exists (select 1 from ${mediaAssets} a where a.id = ${assetId}::uuid and a.parent_id = any(r.media_asset_ids))
    on conflict (document_id) do update set changed_at = now()`)
}

/** Every string inside a kind's details (steps, units and their lessons, materials …). */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(textsOf)
  if (value && typeof value === 'object') {
    if ((value as RichNode).type === 'doc') return [plainText(value as RichNode)]
    return Object.values(value).flatMap(textsOf)
  }
  return []
}
