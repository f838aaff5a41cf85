import { Meilisearch } from 'meilisearch'
import type { Config } from '~/platform/config.server'
import type { DatabaseHandle } from '#db/client'

/** The search engine behind the SearchIndex port, as far as start-up and /healthz need to know it. */
export interface SearchEngine {
  kind: 'postgres' | 'meilisearch'
  check(): Promise<void>
}

export function createSearchEngine(config: Config['search'], database: DatabaseHandle): SearchEngine {
  if (config.kind === 'meilisearch') {
    const client = new Meilisearch({ host: config.url, apiKey: config.key })
    return {
      kind: 'meilisearch',
      async check() {
        await client.health()
      },
    }
  }
  return {
    kind: 'postgres',
    async check() {
      await database.executeSql('select 1')
    },
  }
}
