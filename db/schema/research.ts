import { sql } from 'drizzle-orm'
import { bigint, boolean, check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { districts, schools, users } from './accounts'
import { resources } from './library'

/**
 * A teaching-research group (教研组) of a district, or of one school when `school_id` is set. Its
 * leader (组长) is also an active member with role 'leader'.
 */
export const researchGroups = pgTable(
  'research_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => districts.id),
    schoolId: uuid('school_id').references(() => schools.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    leaderId: uuid('leader_id').notNull().references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('research_groups_district_idx').on(t.districtId), check('research_groups_name_not_blank', sql`length(trim(${t.name})) > 0`)],
)

export const researchGroupMembers = pgTable(
  'research_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => researchGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['leader', 'member'] }).notNull().default('member'),
    status: text('status', { enum: ['invited', 'active', 'declined'] }).notNull().default('invited'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('research_group_members_user_idx').on(t.userId, t.status)],
)

/** The five kinds of 教研活动 the district plan names. */
export const researchSessionKinds = ['topic', 'collective_planning', 'lesson_discussion', 'skills_showcase', 'project_research'] as const

/** A 教研活动 of a group: when, where (a place, an online link or both), what, and afterwards its minutes. */
export const researchSessions = pgTable(
  'research_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => researchGroups.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: researchSessionKinds }).notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    onlineUrl: text('online_url').notNull().default(''),
    agenda: text('agenda').notNull().default(''),
    /** Invites the whole group: members who join later are invited too. */
    allMembers: boolean('all_members').notNull().default(false),
    /** Tiptap JSON, rendered through the library's allow-listed schema. */
    minutes: jsonb('minutes').$type<Record<string, unknown>>(),
    /** Set when the leader publishes the minutes to the district: then every teacher and researcher of it may read the session. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('research_sessions_group_starts_idx').on(t.groupId, t.startsAt),
    index('research_sessions_starts_idx').on(t.startsAt),
    check('research_sessions_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('research_sessions_title_not_blank', sql`length(trim(${t.title})) > 0`),
  ],
)

/** Who is invited to a session, their answer (RSVP) and whether they attended (check-in). */
export const researchSessionInvitees = pgTable(
  'research_session_invitees',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => researchSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rsvp: text('rsvp', { enum: ['pending', 'yes', 'maybe', 'no'] }).notNull().default('pending'),
    rsvpAt: timestamp('rsvp_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('research_session_invitees_user_idx').on(t.userId)],
)

/** Files of a session, kept in the ObjectStore; the type is judged from the bytes as the library does. */
export const researchSessionFiles = pgTable(
  'research_session_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => researchSessions.id, { onDelete: 'cascade' }),
    uploaderId: uuid('uploader_id').references(() => users.id, { onDelete: 'set null' }),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('research_session_files_session_idx').on(t.sessionId)],
)

/** Library resources a session works with. */
export const researchSessionResources = pgTable(
  'research_session_resources',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => researchSessions.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.resourceId] })],
)
