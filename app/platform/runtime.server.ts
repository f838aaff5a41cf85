import { openDatabase, type Database, type DatabaseHandle } from '#db/client'
import { seedDemo } from '~/modules/accounts/demo.server'
import { seedLearningDemoContent, seedLearningDemoStudents } from '~/modules/learning/assignments-demo.server'
import { loadContent } from '~/modules/library/content.server'
import { createSearchIndex, type SearchIndex } from '~/modules/search/index.server'
import { startSearchRelay } from '~/modules/search/relay.server'
import { parseConfig, type Config } from './config.server'
import { jobHandlers, recoverInterruptedWork } from './jobs.server'
import { startQueue, type Queue } from './queue.server'
import { createObjectStore } from './storage/index.server'
import type { ObjectStore } from './storage/object-store'

/** Everything a request or a job needs, built once per process and passed in, never reached for. */
export interface Runtime {
  config: Config
  database: DatabaseHandle
  db: Database
  storage: ObjectStore
  search: SearchIndex
  queue: Queue
  stop(): Promise<void>
}

export interface BootOptions {
  /** Run job handlers in this process: the in-process worker, or a `npm run worker` process. */
  work?: boolean
  /** An already open database (tests hand in a migrated clone). */
  database?: DatabaseHandle
}

export async function boot(config: Config, options: BootOptions = {}): Promise<Runtime> {
  const database =
    options.database ?? (await openDatabase(config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: config.database.dataDir }))
  await database.migrate()
  if (config.seedDemo) {
    await seedDemo(database.db)
    await seedLearningDemoStudents(database.db)
  }

  const storage = createObjectStore(config.storage)
  const search = createSearchIndex(config.search, database)
  const queue = await startQueue(database, database.url)
  // The embedded default opens with the starter corpus (a known resource is never loaded twice);
  // test runtimes start without it, and the tests that need it load it themselves.
  if (config.seedDemo && config.env !== 'test') {
    await loadContent({ db: database.db, storage, queue })
    await seedLearningDemoContent({ db: database.db, storage })
  }
  let relay: ReturnType<typeof startSearchRelay> | undefined
  const runtime: Runtime = {
    config,
    database,
    db: database.db,
    storage,
    search,
    queue,
    async stop() {
      await relay?.stop()
      await queue.stop()
      await database.close()
    },
  }
  if (options.work ?? config.worker === 'inline') {
    await queue.work(jobHandlers(runtime))
    await recoverInterruptedWork(runtime)
    relay = startSearchRelay(runtime.db, queue)
  }
  return runtime
}

const globalForRuntime = globalThis as typeof globalThis & { __tongxingRuntime?: Promise<Runtime> }

/** The web process's runtime: booted on first use and kept across dev-server reloads. */
export function runtime(): Promise<Runtime> {
  globalForRuntime.__tongxingRuntime ??= boot(parseConfig(process.env)).catch((error) => {
    globalForRuntime.__tongxingRuntime = undefined
    throw error
  })
  return globalForRuntime.__tongxingRuntime
}

export type HealthState = 'ok' | 'down'

export async function health(rt: Runtime) {
  const probe = async (check: () => Promise<unknown>): Promise<{ status: HealthState; error?: string }> => {
    try {
      await check()
      return { status: 'ok' }
    } catch (error) {
      return { status: 'down', error: error instanceof Error ? error.message : String(error) }
    }
  }
  const [database, storage, search, queue] = await Promise.all([
    probe(() => rt.database.executeSql('select 1')),
    probe(() => rt.storage.check()),
    probe(() => rt.search.check()),
    probe(() => rt.queue.check()),
  ])
  const checks = {
    database: { ...database, kind: rt.database.kind },
    storage: { ...storage, kind: rt.storage.kind },
    search: { ...search, kind: rt.search.kind },
    queue: { ...queue, worker: rt.config.worker },
  }
  const status: HealthState = Object.values(checks).every((c) => c.status === 'ok') ? 'ok' : 'down'
  return { status, checks }
}
