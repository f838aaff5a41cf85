import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { mediaAssets, users } from '../../db/schema'
import type { Actor } from '../../app/modules/accounts/actor'
import type { ObjectStore } from '../../app/platform/storage/object-store'

/** The demo user as module functions receive them. */
export async function actorFor(db: Database, username: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()))
  if (!user) throw new Error(`no user ${username}`)
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, districtId: user.districtId, schoolId: user.schoolId, locale: user.locale, preferences: user.preferences }
}

export async function assetRow(db: Database, assetId: string) {
  const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, assetId))
  return row!
}

/** Reads a stored object as text. */
export async function readText(storage: ObjectStore, key: string): Promise<string> {
  const got = await storage.get(key)
  if (!got) throw new Error(`missing ${key}`)
  const chunks: Buffer[] = []
  for await (const chunk of got.body) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function keysUnder(storage: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = []
  for await (const object of storage.list(prefix)) keys.push(object.key)
  return keys
}

/**
 * What ffprobe sees when a rendition's init segment and media segments are joined, as a player
 * would: width, height, codecs and duration of the result.
 */
export async function probeRendition(storage: ObjectStore, prefix: string, playlist: string) {
  const text = await readText(storage, prefix + playlist)
  const dir = playlist.includes('/') ? playlist.slice(0, playlist.lastIndexOf('/') + 1) : ''
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(text)?.[1]
  const segments = text.split('\n').filter((l) => l && !l.startsWith('#'))
  const parts: Buffer[] = []
  for (const name of [...(init ? [init] : []), ...segments]) {
    const got = await storage.get(prefix + dir + name)
    if (!got) throw new Error(`missing ${prefix + dir + name}`)
    for await (const chunk of got.body) parts.push(chunk as Buffer)
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tongxing-rendition-')), 'joined.mp4')
  writeFileSync(file, Buffer.concat(parts))
  const json = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file], { encoding: 'utf8' }))
  const v = json.streams.find((s: { codec_type: string }) => s.codec_type === 'video')
  const a = json.streams.find((s: { codec_type: string }) => s.codec_type === 'audio')
  return {
    video: v ? { codec: v.codec_name as string, width: v.width as number, height: v.height as number, pixFmt: v.pix_fmt as string } : null,
    audio: a ? { codec: a.codec_name as string, channels: a.channels as number } : null,
    duration: Number(json.format.duration),
    segments: segments.length,
    endList: text.includes('#EXT-X-ENDLIST'),
  }
}
