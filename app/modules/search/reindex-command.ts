import { openDatabase } from '#db/client'
import { ConfigError, parseConfig } from '~/platform/config.server'
import { createSearchIndex } from './index.server'
import { reindexAll } from './sync.server'
import { createObjectStore } from '~/platform/storage/index.server'

/**
 * `npm run search:reindex`: rebuilds the search index from the database, for a new Meilisearch
 * server, after a change to segmentation or synonyms, or whenever the index is in doubt.
 */
try {
  const config = parseConfig(process.env)
  const database = await openDatabase(config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: config.database.dataDir })
  await database.migrate()
  const started = Date.now()
  const count = await reindexAll(database.db, createSearchIndex(config.search, database), undefined, createObjectStore(config.storage))
  console.log(`Search index rebuilt (${config.search.kind}): ${count} documents in ${Date.now() - started} ms.`)
  await database.close()
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
}
