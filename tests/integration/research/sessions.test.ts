import { Readable } from 'node:stream'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { districts, notifications, researchSessionFiles, researchSessionInvitees, users } from '../../../db/schema'
import type { Actor } from '../../../app/modules/accounts/actor'
import { hashPassword } from '../../../app/modules/accounts/passwords.server'
import { createResource, publishDirectly } from '../../../app/modules/library/resources.server'
import { createGroup, inviteMembers, respondToInvitation } from '../../../app/modules/research/groups.server'
import { sendSessionReminders, uploadAttachment, attachmentResponse, checkIn } from '../../../app/modules/research/sessions.server'
import { addDays, shanghaiDay } from '../../../app/modules/research/time'
import { databaseKinds } from '../../support/database'
import { api, apiToken } from '../../support/http'
import { actorFor } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'
import { lessonInput } from '../library/fixtures'

type Who = 'admin' | 'researcher' | 'teacher' | 'teacher2' | 'student' | 'family' | 'outsider'
const today = () => shanghaiDay(new Date())
const sessionBody = (extra: Record<string, unknown> = {}) => ({ kind: 'topic', title: '绘本教学中的分层提问', date: addDays(today(), 3), startTime: '14:00', endTime: '16:00', place: '培智学校 201 教室', agenda: '1. 观摩\n2. 研讨', ...extra })
const fieldCodes = (fields: Record<string, { code: string; messages: Record<string, string> }>) =>
  Object.fromEntries(
    Object.entries(fields).map(([f, m]) => {
      expect(m.messages['zh-CN']).not.toBe(m.messages.en)
      expect(m.messages.en).not.toMatch(/^research\./)
      return [f, m.code]
    }),
  )

describe.each(databaseKinds)('research sessions on %s', (kind) => {
  let rt: Runtime
  const token = {} as Record<Who, string>
  const a = {} as Record<Who, Actor>
  let groupId: string
  let sessionId: string
  const notificationsOf = (userId: string, kind: string) => rt.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    const [other] = await rt.db.insert(districts).values({ code: 'other', name: '别的区' }).returning()
    await rt.db.insert(users).values({ username: 'outsider', displayName: '外区教研员', role: 'researcher', districtId: other!.id, passwordHash: await hashPassword('tongxing-demo') })
    for (const who of ['admin', 'researcher', 'teacher', 'teacher2', 'student', 'family', 'outsider'] as const) {
      token[who] = await apiToken(who)
      a[who] = await actorFor(rt.db, who)
    }
    const created = await api('POST', '/research/groups', { token: token.researcher, body: { name: '培智语文教研组', description: '生活语文的分层教学' } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    groupId = created.body.id
    const invited = await api('POST', `/research/groups/${groupId}/invitations`, { token: token.researcher, body: { userIds: [a.teacher.id, a.teacher2.id] } })
    expect(invited.status).toBe(200)
    expect((await api('POST', `/research/groups/${groupId}/response`, { token: token.teacher, body: { answer: 'accept' } })).body).toEqual({ status: 'active' })
  })
  afterAll(() => stopTestRuntime(rt))

  it('schedules a session, refusing bad input field by field in both languages and saving nothing of it', async () => {
    const bad = await api('POST', `/research/groups/${groupId}/sessions`, { token: token.researcher, body: { kind: 'party', title: '', date: '2026-02-30', startTime: '25:00', endTime: '10:00', onlineUrl: 'javascript:alert(1)' } })
    expect(bad.status).toBe(400)
    expect(fieldCodes(bad.body.error.fields)).toMatchObject({ kind: 'research.errors.kind', title: 'required', startTime: 'research.errors.time', onlineUrl: 'research.errors.onlineUrl' })
    const order = await api('POST', `/research/groups/${groupId}/sessions`, { token: token.researcher, body: sessionBody({ startTime: '16:00', endTime: '15:00', place: '' }), lang: 'en' })
    expect(fieldCodes(order.body.error.fields)).toEqual({ endTime: 'research.errors.endBeforeStart', place: 'research.errors.placeOrLink' })
    expect(order.body.error.fields.endTime.message).toBe('The end time must be after the start time.')
    // Only active members can be invited; only the leader schedules.
    const outside = await api('POST', `/research/groups/${groupId}/sessions`, { token: token.researcher, body: sessionBody({ inviteeIds: [a.teacher2.id] }) })
    expect(fieldCodes(outside.body.error.fields)).toEqual({ inviteeIds: 'research.errors.notEligible' })
    expect((await api('POST', `/research/groups/${groupId}/sessions`, { token: token.teacher, body: sessionBody() })).status).toBe(403)
    expect((await api('GET', `/research/groups/${groupId}/sessions`, { token: token.researcher })).body.upcoming).toEqual([])

    const created = await api('POST', `/research/groups/${groupId}/sessions`, { token: token.researcher, body: sessionBody() })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    sessionId = created.body.id
    const view = await api('GET', `/research/sessions/${sessionId}`, { token: token.teacher })
    expect(view.body).toMatchObject({ kind: 'topic', title: '绘本教学中的分层提问', day: addDays(today(), 3), startTime: '14:00', endTime: '16:00', place: '培智学校 201 教室', agenda: '1. 观摩\n2. 研讨', access: 'member', myRsvp: 'pending' })
    // 14:00 in Shanghai is 06:00 UTC.
    expect(view.body.startsAt).toBe(`${addDays(today(), 3)}T06:00:00.000Z`)
    expect(view.body.invitees.map((i: { displayName: string }) => i.displayName).sort()).toEqual(['张老师', '李教研'].sort())
    // The teacher was invited (once); the leader, who scheduled it, was not told.
    const invitation = await notificationsOf(a.teacher.id, 'research.sessionInvitation')
    expect(invitation).toHaveLength(1)
    expect(invitation[0]!.link).toBe(`/research/sessions/${sessionId}`)
    expect(await notificationsOf(a.researcher.id, 'research.sessionInvitation')).toHaveLength(0)
    const listed = await api('GET', '/notifications', { token: token.teacher, lang: 'en' })
    const message = listed.body.notifications.find((n: { kind: string }) => n.kind === 'research.sessionInvitation')
    expect(message.message).toBe(`You are invited to the research session “绘本教学中的分层提问” (Thematic research) on ${addDays(today(), 3)} 14:00–16:00.`)
    expect(message.messages['zh-CN']).toContain('（专题教研）')
  })

  it('stores RSVPs and attendance, and lets invitees check in only around the session', async () => {
    expect((await api('PUT', `/research/sessions/${sessionId}/rsvp`, { token: token.teacher, body: { rsvp: 'yes' } })).body).toEqual({ rsvp: 'yes' })
    expect((await api('PUT', `/research/sessions/${sessionId}/rsvp`, { token: token.teacher, body: { rsvp: 'perhaps' } })).status).toBe(400)
    const [row] = await rt.db.select().from(researchSessionInvitees).where(and(eq(researchSessionInvitees.sessionId, sessionId), eq(researchSessionInvitees.userId, a.teacher.id)))
    expect(row!.rsvp).toBe('yes')
    expect(row!.rsvpAt).not.toBeNull()

    // Three days ahead: too early to check in.
    const early = await api('POST', `/research/sessions/${sessionId}/check-in`, { token: token.teacher })
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('research.errors.checkInClosed')
    const start = new Date(`${addDays(today(), 3)}T06:00:00.000Z`)
    expect(await checkIn(rt.db, a.teacher, sessionId, new Date(start.getTime() - 10 * 60_000))).toEqual({ checkedIn: true })
    await expect(checkIn(rt.db, a.teacher, sessionId, new Date(start.getTime() + 3 * 3600_000))).rejects.toMatchObject({ status: 409 })

    // The leader records attendance; only invitees can be in it.
    expect((await api('PUT', `/research/sessions/${sessionId}/attendance`, { token: token.teacher, body: { userIds: [a.teacher.id] } })).status).toBe(403)
    expect((await api('PUT', `/research/sessions/${sessionId}/attendance`, { token: token.researcher, body: { userIds: [a.teacher2.id] } })).status).toBe(400)
    expect((await api('PUT', `/research/sessions/${sessionId}/attendance`, { token: token.researcher, body: { userIds: [a.researcher.id, a.teacher.id] } })).body).toEqual({ attended: 2 })
    const view = (await api('GET', `/research/sessions/${sessionId}`, { token: token.researcher })).body
    expect(Object.fromEntries(view.invitees.map((i: { displayName: string; rsvp: string; checkedIn: boolean }) => [i.displayName, `${i.rsvp}/${i.checkedIn}`]))).toEqual({ 张老师: 'yes/true', 李教研: 'pending/true' })
    // The self check-in time is kept when the leader confirms it.
    const [after] = await rt.db.select().from(researchSessionInvitees).where(and(eq(researchSessionInvitees.sessionId, sessionId), eq(researchSessionInvitees.userId, a.teacher.id)))
    expect(after!.checkedInAt!.getTime()).toBe(start.getTime() - 10 * 60_000)
    expect(after!.checkedInBy).toBe(a.teacher.id)
    await api('PUT', `/research/sessions/${sessionId}/attendance`, { token: token.researcher, body: { userIds: [a.researcher.id] } })
    const [cleared] = await rt.db.select().from(researchSessionInvitees).where(and(eq(researchSessionInvitees.sessionId, sessionId), eq(researchSessionInvitees.userId, a.teacher.id)))
    expect(cleared!.checkedInAt).toBeNull()
  })

  it('gives non-members a 404 on every endpoint of the group and its sessions, guessed ids included', async () => {
    const file = await uploadAttachment(rt, a.teacher, sessionId, { fileName: '观察记录.txt', body: Readable.from([Buffer.from('第一环节：提问三次')]) })
    const gid = groupId
    const sid = sessionId
    const calls: [string, string, unknown?][] = [
      ['GET', `/research/groups/${gid}`],
      ['PUT', `/research/groups/${gid}`, { name: '改名' }],
      ['PUT', `/research/groups/${gid}/archived`, { archived: true }],
      ['POST', `/research/groups/${gid}/invitations`, { userIds: [a.teacher2.id] }],
      ['PUT', `/research/groups/${gid}/leader`, { userId: a.teacher.id }],
      ['DELETE', `/research/groups/${gid}/members/${a.teacher.id}`],
      ['GET', `/research/groups/${gid}/sessions`],
      ['POST', `/research/groups/${gid}/sessions`, sessionBody()],
      ['GET', `/research/sessions/${sid}`],
      ['PUT', `/research/sessions/${sid}`, sessionBody()],
      ['POST', `/research/sessions/${sid}/cancel`],
      ['PUT', `/research/sessions/${sid}/rsvp`, { rsvp: 'yes' }],
      ['POST', `/research/sessions/${sid}/check-in`],
      ['PUT', `/research/sessions/${sid}/attendance`, { userIds: [] }],
      ['PUT', `/research/sessions/${sid}/minutes`, { minutes: { type: 'doc', content: [] } }],
      ['PUT', `/research/sessions/${sid}/published`, { published: true }],
      ['POST', `/research/sessions/${sid}/resources`, { resourceId: sid }],
      ['DELETE', `/research/sessions/${sid}/resources/${sid}`],
      ['DELETE', `/research/sessions/${sid}/files/${file.id}`],
    ]
    // teacher2 is invited but has not answered: the group is still closed to them.
    for (const who of ['teacher2', 'student', 'family', 'outsider'] as const) {
      for (const [method, path, body] of calls) {
        const response = await api(method, path, { token: token[who], body })
        expect(response.status, `${who} ${method} ${path}`).toBe(404)
      }
      for (const [method, path, body] of calls) {
        const guessed = path.replace(gid, '00000000-0000-4000-8000-000000000001').replace(sid, '00000000-0000-4000-8000-000000000002')
        expect((await api(method, guessed, { token: token[who], body })).status, `${who} ${method} ${guessed}`).toBe(404)
      }
      expect((await api('GET', '/research/groups', { token: token[who] })).body.groups.map((g: { id: string }) => g.id)).not.toContain(gid)
      expect((await api('GET', '/research/sessions', { token: token[who] })).body.sessions.map((s: { id: string }) => s.id)).not.toContain(sid)
      await expect(attachmentResponse(rt, a[who], file.id)).rejects.toMatchObject({ status: 404 })
    }
    // The file itself is there for members, with its name and bytes.
    const response = await attachmentResponse(rt, a.researcher, file.id)
    expect(response.headers.get('Content-Disposition')).toContain("filename*=UTF-8''%E8%A7%82")
    expect(await response.text()).toBe('第一环节：提问三次')
    expect(await rt.db.select().from(researchSessionFiles).where(eq(researchSessionFiles.sessionId, sid))).toHaveLength(1)
    // The district administrator reads, but does not act.
    expect((await api('GET', `/research/sessions/${sid}`, { token: token.admin })).body.access).toBe('admin')
    expect((await api('PUT', `/research/sessions/${sid}/minutes`, { token: token.admin, body: { minutes: { type: 'doc', content: [] } } })).status).toBe(403)
  })

  it('publishes the minutes to the district: then teachers and researchers of it read the session, nobody else', async () => {
    const minutes = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '共识：提问分三层。' }] }, { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] }
    expect((await api('PUT', `/research/sessions/${sessionId}/published`, { token: token.researcher, body: { published: true } })).status).toBe(409)
    const saved = await api('PUT', `/research/sessions/${sessionId}/minutes`, { token: token.teacher, body: { minutes } })
    expect(saved.status).toBe(200)
    expect(JSON.stringify(saved.body.minutes)).not.toContain('script')
    expect(JSON.stringify(saved.body.minutes)).toContain('共识：提问分三层。')
    expect((await api('PUT', `/research/sessions/${sessionId}/published`, { token: token.teacher, body: { published: true } })).status).toBe(403)
    expect((await api('GET', `/research/sessions/${sessionId}`, { token: token.teacher2 })).status).toBe(404)
    expect((await api('PUT', `/research/sessions/${sessionId}/published`, { token: token.researcher, body: { published: true } })).body).toEqual({ published: true })

    // Outsiders of the group find it among the district's published minutes.
    expect((await api('GET', '/research/published', { token: token.teacher2 })).body.sessions.map((s: { id: string }) => s.id)).toContain(sessionId)
    for (const who of ['student', 'family', 'outsider'] as const) expect((await api('GET', '/research/published', { token: token[who] })).body.sessions.map((s: { id: string }) => s.id)).not.toContain(sessionId)
    const read = await api('GET', `/research/sessions/${sessionId}`, { token: token.teacher2 })
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ access: 'published', invitees: null, title: '绘本教学中的分层提问' })
    expect(JSON.stringify(read.body.minutes)).toContain('共识')
    // Reading is all: the group stays closed, and the session cannot be changed.
    expect((await api('GET', `/research/groups/${groupId}`, { token: token.teacher2 })).status).toBe(404)
    expect((await api('PUT', `/research/sessions/${sessionId}/minutes`, { token: token.teacher2, body: { minutes } })).status).toBe(403)
    for (const who of ['student', 'family', 'outsider'] as const) expect((await api('GET', `/research/sessions/${sessionId}`, { token: token[who] })).status).toBe(404)

    await api('PUT', `/research/sessions/${sessionId}/published`, { token: token.researcher, body: { published: false } })
    expect((await api('GET', '/research/published', { token: token.teacher2 })).body.sessions.map((s: { id: string }) => s.id)).not.toContain(sessionId)
    expect((await api('GET', `/research/sessions/${sessionId}`, { token: token.teacher2 })).status).toBe(404)
  })

  it('links published library resources of the district only', async () => {
    const draft = await createResource(rt.db, a.teacher, lessonInput('草稿课例'))
    const bad = await api('POST', `/research/sessions/${sessionId}/resources`, { token: token.teacher, body: { resourceId: draft.id } })
    expect(fieldCodes(bad.body.error.fields)).toEqual({ resourceId: 'research.errors.resourceNotFound' })
    await publishDirectly(rt.db, draft.id)
    const linked = await api('POST', `/research/sessions/${sessionId}/resources`, { token: token.teacher, body: { resourceId: `http://localhost:3000/library/${draft.id}` } })
    expect(linked.status, JSON.stringify(linked.body)).toBe(201)
    expect((await api('POST', `/research/sessions/${sessionId}/resources`, { token: token.teacher, body: { resourceId: draft.id } })).status).toBe(400)
    expect((await api('GET', `/research/sessions/${sessionId}`, { token: token.researcher })).body.resources).toEqual([{ id: draft.id, title: '草稿课例' }])
    expect((await api('DELETE', `/research/sessions/${sessionId}/resources/${draft.id}`, { token: token.teacher })).status).toBe(204)
  })

  it('reminds each invitee once, the day before, however often the job runs', async () => {
    const tomorrow = await api('POST', `/research/groups/${groupId}/sessions`, { token: token.researcher, body: sessionBody({ title: '明天的集体备课', kind: 'collective_planning', date: addDays(today(), 1), startTime: '09:00', endTime: '10:30' }) })
    const id = tomorrow.body.id as string
    await respondToInvitation(rt.db, a.teacher2, groupId, { answer: 'accept' })
    // Joining the group invites the newcomer to its coming sessions that invite the whole group.
    const joined = await api('GET', `/research/sessions/${sessionId}`, { token: token.teacher2 })
    expect(joined.body).toMatchObject({ access: 'member', allMembers: true, myRsvp: 'pending' })
    expect((await notificationsOf(a.teacher2.id, 'research.sessionInvitation')).map((n) => n.link)).toEqual(expect.arrayContaining([`/research/sessions/${sessionId}`, `/research/sessions/${id}`]))
    const later = await api('PUT', `/research/sessions/${id}`, { token: token.researcher, body: sessionBody({ title: '明天的集体备课', kind: 'collective_planning', date: addDays(today(), 1), startTime: '09:00', endTime: '10:30', inviteeIds: [a.researcher.id, a.teacher.id, a.teacher2.id] }) })
    expect(later.status).toBe(204)
    await api('PUT', `/research/sessions/${id}/rsvp`, { token: token.teacher2, body: { rsvp: 'no' } })
    const reminders = async () => (await rt.db.select().from(notifications).where(eq(notifications.kind, 'research.sessionReminder'))).filter((n) => n.link === `/research/sessions/${id}`)
    await Promise.all([sendSessionReminders(rt.db), sendSessionReminders(rt.db)])
    await sendSessionReminders(rt.db)
    const sent = await reminders()
    expect(sent.map((n) => n.userId).sort()).toEqual([a.researcher.id, a.teacher.id].sort())
    // Moved to another day, the session is reminded of again (once) the day before its new date.
    await api('PUT', `/research/sessions/${id}`, { token: token.researcher, body: sessionBody({ title: '明天的集体备课', kind: 'collective_planning', date: addDays(today(), 2), startTime: '09:00', endTime: '10:30' }) })
    await sendSessionReminders(rt.db)
    expect(await reminders()).toHaveLength(2)
    const dayAfter = new Date(Date.now() + 86_400_000)
    await sendSessionReminders(rt.db, dayAfter)
    await sendSessionReminders(rt.db, dayAfter)
    expect(await reminders()).toHaveLength(4)
    // The teacher heard of the change of day too.
    expect((await notificationsOf(a.teacher.id, 'research.sessionChanged')).filter((n) => n.link === `/research/sessions/${id}`)).toHaveLength(1)
    // A cancelled session is not reminded of.
    await api('POST', `/research/sessions/${id}/cancel`, { token: token.researcher })
    expect((await notificationsOf(a.teacher.id, 'research.sessionCancelled')).length).toBe(1)
  })

  it('lists, marks read and marks all read only the caller’s own notifications', async () => {
    const mine = await api('GET', '/notifications?unread=true', { token: token.teacher })
    expect(mine.body.unreadCount).toBeGreaterThan(1)
    const first = mine.body.notifications[0]
    expect((await api('POST', `/notifications/${first.id}/read`, { token: token.teacher2 })).status).toBe(404)
    expect((await api('POST', `/notifications/${first.id}/read`, { token: token.teacher })).status).toBe(204)
    expect((await api('GET', '/notifications', { token: token.teacher })).body.unreadCount).toBe(mine.body.unreadCount - 1)
    const all = await api('POST', '/notifications/read-all', { token: token.teacher })
    expect(all.body.marked).toBe(mine.body.unreadCount - 1)
    expect((await api('GET', '/notifications?unread=true', { token: token.teacher })).body.notifications).toEqual([])
    expect((await api('GET', '/notifications', { token: token.teacher2 })).body.unreadCount).toBeGreaterThan(0)
  })
})
