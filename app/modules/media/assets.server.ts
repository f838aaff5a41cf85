import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { Database } from '#db/client'
import { mediaAssets, mediaTextTracks, mediaUploads } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { canUploadMedia } from './policy'
import { studyVideoAudience } from '~/modules/research/studies-media.server'
import { AppError, forbidden, notFound } from '~/platform/errors'
import type { Queue } from '~/platform/queue.server'
import type { ObjectStore } from '~/platform/storage/object-store'
import { mediaKeys, mediaUrls } from './keys'
import type { MediaAssetSummary, PlayerSource, TrackAssetSummary } from './types'

export type MediaAsset = typeof mediaAssets.$inferSelect

export function assertCanUpload(actor: Actor): void {
  if (!canUploadMedia(actor)) throw forbidden()
}

/** Everyone in the asset's district may watch it (the library narrows this per resource later). */
export const canView = (actor: Actor, asset: Pick<MediaAsset, 'districtId'>) => asset.districtId === actor.districtId
/** Its uploader, or an administrator of its district. */
export const canManage = (actor: Actor, asset: Pick<MediaAsset, 'districtId' | 'ownerId'>) =>
  asset.ownerId === actor.id || (actor.role === 'admin' && asset.districtId === actor.districtId)

/**
 * An asset the actor may reach (in their district; for a lesson study's video, in its group), else 404 (whether it exists elsewhere is not revealed); one they may
 * see but not change is a 403 for 'manage'.
 */
export async function findAsset(db: Database, actor: Actor, assetId: string, need: 'view' | 'manage'): Promise<MediaAsset> {
  const [asset] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, assetId))
  if (!asset || !canView(actor, asset)) throw notFound('media.errors.notFound')
  // A lesson study's classroom video is for its group alone, its uploader included only as a member.
  if ((await studyVideoAudience(db, actor, asset)) === false) throw notFound('media.errors.notFound')
  if (need === 'manage' && !canManage(actor, asset)) throw forbidden()
  return asset
}

export async function listMyAssets(db: Database, actor: Actor): Promise<MediaAssetSummary[]> {
  assertCanUpload(actor)
  const rows = await db
    .select()
    .from(mediaAssets)
    .where(and(eq(mediaAssets.ownerId, actor.id), eq(mediaAssets.role, 'main'), isNull(mediaAssets.parentId)))
    .orderBy(desc(mediaAssets.createdAt))
  const uploads = await uploadsOf(db, rows.map((r) => r.id))
  return rows.map((row) => summarise(row, uploads.get(row.id)))
}

async function uploadsOf(db: Database, assetIds: string[]) {
  if (assetIds.length === 0) return new Map<string, { offset: number; length: number; id: string }>()
  const rows = await db
    .select({ assetId: mediaUploads.assetId, id: mediaUploads.id, offset: mediaUploads.offset, length: mediaUploads.length })
    .from(mediaUploads)
    .where(and(inArray(mediaUploads.assetId, assetIds), isNull(mediaUploads.completedAt)))
  return new Map(rows.map((r) => [r.assetId, r]))
}

export function summarise(asset: MediaAsset, upload?: { id: string; offset: number; length: number }): MediaAssetSummary {
  return {
    id: asset.id,
    title: asset.title,
    role: asset.role,
    language: asset.language,
    status: asset.status,
    progress: asset.progress,
    failure: asset.failure ?? null,
    kind: asset.kind,
    durationMs: asset.durationMs,
    playable: asset.currentVersion !== null,
    originalName: asset.originalName,
    originalSize: asset.originalSize,
    createdAt: asset.createdAt.toISOString(),
    upload: asset.status === 'uploading' && upload ? { id: upload.id, offset: upload.offset, length: upload.length } : null,
  }
}

/** The asset with its tracks, for its manage page: status, uploads in flight, captions, sign language, audio description. */
export async function getAssetDetail(db: Database, actor: Actor, assetId: string) {
  const asset = await findAsset(db, actor, assetId, 'view')
  if (asset.role !== 'main') throw notFound('media.errors.notFound')
  const children = await db.select().from(mediaAssets).where(eq(mediaAssets.parentId, asset.id)).orderBy(asc(mediaAssets.createdAt))
  const uploads = await uploadsOf(db, [asset.id, ...children.map((c) => c.id)])
  const tracks = await db.select().from(mediaTextTracks).where(eq(mediaTextTracks.assetId, asset.id)).orderBy(asc(mediaTextTracks.kind), asc(mediaTextTracks.language))
  return {
    asset: summarise(asset, uploads.get(asset.id)),
    canManage: canManage(actor, asset),
    signLanguage: children.filter((c) => c.role === 'sign_language').map((c): TrackAssetSummary => summarise(c, uploads.get(c.id))),
    audioDescriptions: children.filter((c) => c.role === 'audio_description').map((c): TrackAssetSummary => summarise(c, uploads.get(c.id))),
    textTracks: tracks.map((t) => ({ id: t.id, kind: t.kind, language: t.language, label: t.label, cueCount: t.cueCount, src: mediaUrls.textTrack(asset.id, t.id) })),
  }
}

/**
 * What a player needs to play a main video: for the media pages and for the library, which embeds
 * the player by asset id. Null while nothing is published yet.
 */
export async function getPlayerSource(db: Database, actor: Actor, assetId: string): Promise<PlayerSource | null> {
  const asset = await findAsset(db, actor, assetId, 'view')
  if (asset.role !== 'main') throw notFound('media.errors.notFound')
  if (asset.currentVersion === null || !asset.outputs) return null
  const children = await db
    .select()
    .from(mediaAssets)
    .where(and(eq(mediaAssets.parentId, asset.id), eq(mediaAssets.status, 'ready')))
    .orderBy(asc(mediaAssets.createdAt))
  const tracks = await db.select().from(mediaTextTracks).where(eq(mediaTextTracks.assetId, asset.id)).orderBy(asc(mediaTextTracks.language))
  const file = (a: MediaAsset, path: string) => mediaUrls.file(a.id, a.currentVersion!, path)
  // The newest interpreter video wins, so uploading a better one replaces the old without deleting it first.
  const sign = children.filter((c) => c.role === 'sign_language' && c.currentVersion !== null && c.outputs).at(-1)
  const out = asset.outputs
  return {
    assetId: asset.id,
    title: asset.title,
    kind: asset.kind ?? 'video',
    durationMs: asset.durationMs ?? 0,
    src: file(asset, out.master),
    audioOnlySrc: out.audio && out.variants.length > 0 ? file(asset, out.audio.playlist) : null,
    poster: out.poster ? file(asset, out.poster) : null,
    storyboard: out.storyboard ? file(asset, out.storyboard.vtt) : null,
    textTracks: tracks.map((t) => ({ id: t.id, kind: t.kind, language: t.language, label: t.label, src: mediaUrls.textTrack(asset.id, t.id) })),
    sign: sign ? { src: file(sign, sign.outputs!.master), poster: sign.outputs!.poster ? file(sign, sign.outputs!.poster) : null } : null,
    audioDescriptions: children
      .filter((c) => c.role === 'audio_description' && c.currentVersion !== null && c.outputs)
      .map((c) => ({ id: c.id, language: c.language ?? 'zh-CN', label: c.title, src: file(c, c.outputs!.master) })),
    download: out.download ? { href: mediaUrls.download(asset.id), size: out.download.size } : null,
  }
}

/**
 * The uploader asks again after a failure (or an administrator re-processes a ready video): a fresh
 * run with a fresh count of attempts. A ready asset keeps playing its current version meanwhile.
 */
export async function retryTranscode(deps: { db: Database; queue: Queue }, actor: Actor, assetId: string): Promise<void> {
  const asset = await findAsset(deps.db, actor, assetId, 'manage')
  if (asset.status !== 'failed' && asset.status !== 'ready') throw new AppError(409, { key: 'media.errors.notRetryable' })
  const [updated] = await deps.db
    .update(mediaAssets)
    .set({ status: 'queued', attempts: 0, progress: 0, failure: null, updatedAt: new Date() })
    .where(and(eq(mediaAssets.id, asset.id), inArray(mediaAssets.status, ['failed', 'ready'])))
    .returning({ id: mediaAssets.id })
  if (!updated) throw new AppError(409, { key: 'media.errors.notRetryable' })
  await deps.queue.send('media.transcode', { assetId: asset.id })
}

export async function renameAsset(db: Database, actor: Actor, assetId: string, title: string): Promise<void> {
  const asset = await findAsset(db, actor, assetId, 'manage')
  await db.update(mediaAssets).set({ title, updatedAt: new Date() }).where(eq(mediaAssets.id, asset.id))
}

/** Removes an asset (and its sign-language and audio-description tracks) with every stored object. */
export async function deleteAsset(deps: { db: Database; storage: ObjectStore }, actor: Actor, assetId: string): Promise<{ parentId: string | null }> {
  const asset = await findAsset(deps.db, actor, assetId, 'manage')
  const children = await deps.db.select({ id: mediaAssets.id }).from(mediaAssets).where(eq(mediaAssets.parentId, asset.id))
  // Rows first: once they are gone nothing serves these objects, so a crash midway leaves only garbage, never a broken page.
  await deps.db.delete(mediaAssets).where(eq(mediaAssets.id, asset.id))
  for (const id of [asset.id, ...children.map((c) => c.id)]) await deletePrefix(deps.storage, mediaKeys.asset(id))
  return { parentId: asset.parentId }
}

export async function deletePrefix(storage: ObjectStore, prefix: string, keep?: (key: string) => boolean): Promise<number> {
  const keys: string[] = []
  for await (const object of storage.list(prefix)) if (!keep?.(object.key)) keys.push(object.key)
  for (let i = 0; i < keys.length; i += 8) await Promise.all(keys.slice(i, i + 8).map((key) => storage.delete(key)))
  return keys.length
}
