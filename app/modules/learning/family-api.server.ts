import { z } from 'zod'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { forbidden } from '~/platform/errors'
import { consentMethods } from './consent'
import { ageInput, familyConsentInput, getConsent, giveConsent, paperConsentInput, recordPaperConsent, stateAge, withdrawConsent } from './consent.server'
import { addPractice, childPage, myChildren, practiceInput, studentsOfTeacher } from './family.server'
import { addNote, deleteNote, noteInput, notesOf } from './notes.server'
import { offlineLesson } from './offline.server'
import { profileCategories } from './profiles'
import { deleteStudentData, deletionInput, exportStudentData } from './profiles-export.server'
import { profileInput, readProfile, requireProfileReader, saveProfile } from './profiles.server'
import { createVisit, getOwnVisit, updateVisit, visitInput, visitsOfStudent, visitsOfTeacher } from './visits.server'

const id = z.uuid()
const date = z.iso.date()
const datetime = z.iso.datetime()
const consentState = z.enum(['given', 'missing', 'not-required'])
const consentRecord = z.object({
  id,
  method: z.enum(consentMethods),
  scope: z.string(),
  guardianName: z.string(),
  familyName: z.string().nullable(),
  recordedByName: z.string().nullable(),
  paperSignedOn: date.nullable(),
  paperReference: z.string().nullable(),
  givenAt: datetime,
  withdrawnAt: datetime.nullable(),
})
const consentStatus = z.object({ state: consentState, aged14OrOver: z.boolean().nullable(), inForce: consentRecord.nullable(), history: z.array(consentRecord) })
const studentRef = z.object({ id, displayName: z.string() })
const relation = z.enum(['self', 'family', 'teacher'])
const profile = z.object({ disabilityCategory: z.enum(profileCategories).nullable(), supportNeeds: z.string(), updatedAt: datetime })
const note = z.object({ id, body: z.string(), authorName: z.string().nullable(), mine: z.boolean(), createdAt: datetime })
const practice = z.object({ id, practisedOn: date, activity: z.string(), minutes: z.number().int(), note: z.string(), recordedBy: z.string().nullable(), createdAt: datetime })
const visit = z.object({
  id,
  studentId: id,
  studentName: z.string(),
  teacherId: id.nullable(),
  teacherName: z.string().nullable(),
  visitedOn: date,
  durationMinutes: z.number().int(),
  taught: z.string(),
  notes: z.string(),
  notesErased: z.boolean(),
  lessons: z.array(z.object({ resourceId: id, title: z.string(), variantKey: z.string().nullable() })),
  mine: z.boolean(),
  createdAt: datetime,
})
const assignment = z.object({
  assignmentId: id,
  resourceId: id,
  title: z.string(),
  variantKey: z.string().nullable(),
  dueOn: date.nullable(),
  note: z.string(),
  status: z.enum(['assigned', 'done']),
  doneAt: datetime.nullable(),
  assignedAt: datetime,
  assignedBy: z.string(),
  score: z.object({ total: z.number().int(), answered: z.number().int(), firstTry: z.number().int() }).nullable(),
  overdue: z.boolean(),
})
const tag = 'students'
const familyTag = 'family'
const visitsTag = 'visits'

export const familyEndpoints: Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/students',
    tag,
    summary: 'A teacher’s students by class, with where guardian consent stands for each',
    response: z.array(z.object({ id, name: z.string(), students: z.array(studentRef.extend({ consent: consentState })) })),
    handle: ({ rt, actor }) => studentsOfTeacher(rt.db, actor),
  }),
  endpoint({
    method: 'GET',
    path: '/students/{id}/profile',
    tag,
    summary: 'A student’s profile (disability category, support needs) with the consent state — the student’s teachers and linked family only; every read is audited',
    response: z.object({ student: studentRef.extend({ username: z.string() }), relation, profile: profile.nullable(), consent: consentStatus }),
    handle: ({ rt, actor, ip }, { params }) => readProfile(rt.db, actor, params.id ?? '', { via: 'api', ip }),
  }),
  endpoint({
    method: 'PUT',
    path: '/students/{id}/profile',
    tag,
    summary: 'Save a student’s profile (teachers of the student); 409 family.errors.consentRequired while a child under 14 has no guardian consent — nothing is stored',
    body: profileInput,
    response: profile,
    handle: ({ rt, actor, ip }, { params, body }) => saveProfile(rt.db, actor, params.id ?? '', body, { ip }),
  }),
  endpoint({
    method: 'GET',
    path: '/students/{id}/consent',
    tag,
    summary: 'Where guardian consent stands for a student, with its history',
    response: consentStatus.extend({ student: studentRef.extend({ username: z.string(), schoolId: id.nullable() }), relation }),
    handle: ({ rt, actor }, { params }) => getConsent(rt.db, actor, params.id ?? ''),
  }),
  endpoint({
    method: 'POST',
    path: '/students/{id}/consent',
    tag,
    summary: 'Record consent: a linked family consents ({guardianName, agree: true}); a teacher records a signed paper form ({guardianName, paperSignedOn, paperReference})',
    body: z.union([familyConsentInput, paperConsentInput]),
    response: z.object({ id }),
    status: 201,
    handle: ({ rt, actor }, { params, body }) =>
      actor.role === 'family' ? giveConsent(rt.db, actor, params.id ?? '', body) : actor.role === 'teacher' ? recordPaperConsent(rt.db, actor, params.id ?? '', body) : Promise.reject(forbidden()),
  }),
  endpoint({
    method: 'DELETE',
    path: '/students/{id}/consent',
    tag,
    summary: 'Withdraw the consent in force (family, or a teacher recording a withdrawal); new personal data is refused from then on, stored data stays until deleted',
    status: 204,
    handle: async ({ rt, actor }, { params }) => {
      await withdrawConsent(rt.db, actor, params.id ?? '')
    },
  }),
  endpoint({
    method: 'PUT',
    path: '/students/{id}/age',
    tag,
    summary: 'A teacher states whether the student is 14 or older ({aged14OrOver: "yes"|"no"}); no birth date is kept',
    body: ageInput,
    response: z.object({ aged14OrOver: z.boolean() }),
    handle: ({ rt, actor }, { params, body }) => stateAge(rt.db, actor, params.id ?? '', body),
  }),
  endpoint({
    method: 'GET',
    path: '/students/{id}/export',
    tag,
    summary: 'Everything stored about a student (consents, profile, preferences, notes, home practice, visits, assignments, answers), for their teachers and family; audited',
    response: z.object({ exportedAt: datetime, student: studentRef.extend({ username: z.string() }) }).loose(),
    handle: ({ rt, actor, ip }, { params }) => exportStudentData(rt.db, actor, params.id ?? '', { format: 'json', ip }),
  }),
  endpoint({
    method: 'DELETE',
    path: '/students/{id}/data',
    tag,
    summary: 'Delete a student’s personal data on request ({confirm: "yes"}): profile, age statement, notes, home practice, visit notes, preferences; an audit row records it',
    body: deletionInput,
    response: z.object({ profile: z.number().int(), notes: z.number().int(), homePractice: z.number().int(), visitNotes: z.number().int(), preferences: z.number().int() }),
    handle: ({ rt, actor, ip }, { params, body }) => deleteStudentData(rt.db, actor, params.id ?? '', body, { ip }),
  }),
  endpoint({
    method: 'GET',
    path: '/students/{id}/notes',
    tag,
    summary: 'Teachers’ notes to the student’s family',
    response: z.array(note),
    handle: async ({ rt, actor }, { params }) => {
      const { student } = await requireProfileReader(rt.db, actor, params.id ?? '')
      return notesOf(rt.db, actor, student.id)
    },
  }),
  endpoint({
    method: 'POST',
    path: '/students/{id}/notes',
    tag,
    summary: 'A teacher of the student writes a note to the family (they are notified)',
    body: noteInput,
    response: z.object({ id, body: z.string(), createdAt: datetime }),
    status: 201,
    handle: ({ rt, actor }, { params, body }) => addNote(rt.db, actor, params.id ?? '', body),
  }),
  endpoint({
    method: 'DELETE',
    path: '/students/{id}/notes/{noteId}',
    tag,
    summary: 'Its author deletes a note',
    status: 204,
    handle: async ({ rt, actor }, { params }) => {
      await requireProfileReader(rt.db, actor, params.id ?? '')
      await deleteNote(rt.db, actor, params.noteId ?? '')
    },
  }),
  endpoint({
    method: 'GET',
    path: '/students/{id}/visits',
    tag,
    summary: 'A student’s home visits, for their teachers and family',
    response: z.array(visit),
    handle: ({ rt, actor }, { params }) => visitsOfStudent(rt.db, actor, params.id ?? ''),
  }),
  endpoint({
    method: 'GET',
    path: '/family/children',
    tag: familyTag,
    summary: 'A family account’s own children, with assignment counts and consent state',
    response: z.array(studentRef.extend({ consent: consentState, open: z.number().int(), done: z.number().int() })),
    handle: ({ rt, actor }) => myChildren(rt.db, actor),
  }),
  endpoint({
    method: 'GET',
    path: '/family/children/{id}',
    tag: familyTag,
    summary: 'One child: consent, assignments and progress, teachers’ notes, home practice and home visits',
    response: z.object({
      student: studentRef,
      relation,
      consent: consentStatus,
      assignments: z.array(assignment.loose()),
      progress: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
      notes: z.array(note),
      practice: z.array(practice),
      visits: z.array(visit),
    }),
    handle: ({ rt, actor }, { params }) => childPage(rt.db, actor, params.id ?? ''),
  }),
  endpoint({
    method: 'POST',
    path: '/family/children/{id}/practice',
    tag: familyTag,
    summary: 'Record home practice (家校共育): date, what, minutes, note; the child’s teachers are notified',
    body: practiceInput,
    response: practice,
    status: 201,
    handle: ({ rt, actor }, { params, body }) => addPractice(rt.db, actor, params.id ?? '', body),
  }),
  endpoint({ method: 'GET', path: '/visits', tag: visitsTag, summary: 'The signed-in teacher’s home visits (送教上门), newest first', response: z.array(visit), handle: ({ rt, actor }) => visitsOfTeacher(rt.db, actor) }),
  endpoint({
    method: 'POST',
    path: '/visits',
    tag: visitsTag,
    summary: 'Record a home visit; with a clientKey already used by this teacher (an offline record sent again) the stored visit is returned with created: false',
    body: visitInput,
    response: z.object({ visit, created: z.boolean() }),
    status: 201,
    handle: ({ rt, actor }, { body }) => createVisit(rt.db, actor, body),
  }),
  endpoint({ method: 'GET', path: '/visits/{id}', tag: visitsTag, summary: 'One of your own home visits', response: visit, handle: ({ rt, actor }, { params }) => getOwnVisit(rt.db, actor, params.id ?? '') }),
  endpoint({
    method: 'PUT',
    path: '/visits/{id}',
    tag: visitsTag,
    summary: 'Change one of your own home visits (the student stays)',
    body: visitInput.omit({ studentId: true, clientKey: true }),
    response: visit,
    handle: ({ rt, actor }, { params, body }) => updateVisit(rt.db, actor, params.id ?? '', body),
  }),
  endpoint({
    method: 'GET',
    path: '/visits/offline-package/{id}',
    tag: visitsTag,
    summary: 'The offline package of a lesson (and variant) for a home visit: every URL to keep, with its kind and known size',
    query: z.object({ variant: z.string().optional() }),
    response: z.object({
      resourceId: id,
      title: z.string(),
      variantKey: z.string().nullable(),
      cacheName: z.string(),
      entries: z.array(z.object({ url: z.string(), kind: z.string(), label: z.string(), size: z.number().int().nullable() })),
    }),
    handle: async ({ rt, actor }, { params, query }) => (await offlineLesson(rt.db, actor, params.id ?? '', (query.variant as string | undefined) ?? null)).manifest,
  }),
]
