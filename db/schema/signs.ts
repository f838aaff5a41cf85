import { sql } from 'drizzle-orm'
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { districts, users } from './accounts'
import { mediaAssets } from './media'

/**
 * A sign-language glossary term of a district: a Chinese word, how it is signed (in words), and
 * optionally a video of the sign from the media module. A word is unique within its district.
 */
export const signTerms = pgTable(
  'sign_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => districts.id),
    word: text('word').notNull(),
    /** Toneless pinyin without spaces ("laoshi") and its initials ("ls"), for searching by either. */
    pinyin: text('pinyin').notNull(),
    initials: text('initials').notNull(),
    category: text('category').notNull(),
    handshape: text('handshape').notNull().default(''),
    movement: text('movement').notNull().default(''),
    notes: text('notes').notNull().default(''),
    videoAssetId: uuid('video_asset_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
    /** Set for terms of the starter glossary, so loading it twice changes nothing. */
    contentKey: text('content_key'),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sign_terms_district_word').on(t.districtId, t.word),
    index('sign_terms_district_category').on(t.districtId, t.category),
    check('sign_terms_word_not_blank', sql`length(trim(${t.word})) > 0`),
  ],
)

/** "See also" between two terms; stored once, read in both directions. */
export const signTermLinks = pgTable(
  'sign_term_links',
  {
    termId: uuid('term_id')
      .notNull()
      .references(() => signTerms.id, { onDelete: 'cascade' }),
    relatedId: uuid('related_id')
      .notNull()
      .references(() => signTerms.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.termId, t.relatedId] }), index('sign_term_links_related').on(t.relatedId), check('sign_term_links_not_self', sql`${t.termId} <> ${t.relatedId}`)],
)
