import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { districts, users } from './accounts'
import { resources } from './library'

/**
 * Students' personal data kept by the family/home-visit part of learning (decision record 010).
 * Everything here is reached only through `requireStudent` (self, linked family, class teachers).
 */

/**
 * Whether a student is 14 or older, as a teacher states it. No birth date is kept: the only thing
 * the platform needs is whether a guardian's consent is required (PIPL art. 31). No row = under 14.
 */
export const studentAgeStatements = pgTable('student_age_statements', {
  studentId: uuid('student_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  aged14OrOver: boolean('aged_14_or_over').notNull(),
  statedBy: uuid('stated_by').references(() => users.id, { onDelete: 'set null' }),
  statedAt: timestamp('stated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * A guardian's consent to storing a child's profile and learning data: given in the platform by a
 * linked family account, or recorded by a teacher from a signed paper form (its date and reference).
 * Withdrawn consents stay as proof; at most one consent of a student is in force.
 */
export const guardianConsents = pgTable(
  'guardian_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    /** What it covers; one scope today: the profile and learning data. */
    scope: text('scope').notNull().default('profile-and-learning'),
    method: text('method', { enum: ['family-account', 'paper-form'] }).notNull(),
    /** The family account that consented (method family-account). */
    familyId: uuid('family_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who entered it: the family themselves, or the teacher who holds the paper form. */
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    guardianName: text('guardian_name').notNull().default(''),
    paperSignedOn: date('paper_signed_on'),
    paperReference: text('paper_reference'),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('guardian_consents_student_idx').on(t.studentId),
    uniqueIndex('guardian_consents_one_in_force').on(t.studentId).where(sql`${t.withdrawnAt} is null`),
    check(
      'guardian_consents_method_fields',
      sql`(${t.method} = 'family-account' and ${t.familyId} is not null) or (${t.method} = 'paper-form' and ${t.paperSignedOn} is not null and ${t.paperReference} is not null)`,
    ),
  ],
)

/** The minimum sensitive data a teacher needs: a disability category and the support needed. */
export const studentProfiles = pgTable('student_profiles', {
  studentId: uuid('student_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  districtId: uuid('district_id')
    .notNull()
    .references(() => districts.id),
  /** One of the profile categories (library categories + `mental`), or null when not recorded. */
  disabilityCategory: text('disability_category'),
  supportNeeds: text('support_needs').notNull().default(''),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** A teacher's note to the family of a student. */
export const familyNotes = pgTable(
  'family_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('family_notes_student_idx').on(t.studentId, t.createdAt), check('family_notes_body_not_blank', sql`length(trim(${t.body})) > 0`)],
)

/** 家校共育: home practice a family records for their child. */
export const homePractice = pgTable(
  'home_practice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').references(() => users.id, { onDelete: 'set null' }),
    practisedOn: date('practised_on').notNull(),
    activity: text('activity').notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('home_practice_student_idx').on(t.studentId, t.practisedOn), check('home_practice_minutes', sql`${t.minutes} between 1 and 600`)],
)

/** 送教上门: a teacher's visit to a student's home. `client_key` makes a re-sent offline record a no-op. */
export const homeVisits = pgTable(
  'home_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    teacherId: uuid('teacher_id').references(() => users.id, { onDelete: 'set null' }),
    visitedOn: date('visited_on').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    taught: text('taught').notNull(),
    notes: text('notes').notNull().default(''),
    clientKey: text('client_key'),
    /** Set when the notes were erased on a deletion request; the visit itself stays (it happened). */
    notesErasedAt: timestamp('notes_erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('home_visits_student_idx').on(t.studentId, t.visitedOn),
    index('home_visits_teacher_idx').on(t.teacherId, t.visitedOn),
    uniqueIndex('home_visits_teacher_client_key').on(t.teacherId, t.clientKey).where(sql`${t.clientKey} is not null`),
    check('home_visits_duration', sql`${t.durationMinutes} between 1 and 600`),
  ],
)

/** The lessons taught on a visit (library resources, with the variant used). */
export const homeVisitLessons = pgTable(
  'home_visit_lessons',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => homeVisits.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    variantKey: text('variant_key'),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.resourceId] }), index('home_visit_lessons_resource_idx').on(t.resourceId)],
)
