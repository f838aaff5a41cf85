import type { DatabaseHandle } from '#db/client'
import type { Config } from '~/platform/config.server'
import { createMeilisearchIndex } from './meilisearch.server'
import type { SearchIndex } from './port'
import { createPostgresSearchIndex } from './postgres.server'

export type { SearchIndex } from './port'

/** PostgreSQL full-text search in the application's own database by default; Meilisearch when scaled. */
export function createSearchIndex(config: Config['search'], database: DatabaseHandle): SearchIndex {
  return config.kind === 'meilisearch' ? createMeilisearchIndex({ url: config.url, key: config.key }) : createPostgresSearchIndex(database)
}
