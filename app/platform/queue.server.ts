import PgBoss from 'pg-boss'
import { z } from 'zod'
import type { DatabaseHandle } from '#db/client'

/**
 * Every job type in one typed table: its payload (ids and parameters only), attempts, timeout and
 * how many run at once per worker. Handlers live with their capability and are wired in jobs.server.ts.
 */
export const jobTypes = {
  'accounts.purge-expired': {
    payload: z.object({}),
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 300,
    concurrency: 1,
    schedule: '17 * * * *',
  },
  // Brings the search index up to date with search_outbox. Sent by the outbox relay when marks wait
  // (stately: at most one waiting and one running), and every minute in case a process died between.
  'search.sync': {
    payload: z.object({}),
    retryLimit: 5,
    retryDelay: 5,
    expireInSeconds: 600,
    concurrency: 1,
    policy: 'stately',
    schedule: '* * * * *',
  },
  'library.thumbnail': {
    payload: z.object({ fileId: z.uuid() }),
    retryLimit: 2,
    retryDelay: 30,
    expireInSeconds: 120,
    concurrency: 1,
  },
  'media.transcode': {
    payload: z.object({ assetId: z.uuid() }),
    retryLimit: 2,
    retryDelay: 30,
    // Long videos take long on small machines; a dead worker is found by its stopped heartbeat (media.recover), not by this.
    expireInSeconds: 6 * 3600,
    concurrency: 1,
  },
  'media.recover': {
    payload: z.object({}),
    retryLimit: 0,
    retryDelay: 60,
    expireInSeconds: 120,
    concurrency: 1,
    schedule: '* * * * *',
  },
  // The day-before reminder of 教研 sessions. Every hour, so a session planned today for tomorrow is
  // still announced; each person is reminded once per session (a unique key), however often it runs.
  'research.remind': {
    payload: z.object({}),
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 300,
    concurrency: 1,
    policy: 'stately',
    schedule: '5 * * * *',
  },
} satisfies Record<string, JobType>

interface JobType {
  payload: z.ZodType
  retryLimit: number
  retryDelay: number
  expireInSeconds: number
  concurrency: number
  /** pg-boss queue policy; `stately` keeps at most one job waiting and one running. */
  policy?: 'standard' | 'stately'
  schedule?: string
}

export type JobName = keyof typeof jobTypes
export type JobPayload<N extends JobName> = z.infer<(typeof jobTypes)[N]['payload']>
export type JobHandlers = { [N in JobName]: (payload: JobPayload<N>) => Promise<void> }

export interface Queue {
  send<N extends JobName>(name: N, payload: JobPayload<N>): Promise<string | null>
  work(handlers: JobHandlers): Promise<void>
  check(): Promise<void>
  stop(): Promise<void>
}

export async function startQueue(database: DatabaseHandle, connectionString?: string): Promise<Queue> {
  const boss = new PgBoss(
    connectionString
      ? { connectionString, schema: 'pgboss' }
      : // On PGlite pg-boss shares the one embedded connection.
        { db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) }, schema: 'pgboss' },
  )
  boss.on('error', (error) => console.error('[queue]', error))
  await boss.start()
  for (const [name, type] of Object.entries(jobTypes) as [JobName, JobType][]) {
    await boss.createQueue(name, {
      name,
      retryLimit: type.retryLimit,
      retryDelay: type.retryDelay,
      retryBackoff: true,
      expireInSeconds: type.expireInSeconds,
      policy: type.policy ?? 'standard',
    })
    if (type.schedule) await boss.schedule(name, type.schedule, {})
  }

  return {
    send: (name, payload) => boss.send(name, jobTypes[name].payload.parse(payload) as object),
    async work(handlers) {
      for (const name of Object.keys(jobTypes) as JobName[]) {
        const type: JobType = jobTypes[name]
        const handler = handlers[name] as (payload: unknown) => Promise<void>
        // pg-boss 10 runs one job at a time per work() call: concurrency is the number of calls.
        for (let i = 0; i < type.concurrency; i++) {
          await boss.work(name, { batchSize: 1 }, async ([job]) => {
            if (job) await handler(type.payload.parse(job.data))
          })
        }
      }
    },
    async check() {
      await boss.getQueueSize(Object.keys(jobTypes)[0]!)
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  }
}
