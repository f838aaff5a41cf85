import { Readable } from 'node:stream'
import { z } from 'zod'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { AppError } from '~/platform/errors'
import { assignableLessons, assignInput, assignLesson, assignmentsForTeacher, assignmentsOfStudent, requireStudentAssignment, setDone } from './assignments.server'
import { answerExercise, createExercise, deleteExercise, exercisesForAssignment, lessonExercises, moveExercise, updateExercise, uploadExerciseImage } from './exercises.server'
import { answerInput, exerciseKinds } from './exercises'
import { captionLanguages, preferenceFields, preferenceLayers, signWindows } from './preferences'
import { getPreferences, setPreferences } from './preferences.server'
import { classProgress } from './progress.server'

const tag = 'learning'
const id = z.uuid()
const localized = z.object({ 'zh-CN': z.string(), en: z.string() })
const score = z.object({ total: z.number().int(), answered: z.number().int(), firstTry: z.number().int() })
const status = z.enum(['assigned', 'done'])
const studentAssignment = z.object({
  assignmentId: id,
  resourceId: id,
  title: z.string(),
  variantKey: z.string().nullable(),
  variantName: localized.nullable(),
  dueOn: z.iso.date().nullable(),
  note: z.string(),
  status,
  doneAt: z.iso.datetime().nullable(),
  assignedAt: z.iso.datetime(),
  assignedBy: z.string(),
  score: score.nullable(),
  overdue: z.boolean(),
})
const learnerPreferences = z.object({
  captions: z.boolean(),
  captionLanguage: z.string(),
  signWindow: z.enum(signWindows),
  audioDescription: z.boolean(),
  fontScale: z.enum(['normal', 'large', 'x-large']),
  contrast: z.enum(['normal', 'high']),
  reducedMotion: z.boolean(),
  readAloudRate: z.number(),
  scanInterval: z.number(),
})
const source = z.enum([...preferenceLayers, 'default'])
const preferencesView = z.object({
  student: z.object({ id, displayName: z.string() }),
  layer: z.enum(preferenceLayers),
  effective: learnerPreferences,
  sources: z.object(Object.fromEntries(preferenceFields.map((f) => [f, source])) as Record<(typeof preferenceFields)[number], typeof source>),
  layers: z.object({ teacher: learnerPreferences.partial(), family: learnerPreferences.partial(), student: learnerPreferences.partial() }),
})
const preferencesBody = z.object({
  captions: z.boolean().optional(),
  captionLanguage: z.enum(captionLanguages).optional(),
  signWindow: z.enum(signWindows).optional(),
  audioDescription: z.boolean().optional(),
  fontScale: z.enum(['normal', 'large', 'x-large']).optional(),
  contrast: z.enum(['normal', 'high']).optional(),
  reducedMotion: z.boolean().optional(),
  readAloudRate: z.number().min(0.5).max(2).optional(),
  scanInterval: z.number().min(0.5).max(10).optional(),
})
const exerciseView = z.object({ id, position: z.number().int(), kind: z.enum(exerciseKinds), prompt: z.string(), data: z.record(z.string(), z.unknown()), createdBy: id, canEdit: z.boolean() })
const exerciseBody = z.object({ kind: z.enum(exerciseKinds), prompt: z.string(), data: z.record(z.string(), z.unknown()) })
const studentExercise = z.object({
  id,
  kind: z.enum(exerciseKinds),
  prompt: z.string(),
  options: z.array(z.object({ index: z.number().int(), imageId: id, alt: z.string(), label: z.string() })).optional(),
  left: z.array(z.string()).optional(),
  right: z.array(z.object({ index: z.number().int(), text: z.string() })).optional(),
  items: z.array(z.object({ index: z.number().int(), text: z.string() })).optional(),
  state: z.object({ attempts: z.number().int(), lastCorrect: z.boolean().nullable(), firstTryCorrect: z.boolean().nullable() }),
})
const progressRow = z.object({
  student: z.object({ id, displayName: z.string() }),
  variantKey: z.string().nullable(),
  status,
  doneAt: z.iso.datetime().nullable(),
  score: score.nullable(),
  dueState: z.enum(['done', 'doneLate', 'overdue', 'dueToday', 'upcoming', 'noDate']),
})
const param = (value: string | undefined) => value ?? ''

export const learningEndpoints: Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/learning/lessons',
    tag,
    summary: 'Published lessons of your district a teacher may assign, with the variant keys of each',
    response: z.array(z.object({ id, title: z.string(), subject: z.string(), variantKeys: z.array(z.string()) })),
    handle: ({ rt, actor }) => assignableLessons(rt.db, actor),
  }),
  endpoint({
    method: 'GET',
    path: '/learning/assignments',
    tag,
    summary: "Assignments that reach the signed-in teacher's students, newest first, with how many are done",
    response: z.array(z.object({ id, resourceId: id, title: z.string(), classId: id.nullable(), className: z.string().nullable(), dueOn: z.iso.date().nullable(), createdAt: z.iso.datetime(), students: z.number().int(), done: z.number().int() })),
    handle: ({ rt, actor }) => assignmentsForTeacher(rt.db, actor),
  }),
  endpoint({
    method: 'POST',
    path: '/learning/assignments',
    tag,
    summary: 'Assign a published lesson to a class you teach (every student, or studentIds of it) or to chosen students you teach; defaultVariant for everyone, variants per student id',
    body: assignInput,
    response: z.object({ id, students: z.number().int() }),
    status: 201,
    handle: ({ rt, actor }, { body }) => assignLesson(rt.db, actor, body),
  }),
  endpoint({
    method: 'GET',
    path: '/learning/students/{studentId}/assignments',
    tag,
    summary: "A student's assignments (the student, a linked family, their teachers): variant, due date, done, first-try exercise score",
    response: z.array(studentAssignment),
    handle: ({ rt, actor }, { params }) => assignmentsOfStudent(rt.db, actor, param(params.studentId)),
  }),
  endpoint({
    method: 'PUT',
    path: '/learning/students/{studentId}/assignments/{assignmentId}/done',
    tag,
    summary: 'Mark a lesson done (the student only)',
    response: z.object({ status, doneAt: z.iso.datetime().nullable() }),
    handle: ({ rt, actor }, { params }) => setDone(rt.db, actor, param(params.assignmentId), param(params.studentId), true),
  }),
  endpoint({
    method: 'DELETE',
    path: '/learning/students/{studentId}/assignments/{assignmentId}/done',
    tag,
    summary: 'Set a lesson back to not done (the student only)',
    response: z.object({ status, doneAt: z.iso.datetime().nullable() }),
    handle: ({ rt, actor }, { params }) => setDone(rt.db, actor, param(params.assignmentId), param(params.studentId), false),
  }),
  endpoint({
    method: 'GET',
    path: '/learning/students/{studentId}/assignments/{assignmentId}/exercises',
    tag,
    summary: "The exercises of an assigned lesson as the student sees them (no answers), with the student's attempts",
    response: z.array(studentExercise),
    handle: async ({ rt, actor }, { params }) => {
      const { assignment, student } = await requireStudentAssignment(rt.db, actor, param(params.assignmentId), param(params.studentId))
      return exercisesForAssignment(rt.db, assignment.resourceId, assignment.id, student.id)
    },
  }),
  endpoint({
    method: 'POST',
    path: '/learning/students/{studentId}/assignments/{assignmentId}/exercises/{exerciseId}/answers',
    tag,
    summary: 'Answer an exercise (the student only): {choice}, {yes}, {matches} or {order}; stored as the next attempt',
    body: answerInput,
    response: z.object({ correct: z.boolean(), attempt: z.number().int() }),
    status: 201,
    handle: ({ rt, actor }, { params, body }) => answerExercise(rt.db, actor, param(params.assignmentId), param(params.studentId), param(params.exerciseId), body),
  }),
  endpoint({
    method: 'GET',
    path: '/learning/students/{studentId}/preferences',
    tag,
    summary: "A student's learner preferences: effective values, the layer each comes from, each layer's own values, and the layer you edit",
    response: preferencesView,
    handle: ({ rt, actor }, { params }) => getPreferences(rt.db, actor, param(params.studentId)),
  }),
  endpoint({
    method: 'PUT',
    path: '/learning/students/{studentId}/preferences',
    tag,
    summary: "Replace your layer of a student's learner preferences (teacher default, family adjustment or the student's own); fields left out are not set by your layer. 409 while a child under 14 has no guardian consent",
    body: preferencesBody,
    response: preferencesView,
    handle: ({ rt, actor }, { params, body }) => setPreferences(rt.db, actor, param(params.studentId), body),
  }),
  endpoint({
    method: 'GET',
    path: '/learning/classes/{classId}/progress',
    tag,
    summary: 'Progress of a class you teach: per assignment, each student’s variant, done state, exercise score and due-date state',
    response: z.object({
      class: z.object({ id, name: z.string() }),
      students: z.array(z.object({ id, displayName: z.string() })),
      assignments: z.array(
        z.object({
          id,
          resourceId: id,
          title: z.string(),
          dueOn: z.iso.date().nullable(),
          createdAt: z.iso.datetime(),
          rows: z.array(progressRow),
          summary: z.object({ students: z.number().int(), done: z.number().int(), exercises: z.number().int(), firstTry: z.number().int(), possible: z.number().int() }),
        }),
      ),
    }),
    handle: ({ rt, actor }, { params }) => classProgress(rt.db, actor, param(params.classId)),
  }),
  endpoint({
    method: 'GET',
    path: '/learning/lessons/{resourceId}/exercises',
    tag,
    summary: 'The exercises on a published lesson, with their answers (teachers and researchers)',
    response: z.object({ lesson: z.object({ id, title: z.string() }), exercises: z.array(exerciseView) }),
    handle: ({ rt, actor }, { params }) => lessonExercises(rt.db, actor, param(params.resourceId)),
  }),
  endpoint({
    method: 'POST',
    path: '/learning/lessons/{resourceId}/exercises',
    tag,
    summary: 'Add an exercise: picture_choice {options:[{imageId,alt,label}],correct}, yes_no {answer}, matching {pairs:[{left,right}]}, ordering {items} (in the right order)',
    body: exerciseBody,
    response: exerciseView,
    status: 201,
    handle: ({ rt, actor }, { params, body }) => createExercise(rt.db, actor, param(params.resourceId), body),
  }),
  endpoint({
    method: 'PUT',
    path: '/learning/lessons/{resourceId}/exercises/{exerciseId}',
    tag,
    summary: 'Change an exercise (the teacher who added it or the lesson author)',
    body: exerciseBody,
    response: exerciseView,
    handle: ({ rt, actor }, { params, body }) => updateExercise(rt.db, actor, param(params.resourceId), param(params.exerciseId), body),
  }),
  endpoint({
    method: 'POST',
    path: '/learning/lessons/{resourceId}/exercises/{exerciseId}/move',
    tag,
    summary: 'Move an exercise one place up or down',
    body: z.object({ direction: z.enum(['up', 'down']) }),
    status: 204,
    handle: ({ rt, actor }, { params, body }) => moveExercise(rt.db, actor, param(params.resourceId), param(params.exerciseId), z.object({ direction: z.enum(['up', 'down']) }).parse(body).direction),
  }),
  endpoint({
    method: 'DELETE',
    path: '/learning/lessons/{resourceId}/exercises/{exerciseId}',
    tag,
    summary: 'Delete an exercise (its answers go with it)',
    status: 204,
    handle: ({ rt, actor }, { params }) => deleteExercise(rt.db, actor, param(params.resourceId), param(params.exerciseId)),
  }),
  endpoint({
    method: 'POST',
    path: '/learning/images',
    tag,
    summary: 'Upload a picture for a picture-choice exercise: the raw bytes (PNG, JPEG, GIF or WebP, at most 5 MB; the type is judged from the bytes)',
    query: z.object({ name: z.string().min(1).max(255).default('picture') }),
    upload: true,
    response: z.object({ id, contentType: z.string(), size: z.number().int() }),
    status: 201,
    handle: async ({ rt, actor, request }, { query }) => {
      if (!request.body) throw new AppError(400, { key: 'learning.errors.notAPicture' }, { fields: { file: { key: 'learning.errors.notAPicture' } } })
      return uploadExerciseImage(rt, actor, { fileName: query.name, body: Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>) })
    },
  }),
]
