import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { resources } from './library'

/**
 * A teacher's hand correction of a resource's braille, per scheme. It is kept with the hash of the
 * print text it was made from, so the page can say when the resource has changed since.
 */
export const resourceBraille = pgTable(
  'resource_braille',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    scheme: text('scheme', { enum: ['common', 'current'] }).notNull(),
    /** Unicode braille; words separated by ⠀, lines by \n. */
    braille: text('braille').notNull(),
    sourceHash: text('source_hash').notNull(),
    correctedById: uuid('corrected_by_id').references(() => users.id, { onDelete: 'set null' }),
    correctedAt: timestamp('corrected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.scheme] })],
)
