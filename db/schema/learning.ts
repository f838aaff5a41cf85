import { sql } from 'drizzle-orm'
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { classes, districts, users } from './accounts'
import { resources } from './library'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

/**
 * A teacher gives a published lesson to a class (all its students at that moment) or to chosen
 * students, with a due date. Each student's row in `assignment_students` carries the variant
 * chosen for them and whether they have finished it.
 */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => districts.id),
    resourceId: uuid('resource_id').notNull().references(() => resources.id, { onDelete: 'cascade' }),
    /** Set when assigned to a whole class; null when given to chosen students. */
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    dueOn: date('due_on'),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('assignments_class_idx').on(t.classId), index('assignments_created_by_idx').on(t.createdBy)],
)

export const assignmentStudents = pgTable(
  'assignment_students',
  {
    assignmentId: uuid('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** A key of the lesson's variants (`tier-a`, `disability-hearing`, …); null: the lesson as written. */
    variantKey: text('variant_key'),
    status: text('status', { enum: ['assigned', 'done'] }).notNull().default('assigned'),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.studentId] }), index('assignment_students_student_idx').on(t.studentId)],
)

export const exerciseKinds = ['picture_choice', 'yes_no', 'matching', 'ordering'] as const
export type ExerciseKind = (typeof exerciseKinds)[number]

/**
 * A short exercise a teacher adds to a lesson, in order. `data` holds the kind's own shape
 * (validated by app/modules/learning/exercises.ts): options with image ids and the right one,
 * the yes/no answer, pairs, or the sequence.
 */
export const exercises = pgTable(
  'exercises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => districts.id),
    resourceId: uuid('resource_id').notNull().references(() => resources.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: exerciseKinds }).notNull(),
    prompt: text('prompt').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exercises_resource_idx').on(t.resourceId, t.position)],
)

/** Pictures of picture-choice exercises: bytes in the ObjectStore, type decided from the bytes. */
export const exerciseImages = pgTable('exercise_images', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  uploaderId: uuid('uploader_id').references(() => users.id, { onDelete: 'set null' }),
  storageKey: text('storage_key').notNull(),
  contentType: text('content_type').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  createdAt: createdAt(),
})

/** Every answer a student gives, numbered per exercise; the first attempt decides the score. */
export const exerciseAnswers = pgTable(
  'exercise_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    exerciseId: uuid('exercise_id').notNull().references(() => exercises.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    answer: jsonb('answer').$type<unknown>().notNull(),
    correct: boolean('correct').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('exercise_answers_attempt_idx').on(t.assignmentId, t.studentId, t.exerciseId, t.attempt), check('exercise_answers_attempt_check', sql`${t.attempt} >= 1`)],
)

export const preferenceLayers = ['teacher', 'family', 'student'] as const
export type PreferenceLayer = (typeof preferenceLayers)[number]

/**
 * A student's learner preferences in three layers: the teachers' default, the family's adjustment,
 * the student's own choice. Each row holds only the fields that layer sets; the effective value of
 * a field is student ?? family ?? teacher ?? the product default.
 */
export const learnerPreferences = pgTable(
  'learner_preferences',
  {
    studentId: uuid('student_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    layer: text('layer', { enum: preferenceLayers }).notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull().default({}),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.studentId, t.layer] })],
)
