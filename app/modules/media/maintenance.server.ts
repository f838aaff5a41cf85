import type { Database } from '#db/client'
import type { Queue } from '~/platform/queue.server'
import type { ObjectStore } from '~/platform/storage/object-store'
import { recoverInterruptedTranscodes } from './transcode.server'
import { purgeExpiredUploads } from './uploads.server'

/** The `media.recover` job, every minute: re-queue stalled runs, remove uploads left unfinished past their expiry. */
export async function maintainMedia(deps: { db: Database; storage: ObjectStore; queue: Queue }) {
  await recoverInterruptedTranscodes(deps)
  await purgeExpiredUploads(deps)
}
