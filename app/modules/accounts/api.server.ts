import { z } from 'zod'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { notFound, parseInput } from '~/platform/errors'
import { listAudit } from './audit.server'
import { importUsers } from './import.server'
import { roles } from './permissions'
import { classInput, passwordChangeInput, preferencesInput, schoolInput, schoolKinds, signInInput, stages, userCreateInput, userUpdateInput } from './schemas'
import { signIn, signOut } from './sign-in.server'
import { addClassMember, createClass, createSchool, getClass, getSchool, listClasses, listSchools, removeClassMember, updateClass, updateSchool } from './structure.server'
import { changeOwnPassword, createUser, getOwnProfile, getUser, linkChild, listUsers, myChildren, myClasses, unlinkChild, updateOwnPreferences, updateUser } from './users.server'

const id = z.uuid()
const timestamp = z.iso.datetime()
const school = z.object({ id, name: z.string(), kind: z.enum(schoolKinds), address: z.string().nullable() })
const klass = z.object({ id, name: z.string(), stage: z.enum(stages), grade: z.number().int().nullable() })
const member = z.object({ id, username: z.string(), displayName: z.string(), role: z.enum(roles) })
const user = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.enum(roles),
  schoolId: id.nullable(),
  schoolName: z.string().nullable(),
  active: z.boolean(),
  createdAt: timestamp,
})
const fieldMessage = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })

const tag = 'accounts'
const usernameBody = z.object({ username: z.string().trim().min(1) })
const csvBody = z.object({ csv: z.string() })

export const accountsEndpoints: Endpoint[] = [
  endpoint({
    method: 'POST',
    path: '/session',
    tag,
    summary: 'Sign in: returns a bearer token for the other endpoints',
    auth: false,
    body: signInInput,
    response: z.object({ token: z.string(), expiresAt: timestamp, user: z.object({ id, locale: z.string() }) }),
    status: 201,
    handle: ({ rt, ip, request }, { body }) => {
      const input = parseInput(signInInput, body)
      return signIn(rt.db, { ...input, ip, userAgent: request.headers.get('user-agent'), kind: 'api' })
    },
  }),
  endpoint({
    method: 'DELETE',
    path: '/session',
    tag,
    summary: 'Sign out: the bearer token stops working',
    status: 204,
    handle: async ({ rt, actor, token, ip }) => {
      if (token) await signOut(rt.db, actor, token, ip)
    },
  }),
  endpoint({ method: 'GET', path: '/me', tag, summary: 'The signed-in user', response: user, handle: ({ rt, actor }) => getOwnProfile(rt.db, actor) }),
  endpoint({
    method: 'PUT',
    path: '/me/preferences',
    tag,
    summary: 'Language and display preferences of the signed-in user',
    body: preferencesInput,
    response: z.object({ locale: z.string(), preferences: preferencesInput.omit({ locale: true }) }),
    handle: ({ rt, actor }, { body }) => updateOwnPreferences(rt.db, actor, body),
  }),
  endpoint({
    method: 'POST',
    path: '/me/password',
    tag,
    summary: "Change the signed-in user's password; their other sessions end",
    body: passwordChangeInput,
    status: 204,
    handle: ({ rt, actor, token, ip }, { body }) => changeOwnPassword(rt.db, actor, body, token, ip),
  }),
  endpoint({
    method: 'GET',
    path: '/me/classes',
    tag,
    summary: "A teacher's or student's own classes with their members",
    response: z.array(klass.extend({ schoolName: z.string(), members: z.array(member) })),
    handle: ({ rt, actor }) => myClasses(rt.db, actor),
  }),
  endpoint({
    method: 'GET',
    path: '/me/children',
    tag,
    summary: "A family account's own children",
    response: z.array(z.object({ id, username: z.string(), displayName: z.string(), relation: z.string(), schoolName: z.string().nullable(), classes: z.array(z.object({ id, name: z.string() })) })),
    handle: ({ rt, actor }) => myChildren(rt.db, actor),
  }),
  endpoint({
    method: 'GET',
    path: '/schools',
    tag,
    summary: "The district's schools",
    response: z.array(school.extend({ classCount: z.number().int() })),
    handle: ({ rt, actor }) => listSchools(rt.db, actor),
  }),
  endpoint({ method: 'POST', path: '/schools', tag, summary: 'Create a school', body: schoolInput, response: school, status: 201, handle: ({ rt, actor, ip }, { body }) => createSchool(rt.db, actor, body, ip) }),
  endpoint({
    method: 'GET',
    path: '/schools/{id}',
    tag,
    summary: 'A school with its classes',
    response: school.extend({ classes: z.array(klass) }),
    handle: ({ rt, actor }, { params }) => getSchool(rt.db, actor, uuidParam(params.id)),
  }),
  endpoint({ method: 'PUT', path: '/schools/{id}', tag, summary: 'Change a school', body: schoolInput, response: school, handle: ({ rt, actor, ip }, { params, body }) => updateSchool(rt.db, actor, uuidParam(params.id), body, ip) }),
  endpoint({
    method: 'GET',
    path: '/classes',
    tag,
    summary: "The district's classes, optionally of one school",
    query: z.object({ schoolId: z.uuid().optional() }),
    response: z.array(klass.extend({ schoolId: id, schoolName: z.string() })),
    handle: ({ rt, actor }, { query }) => listClasses(rt.db, actor, query),
  }),
  endpoint({ method: 'POST', path: '/classes', tag, summary: 'Create a class', body: classInput, response: klass, status: 201, handle: ({ rt, actor, ip }, { body }) => createClass(rt.db, actor, body, ip) }),
  endpoint({
    method: 'GET',
    path: '/classes/{id}',
    tag,
    summary: 'A class with its teachers and students',
    response: klass.extend({ school, members: z.array(member) }),
    handle: ({ rt, actor }, { params }) => getClass(rt.db, actor, uuidParam(params.id)),
  }),
  endpoint({
    method: 'PUT',
    path: '/classes/{id}',
    tag,
    summary: 'Change a class',
    body: classInput.omit({ schoolId: true }),
    response: klass,
    handle: ({ rt, actor, ip }, { params, body }) => updateClass(rt.db, actor, uuidParam(params.id), body, ip),
  }),
  endpoint({
    method: 'POST',
    path: '/classes/{id}/members',
    tag,
    summary: 'Add a teacher or student of the same school to a class',
    body: usernameBody,
    status: 204,
    handle: ({ rt, actor, ip }, { params, body }) => addClassMember(rt.db, actor, uuidParam(params.id), parseInput(usernameBody, body).username, ip),
  }),
  endpoint({
    method: 'DELETE',
    path: '/classes/{id}/members/{userId}',
    tag,
    summary: 'Remove a member from a class',
    status: 204,
    handle: ({ rt, actor, ip }, { params }) => removeClassMember(rt.db, actor, uuidParam(params.id), uuidParam(params.userId), ip),
  }),
  endpoint({
    method: 'GET',
    path: '/users',
    tag,
    summary: "The district's users, 50 a page",
    query: z.object({ role: z.enum(roles).optional(), schoolId: z.uuid().optional(), q: z.string().optional(), page: z.coerce.number().int().min(1).optional() }),
    response: z.object({ users: z.array(user), page: z.number().int(), pageCount: z.number().int(), total: z.number().int() }),
    handle: ({ rt, actor }, { query }) => listUsers(rt.db, actor, query),
  }),
  endpoint({ method: 'POST', path: '/users', tag, summary: 'Create a user', body: userCreateInput, response: user, status: 201, handle: ({ rt, actor, ip }, { body }) => createUser(rt.db, actor, body, ip) }),
  endpoint({
    method: 'GET',
    path: '/users/{id}',
    tag,
    summary: 'A user with their classes and (for families) children',
    response: user.extend({
      classes: z.array(klass.omit({ stage: true }).extend({ stage: z.string(), schoolName: z.string() })),
      children: z.array(z.object({ id, username: z.string(), displayName: z.string(), relation: z.string(), schoolName: z.string().nullable() })),
    }),
    handle: ({ rt, actor }, { params }) => getUser(rt.db, actor, uuidParam(params.id)),
  }),
  endpoint({
    method: 'PUT',
    path: '/users/{id}',
    tag,
    summary: 'Change a user (role, school, active, optionally a new password)',
    body: userUpdateInput,
    response: user,
    handle: ({ rt, actor, ip }, { params, body }) => updateUser(rt.db, actor, uuidParam(params.id), body, ip),
  }),
  endpoint({
    method: 'POST',
    path: '/users/{id}/children',
    tag,
    summary: 'Link a student to a family account',
    body: usernameBody,
    status: 204,
    handle: ({ rt, actor, ip }, { params, body }) => linkChild(rt.db, actor, uuidParam(params.id), parseInput(usernameBody, body).username, ip),
  }),
  endpoint({
    method: 'DELETE',
    path: '/users/{id}/children/{studentId}',
    tag,
    summary: 'Unlink a student from a family account',
    status: 204,
    handle: ({ rt, actor, ip }, { params }) => unlinkChild(rt.db, actor, uuidParam(params.id), uuidParam(params.studentId), ip),
  }),
  endpoint({
    method: 'POST',
    path: '/users/import',
    tag,
    summary: 'Import users from CSV (send text/csv, or JSON {"csv": "..."}); a per-row report',
    body: csvBody,
    response: z.object({
      imported: z.array(z.object({ row: z.number().int(), username: z.string() })),
      failed: z.array(z.object({ row: z.number().int(), username: z.string(), fields: z.record(z.string(), fieldMessage) })),
    }),
    handle: ({ rt, actor, ip }, { body }) => importUsers(rt.db, actor, parseInput(csvBody, body).csv, ip),
  }),
  endpoint({
    method: 'GET',
    path: '/audit',
    tag,
    summary: "The district's audit log, newest first, 50 a page",
    query: z.object({ before: z.coerce.number().int().optional() }),
    response: z.object({
      entries: z.array(z.object({ id: z.number().int(), at: timestamp, action: z.string(), targetType: z.string().nullable(), targetId: z.string().nullable(), detail: z.record(z.string(), z.unknown()), ip: z.string().nullable(), actorName: z.string().nullable(), actorUsername: z.string().nullable() })),
      nextBefore: z.number().int().nullable(),
    }),
    handle: ({ rt, actor }, { query }) => listAudit(rt.db, actor, query),
  }),
]

/** A malformed id can never name anything the caller may reach: 404, like an id from elsewhere. */
function uuidParam(value: string | undefined): string {
  if (!value || !z.uuid().safeParse(value).success) throw notFound()
  return value
}
