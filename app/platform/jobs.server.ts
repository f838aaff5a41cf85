import { purgeExpired } from '~/modules/accounts/sessions.server'
import { syncSearchIndex } from '~/modules/search/sync.server'
import { makeThumbnail } from '~/modules/library/files.server'
import { maintainMedia } from '~/modules/media/maintenance.server'
import { sendSessionReminders } from '~/modules/research/sessions.server'
import { recoverInterruptedTranscodes, transcodeAsset, mediaTools } from '~/modules/media/transcode.server'
import type { JobHandlers } from './queue.server'
import type { Runtime } from './runtime.server'

/** Which capability handles which job type; the queue's table says how each one runs. */
export function jobHandlers(rt: Pick<Runtime, 'db' | 'storage' | 'config' | 'queue' | 'database' | 'search'>): JobHandlers {
  return {
    'accounts.purge-expired': () => purgeExpired(rt.db),
    'search.sync': async () => void (await syncSearchIndex(rt.db, rt.search, undefined, rt.storage)),
    'library.thumbnail': ({ fileId }) => makeThumbnail(rt, fileId),
    'media.transcode': ({ assetId }) => transcodeAsset({ db: rt.db, storage: rt.storage, tools: mediaTools(rt.config.ffmpegPath) }, assetId),
    'media.recover': () => maintainMedia(rt),
    'research.remind': async () => void (await sendSessionReminders(rt.db)),
  }
}

/** Work a crash left behind, taken back when a process starts taking jobs. */
export async function recoverInterruptedWork(rt: Pick<Runtime, 'db' | 'queue' | 'database'>) {
  // PGlite belongs to this one process: whatever is marked running was running in a process that is gone.
  await recoverInterruptedTranscodes(rt, { everyProcessingRunIsOrphaned: rt.database.kind === 'pglite' })
}
