import { sql } from 'drizzle-orm'
import { bigint, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { districts, schools, users } from './accounts'

export const resourceKindEnum = pgEnum('resource_kind', [
  'lesson',
  'school_course',
  'autism_strategy',
  'sign_language',
  'braille',
  'worksheet',
  'teaching_aid',
  'slides',
  'audio',
  'video',
])
export const resourceStatusEnum = pgEnum('resource_status', ['draft', 'submitted', 'changes_requested', 'published', 'archived'])
export const reviewLevelEnum = pgEnum('review_level', ['school', 'district'])

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

/**
 * A resource's working copy: what its author edits and reviewers judge. What readers see is the
 * snapshot in `resource_versions` that `published_version` names, so editing a published resource
 * never hides it.
 */
export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => districts.id),
    /** The school that owns it (a school-based course always has one); its school-level review is this school's. */
    schoolId: uuid('school_id').references(() => schools.id),
    authorId: uuid('author_id').notNull().references(() => users.id),
    kind: resourceKindEnum('kind').notNull(),
    status: resourceStatusEnum('status').notNull().default('draft'),
    /** While submitted: the level whose review is awaited. */
    reviewLevel: reviewLevelEnum('review_level'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    schoolType: text('school_type').notNull(),
    subject: text('subject').notNull(),
    stage: text('stage').notNull(),
    grade: integer('grade'),
    disabilityCategories: text('disability_categories').array().notNull().default(sql`'{}'::text[]`),
    licence: text('licence').notNull(),
    attribution: text('attribution').notNull(),
    /** The kind's own fields, validated by the kind's schema in app/modules/library/kinds.ts. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** Tiptap JSON of the main text (a lesson's procedure, a strategy's description, a file's notes). */
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    /** Video lessons point at media assets of the media module by id. */
    mediaAssetIds: uuid('media_asset_ids').array().notNull().default(sql`'{}'::uuid[]`),
    publishedVersion: integer('published_version'),
    /** An exemplary lesson (优秀课例): the published outcome of a lesson study, listed in its own collection. */
    exemplary: boolean('exemplary').notNull().default(false),
    /** Set for resources of the starter corpus: their file name in content/, so loading twice changes nothing. */
    contentKey: text('content_key'),
    viewCount: integer('view_count').notNull().default(0),
    downloadCount: integer('download_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('resources_content_key_idx').on(t.contentKey),
    index('resources_browse_idx').on(t.districtId, t.schoolType, t.subject, t.stage),
    index('resources_author_idx').on(t.authorId),
    index('resources_status_idx').on(t.districtId, t.status),
  ],
)

/** Differentiated versions of a lesson: a support tier (A/B/C) or a disability category. */
export const resourceVariants = pgTable(
  'resource_variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id').notNull().references(() => resources.id, { onDelete: 'cascade' }),
    /** `tier-a`, `tier-b`, `tier-c` or `disability-<category>`. */
    key: text('key').notNull(),
    position: integer('position').notNull(),
    objectives: text('objectives').notNull().default(''),
    activities: jsonb('activities').$type<Record<string, unknown>>().notNull(),
    assessment: text('assessment').notNull().default(''),
  },
  (t) => [uniqueIndex('resource_variants_key_idx').on(t.resourceId, t.key)],
)

/** Uploaded files. Never changed once stored; removing one from a resource keeps it for older versions. */
export const resourceFiles = pgTable(
  'resource_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id').notNull().references(() => resources.id, { onDelete: 'cascade' }),
    uploaderId: uuid('uploader_id').references(() => users.id, { onDelete: 'set null' }),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    /** Decided from the bytes, not the name. */
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    thumbnailKey: text('thumbnail_key'),
    thumbnailState: text('thumbnail_state', { enum: ['pending', 'ready', 'none', 'failed'] }).notNull().default('pending'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('resource_files_resource_idx').on(t.resourceId)],
)

export interface ResourceSnapshot {
  kind: string
  title: string
  summary: string
  schoolType: string
  subject: string
  stage: string
  grade: number | null
  disabilityCategories: string[]
  licence: string
  attribution: string
  details: Record<string, unknown>
  body: Record<string, unknown>
  mediaAssetIds: string[]
  variants: { key: string; objectives: string; activities: Record<string, unknown>; assessment: string }[]
  fileIds: string[]
}

/** Every published state, readable for ever. */
export const resourceVersions = pgTable(
  'resource_versions',
  {
    resourceId: uuid('resource_id').notNull().references(() => resources.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').$type<ResourceSnapshot>().notNull(),
    publishedById: uuid('published_by_id').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.number] })],
)

export interface ReviewScores {
  accessibility: number
  curriculum: number
  differentiation: number
}

export const resourceReviews = pgTable(
  'resource_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id').notNull().references(() => resources.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    level: reviewLevelEnum('level').notNull(),
    decision: text('decision', { enum: ['approve', 'changes_requested'] }).notNull(),
    scores: jsonb('scores').$type<ReviewScores>().notNull(),
    comments: text('comments').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('resource_reviews_resource_idx').on(t.resourceId, t.createdAt)],
)

export const resourceFavourites = pgTable(
  'resource_favourites',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id').notNull().references(() => resources.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.resourceId] }), index('resource_favourites_resource_idx').on(t.resourceId)],
)

export const resourceRatings = pgTable(
  'resource_ratings',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id').notNull().references(() => resources.id, { onDelete: 'cascade' }),
    stars: integer('stars').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.resourceId] }), index('resource_ratings_resource_idx').on(t.resourceId), check('resource_ratings_stars_check', sql`${t.stars} between 1 and 5`)],
)

/** Who read a published resource on which day: a reader counts once a day, however often the page reloads. */
export const resourceViews = pgTable(
  'resource_views',
  {
    resourceId: uuid('resource_id').notNull().references(() => resources.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    day: date('day').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.userId, t.day] })],
)
