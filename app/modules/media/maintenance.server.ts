import { readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Database } from '#db/client'
import type { Queue } from '~/platform/queue.server'
import type { ObjectStore } from '~/platform/storage/object-store'
import { recoverInterruptedTranscodes, scratchPrefix } from './transcode.server'
import { purgeExpiredUploads } from './uploads.server'

/** The `media.recover` job, every minute: re-queue stalled runs, remove uploads left unfinished past their expiry. */
export async function maintainMedia(deps: { db: Database; storage: ObjectStore; queue: Queue }) {
  await recoverInterruptedTranscodes(deps)
  await purgeExpiredUploads(deps)
  await sweepScratch()
}

/**
 * Scratch folders of runs whose worker was killed (an original can be gigabytes). Other workers on
 * the same machine may be using theirs, so only folders older than any run can last are removed.
 */
export async function sweepScratch(dir = tmpdir(), olderThanMs = 7 * 3600 * 1000, now = Date.now()) {
  let removed = 0
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(scratchPrefix)) continue
    const folder = path.join(dir, name)
    const info = await stat(folder).catch(() => null)
    if (info?.isDirectory() && now - info.mtimeMs > olderThanMs) {
      await rm(folder, { recursive: true, force: true })
      removed++
    }
  }
  return removed
}
