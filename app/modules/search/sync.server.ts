import { inArray, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { searchOutbox } from '#db/schema'
import type { SearchDocument } from './document'
import type { SearchIndex } from './port'
import { searchSources } from './sources.server'
import type { ObjectStore } from '~/platform/storage/object-store'

/** A capability whose records are found through search; it turns a record into a SearchDocument. */
export interface SearchSource {
  /** The id prefix of its documents: `resource` for `resource:<uuid>`. */
  name: string
  /**
   * The document as the index should hold it now, or null when it no longer exists. `storage` is there
   * for what is kept as files (a video's captions); without it those words are left out.
   */
  load(db: Database, id: string, storage?: ObjectStore): Promise<SearchDocument | null>
  /** Every id it has, for a rebuild. */
  ids(db: Database): Promise<string[]>
}

/**
 * Records that these documents changed. Call it inside the transaction that changes them: the index
 * then follows after commit (see syncSearchIndex), and a crash in between loses nothing.
 */
export async function markForIndexing(db: Pick<Database, 'insert'>, documentIds: string[]): Promise<void> {
  if (!documentIds.length) return
  await db
    .insert(searchOutbox)
    .values(documentIds.map((documentId) => ({ documentId })))
    .onConflictDoUpdate({ target: searchOutbox.documentId, set: { changedAt: sql`now()` } })
}

const batchSize = 100

/** Brings the index up to date with every document marked for indexing; safe to run anywhere, any time. */
export async function syncSearchIndex(db: Database, index: SearchIndex, sources: SearchSource[] = searchSources, storage?: ObjectStore): Promise<number> {
  let done = 0
  for (;;) {
    // changed_at as text keeps its microseconds, which a JS Date would cut to milliseconds.
    const marked = await db
      .select({ documentId: searchOutbox.documentId, changedAt: sql<string>`${searchOutbox.changedAt}::text` })
      .from(searchOutbox)
      .orderBy(searchOutbox.changedAt)
      .limit(batchSize)
    if (!marked.length) return done
    const upserts: SearchDocument[] = []
    const removals: string[] = []
    for (const { documentId } of marked) {
      const cut = documentId.indexOf(':')
      const source = sources.find((s) => s.name === documentId.slice(0, cut))
      const document = source ? await source.load(db, documentId.slice(cut + 1), storage) : null
      if (document) upserts.push(document)
      else removals.push(documentId)
    }
    await index.upsert(upserts)
    await index.remove(removals)
    // A mark made again while we worked is newer than the one we read: it stays for the next round.
    for (const { documentId, changedAt } of marked) {
      await db.execute(sql`delete from ${searchOutbox} where ${searchOutbox.documentId} = ${documentId} and ${searchOutbox.changedAt} <= ${changedAt}::timestamptz`)
    }
    done += marked.length
  }
}

/** Rebuilds the index from the database: `npm run search:reindex`. */
export async function reindexAll(db: Database, index: SearchIndex, sources: SearchSource[] = searchSources, storage?: ObjectStore): Promise<number> {
  await index.clear()
  let count = 0
  for (const source of sources) {
    const ids = await source.ids(db)
    for (let i = 0; i < ids.length; i += batchSize) {
      const documents = (await Promise.all(ids.slice(i, i + batchSize).map((id) => source.load(db, id, storage)))).filter((d): d is SearchDocument => d !== null)
      await index.upsert(documents)
      count += documents.length
    }
    await db.delete(searchOutbox).where(inArray(searchOutbox.documentId, ids.map((id) => `${source.name}:${id}`)))
  }
  return count
}
