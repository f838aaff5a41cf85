import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { districts, users } from './accounts'
import { resources } from './library'
import { mediaAssets } from './media'
import { researchGroups } from './research'

/**
 * Lesson studies (课例研究) of a teaching-research group: rounds of teaching the same lesson, each
 * with its plan (every save a new version), the classroom video, time-coded observers' notes, rubric
 * scores and the teacher's reflection. Only the group's members see any of it.
 */
export const lessonStudyStatusEnum = pgEnum('lesson_study_status', ['active', 'finished'])

export interface StudyRubricDimension {
  key: string
  label: string
}

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

export const lessonStudies = pgTable(
  'lesson_studies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => researchGroups.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Who teaches the lesson: uploads the video, writes the reflection, hears of new notes. */
    teacherId: uuid('teacher_id')
      .notNull()
      .references(() => users.id),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    status: lessonStudyStatusEnum('status').notNull().default('active'),
    /** The observation rubric's dimensions, in order; keys stay fixed once scores use them. */
    dimensions: jsonb('dimensions').$type<StudyRubricDimension[]>().notNull(),
    /** The exemplary lesson (优秀课例) the finished study published to the library. */
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'set null' }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lesson_studies_group_idx').on(t.groupId, t.createdAt), index('lesson_studies_resource_idx').on(t.resourceId)],
)

export const lessonStudyRounds = pgTable(
  'lesson_study_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => lessonStudies.id, { onDelete: 'cascade' }),
    /** 1, 2, … within the study. */
    number: integer('number').notNull(),
    /** The classroom video: a media asset, watchable only by the group's members while attached here. */
    videoAssetId: uuid('video_asset_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
    /** The teacher's reflection, Tiptap JSON. */
    reflection: jsonb('reflection').$type<Record<string, unknown>>(),
    reflectionUpdatedAt: timestamp('reflection_updated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('lesson_study_rounds_number_idx').on(t.studyId, t.number), index('lesson_study_rounds_video_idx').on(t.videoAssetId)],
)

/** Every save of a round's plan is a new version; `base_number` is the version the editor started from. */
export const lessonPlanVersions = pgTable(
  'lesson_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => lessonStudies.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => lessonStudyRounds.id, { onDelete: 'cascade' }),
    /** 1, 2, … across the whole study, so versions of different rounds can be compared by number. */
    number: integer('number').notNull(),
    baseNumber: integer('base_number'),
    doc: jsonb('doc').$type<Record<string, unknown>>().notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('lesson_plan_versions_number_idx').on(t.studyId, t.number), index('lesson_plan_versions_round_idx').on(t.roundId, t.number)],
)

/** An observer's note pinned to a second of the round's video. */
export const lessonStudyNotes = pgTable(
  'lesson_study_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => lessonStudyRounds.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    atSeconds: integer('at_seconds').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lesson_study_notes_round_idx').on(t.roundId, t.atSeconds), check('lesson_study_notes_at_check', sql`${t.atSeconds} >= 0`)],
)

/** One observer's score (1–5) and comment on one dimension in one round. */
export const lessonStudyScores = pgTable(
  'lesson_study_scores',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => lessonStudyRounds.id, { onDelete: 'cascade' }),
    observerId: uuid('observer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    dimension: text('dimension').notNull(),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.observerId, t.dimension] }), check('lesson_study_scores_score_check', sql`${t.score} between 1 and 5`)],
)
