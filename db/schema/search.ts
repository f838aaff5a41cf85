import { sql } from 'drizzle-orm'
import { boolean, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/**
 * The PostgreSQL search index: one narrow row per findable document, with its words (segmented by
 * jieba, weighted title A, summary B, body C, pinyin D) in a tsvector, its title words alone for
 * ranking, and its facets as columns. The texts shown in results live in search_texts, so that a
 * query matching half the index scans as few pages as possible.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    schoolType: text('school_type'),
    stage: text('stage'),
    subject: text('subject'),
    disabilities: text('disabilities').array().notNull(),
    tiers: text('tiers').array().notNull(),
    features: text('features').array().notNull(),
    districtId: uuid('district_id').notNull(),
    published: boolean('published').notNull(),
    ownerId: uuid('owner_id'),
    groupIds: uuid('group_ids').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    words: tsvector('words').notNull(),
    titleWords: tsvector('title_words').notNull(),
  },
  (t) => [
    index('search_documents_words_idx').using('gin', t.words),
    index('search_documents_title_words_idx').using('gin', t.titleWords),
    index('search_documents_updated_idx').on(t.updatedAt),
    index('search_documents_district_idx').on(t.districtId),
    index('search_documents_owner_idx').on(t.ownerId).where(sql`not ${t.published}`),
    index('search_documents_groups_idx').using('gin', t.groupIds),
  ],
)

/** What a hit shows: read for the page of results only. */
export const searchTexts = pgTable('search_texts', {
  id: text('id')
    .primaryKey()
    .references(() => searchDocuments.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
  keywords: text('keywords').array().notNull(),
  url: text('url').notNull(),
})

/** Every indexed word of three or more characters: where a one-character-off query word is looked up. */
export const searchTerms = pgTable(
  'search_terms',
  {
    term: text('term').primaryKey(),
    length: integer('length').notNull(),
  },
  (t) => [index('search_terms_length_idx').on(t.length)],
)

/**
 * Documents whose source changed and whose index entry may be stale. A row is written in the same
 * transaction as the change, so a crash before the index is updated loses nothing: the next sync
 * (on the job sent after commit, or the scheduled one) picks it up.
 */
export const searchOutbox = pgTable('search_outbox', {
  documentId: text('document_id').primaryKey(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
})
