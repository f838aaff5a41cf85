import { purgeExpired } from '~/modules/accounts/sessions.server'
import { makeThumbnail } from '~/modules/library/files.server'
import type { JobHandlers } from './queue.server'
import type { Runtime } from './runtime.server'

/** Which capability handles which job type; the queue's table says how each one runs. */
export function jobHandlers(rt: Pick<Runtime, 'db' | 'storage'>): JobHandlers {
  return {
    'accounts.purge-expired': () => purgeExpired(rt.db),
    'library.thumbnail': ({ fileId }) => makeThumbnail(rt, fileId),
  }
}
