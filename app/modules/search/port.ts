import type { SearchDocument, SearchQuery, SearchResults, Viewer } from './document'

/** The search index behind one port: PostgreSQL (default) or Meilisearch, with one contract test suite. */
export interface SearchIndex {
  kind: 'postgres' | 'meilisearch'
  /** Adds or replaces documents by id. */
  upsert(documents: SearchDocument[]): Promise<void>
  remove(ids: string[]): Promise<void>
  /** Empties the index (before a rebuild). */
  clear(): Promise<void>
  search(query: SearchQuery, viewer: Viewer): Promise<SearchResults>
  check(): Promise<void>
}
