import { sql } from 'drizzle-orm'
import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

export const roleEnum = pgEnum('role', ['admin', 'researcher', 'teacher', 'student', 'family'])
export const schoolKindEnum = pgEnum('school_kind', ['peizhi', 'mangxiao', 'longxiao', 'regular', 'resource_centre'])

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

export const districts = pgTable('districts', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** 1: a school-level review publishes; 2: the district reviews after the school. */
  reviewLevels: integer('review_levels').notNull().default(1),
  createdAt: createdAt(),
})

export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => districts.id),
    name: text('name').notNull(),
    kind: schoolKindEnum('kind').notNull(),
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('schools_district_name_idx').on(t.districtId, t.name)],
)

export const classes = pgTable(
  'classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    name: text('name').notNull(),
    /** 学段: preschool, primary, junior, senior, vocational. */
    stage: text('stage').notNull(),
    grade: integer('grade'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('classes_school_name_idx').on(t.schoolId, t.name)],
)

export interface DisplayPreferences {
  fontScale?: 'normal' | 'large' | 'x-large'
  contrast?: 'normal' | 'high'
  reducedMotion?: boolean
}

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    email: text('email'),
    displayName: text('display_name').notNull(),
    role: roleEnum('role').notNull(),
    districtId: uuid('district_id').notNull().references(() => districts.id),
    schoolId: uuid('school_id').references(() => schools.id),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    preferences: jsonb('preferences').$type<DisplayPreferences>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_idx').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_idx').on(sql`lower(${t.email})`),
    index('users_school_idx').on(t.schoolId),
  ],
)

/** Students belong to classes; teachers teach them. */
export const classMembers = pgTable(
  'class_members',
  {
    classId: uuid('class_id').notNull().references(() => classes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] }), index('class_members_user_idx').on(t.userId)],
)

/** A family account reaches only the children linked here. */
export const familyLinks = pgTable(
  'family_links',
  {
    familyId: uuid('family_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    relation: text('relation').notNull().default('guardian'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.familyId, t.studentId] }), index('family_links_student_idx').on(t.studentId)],
)

/** Browser sessions and API tokens alike: only a SHA-256 of the secret is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['cookie', 'api'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
)

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    login: text('login').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_login_at_idx').on(t.login, t.at), index('login_attempts_ip_at_idx').on(t.ip, t.at)],
)

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    districtId: uuid('district_id').references(() => districts.id),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_actor_idx').on(t.actorId)],
)
