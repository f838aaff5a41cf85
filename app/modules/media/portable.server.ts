import { Readable } from 'node:stream'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client'
import { mediaAssets, mediaTextTracks, mediaUploads } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import type { Queue } from '~/platform/queue.server'
import type { ObjectStore } from '~/platform/storage/object-store'
import { findAsset } from './assets.server'
import { saveTextTrack } from './text-tracks.server'
import type { MediaRole, TextTrackKind } from './types'
import { ingestFile, originalBytes } from './uploads.server'

/**
 * Videos as they move between installations: the uploaded original (renditions are remade by the
 * receiving worker, so nothing depends on the sender's ladder), its caption/description/chapter
 * tracks and its sign-language and audio-description companions.
 */
export interface PortableTrack {
  kind: TextTrackKind
  language: string
  label: string
  cueCount: number
  open(): Promise<Readable>
}

export interface PortableAsset {
  id: string
  title: string
  role: MediaRole
  language: string | null
  originalName: string
  originalType: string | null
  originalSize: number
  openOriginal(): Promise<Readable>
  tracks: PortableTrack[]
  companions: PortableAsset[]
}

type Deps = { db: Database; storage: ObjectStore }

/** The main videos `assetIds` names, each with its tracks and companions; only what the actor may watch. */
export async function portableAssets(deps: Deps, actor: Actor, assetIds: string[]): Promise<PortableAsset[]> {
  const result: PortableAsset[] = []
  for (const id of assetIds) {
    const asset = await findAsset(deps.db, actor, id, 'view')
    const companions = await deps.db
      .select()
      .from(mediaAssets)
      .where(and(eq(mediaAssets.parentId, asset.id), inArray(mediaAssets.role, ['sign_language', 'audio_description'])))
      .orderBy(asc(mediaAssets.createdAt))
    const portableCompanions: PortableAsset[] = []
    for (const companion of companions) {
      const original = await completeUpload(deps.db, companion.id)
      if (original) portableCompanions.push(await portable(deps, companion, original, []))
    }
    const original = await completeUpload(deps.db, asset.id)
    if (!original) throw new MediaNotPortable(asset.title)
    result.push(await portable(deps, asset, original, portableCompanions))
  }
  return result
}

/** A video whose original never finished uploading cannot travel: there is nothing to send. */
export class MediaNotPortable extends Error {
  constructor(readonly title: string) {
    super(`the original of "${title}" is not complete`)
  }
}

async function completeUpload(db: Database, assetId: string) {
  const [upload] = await db.select().from(mediaUploads).where(eq(mediaUploads.assetId, assetId))
  return upload && upload.offset === upload.length ? upload : null
}

async function portable(deps: Deps, asset: typeof mediaAssets.$inferSelect, upload: typeof mediaUploads.$inferSelect, companions: PortableAsset[]): Promise<PortableAsset> {
  const tracks = await deps.db.select().from(mediaTextTracks).where(eq(mediaTextTracks.assetId, asset.id)).orderBy(asc(mediaTextTracks.kind), asc(mediaTextTracks.language))
  return {
    id: asset.id,
    title: asset.title,
    role: asset.role,
    language: asset.language,
    originalName: asset.originalName,
    originalType: asset.originalType,
    originalSize: upload.length,
    openOriginal: async () => Readable.from(originalBytes(deps.storage, upload.parts)),
    tracks: tracks.map((track) => ({
      kind: track.kind,
      language: track.language,
      label: track.label,
      cueCount: track.cueCount,
      open: async () => {
        const got = await deps.storage.get(track.storageKey)
        if (!got) throw new Error(`missing text track ${track.storageKey}`)
        return got.body
      },
    })),
    companions,
  }
}

export interface IncomingAsset {
  title: string
  role: MediaRole
  language: string | null
  original: { path: string; name: string; size: number; type: string | null }
  tracks: { kind: TextTrackKind; language: string; label: string; bytes: Uint8Array }[]
}

/**
 * Receives a video from a package: the original goes through the same upload path as a teacher's
 * (so the worker probes and transcodes it here), the tracks through the same validation as a form's.
 */
export async function receiveAsset(deps: Deps & { queue: Queue }, actor: Actor, incoming: IncomingAsset, parentId?: string): Promise<string> {
  const created = await ingestFile(deps, actor, { path: incoming.original.path, name: incoming.original.name, size: incoming.original.size, type: incoming.original.type ?? undefined }, {
    title: incoming.title,
    role: incoming.role,
    parentId,
    language: incoming.language ?? undefined,
  })
  for (const track of incoming.tracks) {
    await saveTextTrack(deps, actor, created.assetId, { kind: track.kind, language: track.language }, { name: `${track.kind}.vtt`, bytes: track.bytes }, track.label)
  }
  return created.assetId
}
