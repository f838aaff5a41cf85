import { ConfigError, parseConfig } from '../app/platform/config.server'
import { boot } from '../app/platform/runtime.server'

/**
 * A worker process for the scaled shape (`WORKER=external npm run worker`): it takes jobs from the
 * shared pg-boss queue and runs the same handlers the web process runs in the embedded default.
 * Start as many as the load needs; pg-boss hands each job to exactly one of them.
 */
async function main() {
  const config = parseConfig(process.env)
  if (config.database.kind === 'pglite') {
    console.error(
      'npm run worker needs DATABASE_URL (PostgreSQL): the embedded PGlite database belongs to one process, and its jobs already run inside `npm start`.\n' +
        'npm run worker 需要设置 DATABASE_URL（PostgreSQL）：内置的 PGlite 数据库只能由一个进程使用，其任务已在 `npm start` 中运行。',
    )
    process.exit(1)
  }
  const rt = await boot(config, { work: true })
  console.log(`Tongxing worker ${process.pid} is taking jobs (${rt.database.kind}, ${rt.storage.kind})`)
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      void rt.stop().finally(() => process.exit(0))
    })
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
