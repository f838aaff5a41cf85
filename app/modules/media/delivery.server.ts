import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough, type Readable } from 'node:stream'
import { asc, eq } from 'drizzle-orm'
import type { Database } from '#db/client'
import { mediaTextTracks } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { notFound } from '~/platform/errors'
import type { ByteRange, ObjectStore } from '~/platform/storage/object-store'
import { findAsset } from './assets.server'
import { mediaKeys } from './keys'
import type { MediaTools } from './ffmpeg.server'

/**
 * One file of an asset's published version. Only the version the asset points at is served: a
 * version being written, or one left behind by a crash, is unreachable by construction.
 */
export async function openPublishedFile(deps: { db: Database; storage: ObjectStore }, actor: Actor, assetId: string, filePath: string, range?: ByteRange) {
  const asset = await findAsset(deps.db, actor, assetId, 'view')
  const match = /^v(\d+)\/(.+)$/.exec(filePath)
  if (!match || asset.currentVersion === null || Number(match[1]) !== asset.currentVersion) throw notFound('media.errors.notFound')
  const key = mediaKeys.version(asset.id, asset.currentVersion) + match[2]
  let got
  try {
    got = await deps.storage.get(key, range)
  } catch (error) {
    if (error instanceof Error && error.name === 'InvalidObjectKeyError') throw notFound('media.errors.notFound')
    throw error
  }
  if (!got) throw notFound('media.errors.notFound')
  return got
}

const iso639_2: Record<string, string> = { 'zh-CN': 'chi', en: 'eng', yue: 'yue', bo: 'tib', ug: 'uig', mn: 'mon', ii: 'iii', za: 'zha', ko: 'kor' }

/**
 * The low-bandwidth rendition as one MP4 for offline use, with every caption language inside as a
 * subtitle track (copied, not re-encoded: ffmpeg only re-wraps, streaming from the store to the client).
 */
export async function openOfflineDownload(deps: { db: Database; storage: ObjectStore; tools: MediaTools }, actor: Actor, assetId: string): Promise<{ body: Readable; filename: string; size?: number }> {
  const asset = await findAsset(deps.db, actor, assetId, 'view')
  const download = asset.outputs?.download
  if (asset.currentVersion === null || !download) throw notFound('media.errors.notFound')
  const source = await deps.storage.get(mediaKeys.version(asset.id, asset.currentVersion) + download.key)
  if (!source) throw notFound('media.errors.notFound')
  const filename = `${asset.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 100) || 'video'}.mp4`
  const tracks = await deps.db.select().from(mediaTextTracks).where(eq(mediaTextTracks.assetId, asset.id)).orderBy(asc(mediaTextTracks.language))
  const captions = tracks.filter((t) => t.kind === 'captions')
  if (captions.length === 0) return { body: source.body, filename, size: source.object.size }

  const dir = await mkdtemp(path.join(tmpdir(), 'tongxing-download-'))
  const files: string[] = []
  for (const track of captions) {
    const got = await deps.storage.get(track.storageKey)
    if (!got) continue
    const chunks: Buffer[] = []
    for await (const chunk of got.body) chunks.push(chunk as Buffer)
    const file = path.join(dir, `${files.length}.vtt`)
    await writeFile(file, Buffer.concat(chunks))
    files.push(file)
  }
  const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', 'pipe:0']
  for (const file of files) args.push('-i', file)
  args.push('-map', '0:v?', '-map', '0:a?')
  files.forEach((_, i) => args.push('-map', `${i + 1}:s:0`))
  args.push('-c', 'copy', '-c:s', 'mov_text')
  captions.slice(0, files.length).forEach((track, i) => args.push(`-metadata:s:s:${i}`, `language=${iso639_2[track.language] ?? 'und'}`, `-metadata:s:s:${i}`, `title=${track.label}`))
  args.push('-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-f', 'mp4', 'pipe:1')
  const child = spawn(deps.tools.ffmpeg, args, { stdio: ['pipe', 'pipe', 'ignore'] })
  const body = new PassThrough()
  source.body.pipe(child.stdin).on('error', () => {})
  child.stdout.pipe(body)
  const cleanup = () => void rm(dir, { recursive: true, force: true })
  child.on('close', (code) => {
    cleanup()
    if (code !== 0) body.destroy(new Error(`ffmpeg exited with ${code} while packaging the download`))
  })
  child.on('error', (error) => body.destroy(error))
  body.on('close', () => {
    if (child.exitCode === null) child.kill('SIGKILL')
    source.body.destroy()
  })
  return { body, filename }
}
