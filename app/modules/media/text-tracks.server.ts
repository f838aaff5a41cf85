import { randomUUID } from 'node:crypto'
import { markResourcesShowingMedia } from '~/modules/library/search-source.server'
import { Readable } from 'node:stream'
import { and, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#db/client'
import { mediaTextTracks } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { AppError, notFound, parseInput, type Message } from '~/platform/errors'
import type { ObjectStore } from '~/platform/storage/object-store'
import { findAsset } from './assets.server'
import { mediaKeys } from './keys'
import { trackLanguages } from './types'
import { captionFormatOf, cuePlainText, parseCaptions, parseWebVtt, toWebVtt } from './webvtt'

export const maxCaptionBytes = 2 * 1024 * 1024
const listedProblems = 20

/** A caption file that does not parse: every problem with its line, for the uploader to fix. */
export class CaptionFileError extends AppError {
  constructor(readonly problems: Message[]) {
    super(400, { key: 'media.captions.invalid', params: { count: problems.length } })
  }
}

export const textTrackInput = z.object({
  kind: z.enum(['captions', 'descriptions', 'chapters']),
  language: z.enum(trackLanguages),
})

/**
 * Validates a WebVTT or SRT file and stores it as WebVTT for the asset, replacing the same kind and
 * language. Nothing is stored unless every cue is right.
 */
export async function saveTextTrack(
  deps: { db: Database; storage: ObjectStore },
  actor: Actor,
  assetId: string,
  input: unknown,
  file: { name: string; bytes: Uint8Array } | null,
  label: string,
) {
  const asset = await findAsset(deps.db, actor, assetId, 'manage')
  const { kind, language } = parseInput(textTrackInput, input)
  if (!file || file.bytes.byteLength === 0) throw new AppError(400, { key: 'media.errors.captionFile' }, { fields: { file: { key: 'media.errors.captionFile' } } })
  if (file.bytes.byteLength > maxCaptionBytes) throw new AppError(413, { key: 'media.errors.captionTooLarge', params: { max: maxCaptionBytes / 1024 / 1024 } })
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)
  } catch {
    throw new AppError(400, { key: 'media.errors.captionEncoding' })
  }
  const format = captionFormatOf(file.name, text)
  if (!format) throw new AppError(400, { key: 'media.errors.captionFile' }, { fields: { file: { key: 'media.errors.captionFile' } } })
  const { cues, problems } = parseCaptions(text, format)
  if (problems.length) {
    const listed: Message[] = problems.slice(0, listedProblems)
    if (problems.length > listedProblems) listed.push({ key: 'media.errors.captionTooMany', params: { count: problems.length - listedProblems } })
    throw new CaptionFileError(listed)
  }
  const trackId = randomUUID()
  const key = mediaKeys.textTrack(asset.id, trackId)
  await deps.storage.put(key, Readable.from([toWebVtt(cues)]), { contentType: 'text/vtt; charset=utf-8' })
  const [previous] = await deps.db
    .select()
    .from(mediaTextTracks)
    .where(and(eq(mediaTextTracks.assetId, asset.id), eq(mediaTextTracks.kind, kind), eq(mediaTextTracks.language, language)))
  await deps.db.transaction(async (tx) => {
    if (previous) await tx.delete(mediaTextTracks).where(eq(mediaTextTracks.id, previous.id))
    await tx.insert(mediaTextTracks).values({ id: trackId, assetId: asset.id, kind, language, label, storageKey: key, cueCount: cues.length, createdBy: actor.id })
    await markResourcesShowingMedia(tx, asset.id)
  })
  if (previous) await deps.storage.delete(previous.storageKey).catch(() => {})
  return { id: trackId, cueCount: cues.length }
}

export async function deleteTextTrack(deps: { db: Database; storage: ObjectStore }, actor: Actor, assetId: string, trackId: string) {
  const asset = await findAsset(deps.db, actor, assetId, 'manage')
  const track = await deps.db.transaction(async (tx) => {
    const [deleted] = await tx.delete(mediaTextTracks).where(and(eq(mediaTextTracks.id, trackId), eq(mediaTextTracks.assetId, asset.id))).returning()
    if (deleted) await markResourcesShowingMedia(tx, asset.id)
    return deleted
  })
  if (!track) throw notFound('media.errors.notFound')
  await deps.storage.delete(track.storageKey).catch(() => {})
}

/** The stored WebVTT of one track of an asset the actor may watch. */
export async function openTextTrack(deps: { db: Database; storage: ObjectStore }, actor: Actor, assetId: string, trackId: string) {
  const asset = await findAsset(deps.db, actor, assetId, 'view')
  if (!z.uuid().safeParse(trackId).success) throw notFound('media.errors.notFound')
  const [track] = await deps.db.select().from(mediaTextTracks).where(and(eq(mediaTextTracks.id, trackId), eq(mediaTextTracks.assetId, asset.id)))
  if (!track) throw notFound('media.errors.notFound')
  const got = await deps.storage.get(track.storageKey)
  if (!got) throw notFound('media.errors.notFound')
  return { track, body: got.body, size: got.object.size }
}

/**
 * The words spoken in these videos (their caption tracks, every language), as plain text: for the
 * search index of whatever embeds them. No permission check: callers index what they already own.
 */
export async function captionTextForSearch(deps: { db: Database; storage: ObjectStore }, assetIds: string[]): Promise<string> {
  if (assetIds.length === 0) return ''
  const tracks = await deps.db.select().from(mediaTextTracks).where(and(inArray(mediaTextTracks.assetId, assetIds), eq(mediaTextTracks.kind, 'captions')))
  const texts: string[] = []
  for (const track of tracks) {
    const got = await deps.storage.get(track.storageKey)
    if (!got) continue
    const chunks: Buffer[] = []
    for await (const chunk of got.body) chunks.push(chunk as Buffer)
    texts.push(parseWebVtt(Buffer.concat(chunks).toString('utf8')).cues.map((cue) => cuePlainText(cue.text).replace(/\s+/g, ' ')).join(' '))
  }
  return texts.join('\n')
}
