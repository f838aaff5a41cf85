import { Readable } from 'node:stream'
import { z } from 'zod'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { AppError, notFound, parseInput } from '~/platform/errors'
import { createGroup, inviteMembers, removeMember, respondToInvitation, setGroupArchived, transferLeadership, updateGroup } from './groups.server'
import { getGroupOverview, getResearchHome } from './overview.server'
import { attendanceInput, groupInput, inviteInput, isUuid, linkResourceInput, minutesInput, publishInput, respondInput, rsvpInput, sessionInput, sessionKinds, transferInput } from './schemas'
import {
  calendarSessions,
  cancelSession,
  checkIn,
  createSession,
  getSession,
  groupSessions,
  linkResource,
  publishedSessions,
  recordAttendance,
  removeAttachment,
  saveMinutes,
  setPublished,
  setRsvp,
  unlinkResource,
  updateSession,
  uploadAttachment,
} from './sessions.server'
import { addDays, shanghaiDay } from './time'

const id = z.uuid()
const idParam = (value: string | undefined) => {
  if (!isUuid(value)) throw notFound()
  return value
}
const kind = z.enum(sessionKinds)
const rsvp = z.enum(['pending', 'yes', 'maybe', 'no'])
const groupSummary = z.object({
  id,
  name: z.string(),
  description: z.string(),
  level: z.enum(['district', 'school']),
  schoolName: z.string().nullable(),
  leader: z.object({ id, displayName: z.string() }),
  memberCount: z.number().int(),
  archived: z.boolean(),
  myRole: z.enum(['leader', 'member', 'invited']).nullable(),
})
const sessionSummary = z.object({
  id,
  groupId: id,
  groupName: z.string(),
  kind,
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  day: z.string().describe('Shanghai day, YYYY-MM-DD'),
  startTime: z.string().describe('Shanghai time, HH:mm'),
  endTime: z.string(),
  place: z.string(),
  onlineUrl: z.string(),
  cancelled: z.boolean(),
  published: z.boolean(),
  myRsvp: rsvp.nullable(),
})
const progress = z.object({
  semester: z.object({ term: z.enum(['autumn', 'spring']), schoolYear: z.number().int(), start: z.string(), end: z.string() }),
  held: z.number().int(),
  planned: z.number().int(),
  target: z.number().int(),
  met: z.boolean(),
})
const member = z.object({ userId: id, displayName: z.string(), username: z.string(), role: z.enum(['leader', 'member']), status: z.enum(['invited', 'active', 'declined']), userRole: z.string(), schoolName: z.string().nullable() })
const groupDetail = z.object({
  group: groupSummary,
  members: z.array(member),
  upcoming: z.array(sessionSummary),
  past: z.array(sessionSummary),
  progress,
})
const sessionDetail = sessionSummary.extend({
  agenda: z.string(),
  allMembers: z.boolean().describe('Invites the whole group, members who join later included'),
  minutes: z.record(z.string(), z.unknown()).nullable().describe('Tiptap JSON'),
  group: z.object({ id, name: z.string() }),
  access: z.enum(['member', 'admin', 'published']),
  invitees: z.array(z.object({ userId: id, displayName: z.string(), rsvp, checkedIn: z.boolean(), checkedInAt: z.iso.datetime().nullable() })).nullable(),
  files: z.array(z.object({ id, fileName: z.string(), contentType: z.string(), size: z.number().int(), uploader: z.string().nullable(), uploaderId: id.nullable(), createdAt: z.iso.datetime() })),
  resources: z.array(z.object({ id, title: z.string() })),
  can: z.record(z.string(), z.boolean()),
})
const rangeQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'research.errors.date' }).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'research.errors.date' }).optional(),
})
const archivedInput = z.object({ archived: z.boolean() })
const tag = 'research'

export const researchEndpoints: Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/research/groups',
    tag,
    summary: 'Your 教研 groups and open invitations (an administrator sees every group of the district)',
    response: z.object({ groups: z.array(groupSummary), invitations: z.array(groupSummary) }),
    handle: async ({ rt, actor }) => {
      const { groups, invitations } = await getResearchHome(rt.db, actor)
      return { groups, invitations }
    },
  }),
  endpoint({
    method: 'POST',
    path: '/research/groups',
    tag,
    summary: 'Form a group (researchers, administrators): district-level, or school-level with schoolId; an administrator names the leaderId',
    body: groupInput,
    response: z.object({ id }),
    status: 201,
    handle: async ({ rt, actor }, { body }) => ({ id: (await createGroup(rt.db, actor, body)).id }),
  }),
  endpoint({
    method: 'GET',
    path: '/research/groups/{id}',
    tag,
    summary: 'A group: members, sessions ahead and behind, and this term’s 专题教研 against the target of two. Members and district administrators only (others: 404)',
    response: groupDetail,
    handle: async ({ rt, actor }, { params }) => {
      const overview = await getGroupOverview(rt.db, actor, idParam(params.id))
      if (overview.kind !== 'group') throw notFound('research.errors.groupNotFound')
      return { group: overview.group, members: overview.members, upcoming: overview.upcoming, past: overview.past, progress: overview.progress }
    },
  }),
  endpoint({
    method: 'PUT',
    path: '/research/groups/{id}',
    tag,
    summary: 'Rename or describe a group (the leader)',
    body: groupInput.pick({ name: true, description: true }),
    status: 204,
    handle: async ({ rt, actor }, { params, body }) => void (await updateGroup(rt.db, actor, idParam(params.id), body)),
  }),
  endpoint({
    method: 'PUT',
    path: '/research/groups/{id}/archived',
    tag,
    summary: 'Archive a group (still readable, no new sessions) or reopen it (the leader)',
    body: archivedInput,
    status: 204,
    handle: async ({ rt, actor }, { params, body }) => void (await setGroupArchived(rt.db, actor, idParam(params.id), parseInput(archivedInput, body).archived)),
  }),
  endpoint({
    method: 'POST',
    path: '/research/groups/{id}/invitations',
    tag,
    summary: 'Invite teachers and researchers of the district (the leader); each is notified',
    body: inviteInput,
    response: z.object({ invited: z.array(id) }),
    handle: ({ rt, actor }, { params, body }) => inviteMembers(rt.db, actor, idParam(params.id), body),
  }),
  endpoint({
    method: 'POST',
    path: '/research/groups/{id}/response',
    tag,
    summary: 'Accept or decline your invitation to a group',
    body: respondInput,
    response: z.object({ status: z.enum(['active', 'declined']) }),
    handle: ({ rt, actor }, { params, body }) => respondToInvitation(rt.db, actor, idParam(params.id), body),
  }),
  endpoint({
    method: 'PUT',
    path: '/research/groups/{id}/leader',
    tag,
    summary: 'Hand the group to another active member (the leader)',
    body: transferInput,
    status: 204,
    handle: async ({ rt, actor }, { params, body }) => void (await transferLeadership(rt.db, actor, idParam(params.id), body)),
  }),
  endpoint({
    method: 'DELETE',
    path: '/research/groups/{id}/members/{userId}',
    tag,
    summary: 'Remove a member or withdraw an invitation (the leader), or leave the group (yourself)',
    status: 204,
    handle: ({ rt, actor }, { params }) => removeMember(rt.db, actor, idParam(params.id), idParam(params.userId)),
  }),
  endpoint({
    method: 'GET',
    path: '/research/groups/{id}/sessions',
    tag,
    summary: 'A group’s sessions, ahead and behind, with this term’s 专题教研 count',
    response: z.object({ upcoming: z.array(sessionSummary), past: z.array(sessionSummary), progress }),
    handle: async ({ rt, actor }, { params }) => {
      const { upcoming, past, progress } = await groupSessions(rt.db, actor, idParam(params.id))
      return { upcoming, past, progress }
    },
  }),
  endpoint({
    method: 'POST',
    path: '/research/groups/{id}/sessions',
    tag,
    summary: 'Schedule a session (the leader): kind, title, date, startTime, endTime in Asia/Shanghai, place and/or onlineUrl, agenda, inviteeIds (default: every member); invitees are notified',
    body: sessionInput,
    response: z.object({ id }),
    status: 201,
    handle: async ({ rt, actor }, { params, body }) => ({ id: (await createSession(rt.db, actor, idParam(params.id), body)).id }),
  }),
  endpoint({
    method: 'GET',
    path: '/research/sessions',
    tag,
    summary: 'Your sessions (invited or leading) between from and to (Shanghai days, to exclusive; default: today and the next 60 days)',
    query: rangeQuery,
    response: z.object({ sessions: z.array(sessionSummary) }),
    handle: async ({ rt, actor }, { query }) => {
      const from = (query.from as string | undefined) ?? shanghaiDay(new Date())
      const to = (query.to as string | undefined) ?? addDays(from, 60)
      if (to <= from || to > addDays(from, 800)) throw new AppError(400, { key: 'research.errors.date' }, { fields: { to: { key: 'research.errors.date' } } })
      return { sessions: await calendarSessions(rt.db, actor, 'mine', { from, to }) }
    },
  }),
  endpoint({
    method: 'GET',
    path: '/research/published',
    tag,
    summary: 'Sessions of the district’s groups whose minutes are published to the district, newest first (teachers, researchers, administrators)',
    response: z.object({ sessions: z.array(sessionSummary) }),
    handle: async ({ rt, actor }) => ({ sessions: await publishedSessions(rt.db, actor) }),
  }),
  endpoint({
    method: 'GET',
    path: '/research/sessions/{id}',
    tag,
    summary: 'A session with its agenda, minutes, files, linked resources and (for members) invitees with RSVP and attendance',
    response: sessionDetail,
    handle: ({ rt, actor }, { params }) => getSession(rt.db, actor, idParam(params.id)),
  }),
  endpoint({
    method: 'PUT',
    path: '/research/sessions/{id}',
    tag,
    summary: 'Change a session (the leader); new invitees are invited, the others told of a new time or place',
    body: sessionInput,
    status: 204,
    handle: async ({ rt, actor }, { params, body }) => void (await updateSession(rt.db, actor, idParam(params.id), body)),
  }),
  endpoint({
    method: 'POST',
    path: '/research/sessions/{id}/cancel',
    tag,
    summary: 'Cancel a session (the leader); invitees are notified',
    status: 204,
    handle: ({ rt, actor }, { params }) => cancelSession(rt.db, actor, idParam(params.id)),
  }),
  endpoint({
    method: 'PUT',
    path: '/research/sessions/{id}/rsvp',
    tag,
    summary: 'Answer an invitation to a session: yes, maybe or no',
    body: rsvpInput,
    response: z.object({ rsvp }),
    handle: ({ rt, actor }, { params, body }) => setRsvp(rt.db, actor, idParam(params.id), body),
  }),
  endpoint({
    method: 'POST',
    path: '/research/sessions/{id}/check-in',
    tag,
    summary: 'Check yourself in (an invitee, from 30 minutes before the start until the end)',
    response: z.object({ checkedIn: z.boolean() }),
    handle: ({ rt, actor }, { params }) => checkIn(rt.db, actor, idParam(params.id)),
  }),
  endpoint({
    method: 'PUT',
    path: '/research/sessions/{id}/attendance',
    tag,
    summary: 'Record attendance (the leader): the invitees in userIds attended, the others did not',
    body: attendanceInput,
    response: z.object({ attended: z.number().int() }),
    handle: ({ rt, actor }, { params, body }) => recordAttendance(rt.db, actor, idParam(params.id), body),
  }),
  endpoint({
    method: 'PUT',
    path: '/research/sessions/{id}/minutes',
    tag,
    summary: 'Write the minutes (the leader or an invitee) as Tiptap JSON; what the allow-list does not know is dropped',
    body: minutesInput,
    response: z.object({ minutes: z.record(z.string(), z.unknown()) }),
    handle: async ({ rt, actor }, { params, body }) => ({ minutes: await saveMinutes(rt.db, actor, idParam(params.id), body) }),
  }),
  endpoint({
    method: 'PUT',
    path: '/research/sessions/{id}/published',
    tag,
    summary: 'Publish the session and its minutes to the district (every teacher and researcher may then read it), or take it back (the leader)',
    body: publishInput,
    response: z.object({ published: z.boolean() }),
    handle: ({ rt, actor }, { params, body }) => setPublished(rt.db, actor, idParam(params.id), body),
  }),
  endpoint({
    method: 'POST',
    path: '/research/sessions/{id}/resources',
    tag,
    summary: 'Link a published library resource (its id or address) to the session (a member)',
    body: linkResourceInput,
    response: z.object({ id, title: z.string() }),
    status: 201,
    handle: ({ rt, actor }, { params, body }) => linkResource(rt.db, actor, idParam(params.id), body),
  }),
  endpoint({
    method: 'DELETE',
    path: '/research/sessions/{id}/resources/{resourceId}',
    tag,
    summary: 'Unlink a resource from the session (a member)',
    status: 204,
    handle: ({ rt, actor }, { params }) => unlinkResource(rt.db, actor, idParam(params.id), idParam(params.resourceId)),
  }),
  endpoint({
    method: 'POST',
    path: '/research/sessions/{id}/files',
    tag,
    summary: 'Attach a file to the session (a member): send the raw bytes, the file name in ?name=. The type is judged from the bytes',
    query: z.object({ name: z.string().min(1, 'library.errors.noFile').max(255) }),
    upload: true,
    response: z.object({ id, fileName: z.string(), contentType: z.string(), size: z.number().int() }),
    status: 201,
    handle: async ({ rt, actor, request }, { params, query }) => {
      if (!request.body) throw new AppError(400, { key: 'library.errors.noFile' }, { fields: { file: { key: 'library.errors.noFile' } } })
      return uploadAttachment(rt, actor, idParam(params.id), { fileName: query.name as string, body: Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>) })
    },
  }),
  endpoint({
    method: 'DELETE',
    path: '/research/sessions/{id}/files/{fileId}',
    tag,
    summary: 'Remove a file from the session (its uploader or the leader)',
    status: 204,
    handle: ({ rt, actor }, { params }) => removeAttachment(rt, actor, idParam(params.id), idParam(params.fileId)),
  }),
]
