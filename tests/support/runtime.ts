import { parseConfig } from '../../app/platform/config.server'
import { boot, type Runtime } from '../../app/platform/runtime.server'
import { cloneDatabase, type DatabaseKind } from './database'

export type { Runtime }
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * A whole runtime over a cloned database, installed as the process's runtime so that route
 * loaders, actions and the API router under test use it exactly as the web process would.
 */
export async function startTestRuntime(kind: DatabaseKind = 'pglite', env: Record<string, string> = {}, options: { work?: boolean } = {}): Promise<Runtime> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tongxing-rt-'))
  const config = parseConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SESSION_SECRET: 'test-secret-test-secret-test-secret-!', SEED_DEMO: 'true', ...env })
  const database = await cloneDatabase(kind)
  const rt = await boot(config, { database, work: options.work ?? false })
  ;(globalThis as { __tongxingRuntime?: Promise<Runtime> }).__tongxingRuntime = Promise.resolve(rt)
  return rt
}

export async function stopTestRuntime(rt: Runtime) {
  ;(globalThis as { __tongxingRuntime?: Promise<Runtime> }).__tongxingRuntime = undefined
  await rt.stop()
}
