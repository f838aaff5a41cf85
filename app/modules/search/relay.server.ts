import { sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { searchOutbox } from '#db/schema'
import type { Queue } from '~/platform/queue.server'

/**
 * The outbox relay: changes are marked in search_outbox inside their own transactions; this loop,
 * in every process that takes jobs, sees waiting marks within a second and sends a `search.sync`
 * job (pg-boss keeps at most one waiting), whose handler updates the index with retries and backoff.
 * A crash anywhere in between leaves the marks, which the next round (or the minutely job) picks up.
 */
export function startSearchRelay(db: Database, queue: Pick<Queue, 'send'>, intervalMs = 1000) {
  let running: Promise<void> | undefined
  const round = async () => {
    try {
      const waiting = await db.select({ one: sql`1` }).from(searchOutbox).limit(1)
      if (waiting.length) await queue.send('search.sync', {})
    } catch (error) {
      console.error('[search] outbox relay failed; retrying', error)
    }
  }
  const timer = setInterval(() => {
    running ??= round().finally(() => (running = undefined))
  }, intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
