import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Readable } from 'node:stream'
import { districts, users } from '../../../db/schema'
import { hashPassword } from '../../../app/modules/accounts/passwords.server'
import { notify } from '../../../app/modules/notifications/index.server'
import { uploadAttachment } from '../../../app/modules/research/sessions.server'
import { addDays, shanghaiDay } from '../../../app/modules/research/time'
import { databaseKinds } from '../../support/database'
import { actorFor } from '../../support/media'
import { Browser } from '../../support/pages'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

type RouteFn = Parameters<Browser['open']>[1] & {}
const route = async (name: string) => (await import(`../../../app/routes/${name}`)) as { loader?: RouteFn; action?: RouteFn }

/** The 教研 pages as a browser reaches them: forms with cookies and CSRF, and 404s for whoever is outside. */
describe.each(databaseKinds)('the research pages on %s', (kind) => {
  let rt: Runtime
  const browsers = {} as Record<'researcher' | 'teacher' | 'teacher2' | 'student' | 'outsider', Browser>
  let groupId: string
  let sessionId: string
  let fileId: string

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    const [other] = await rt.db.insert(districts).values({ code: 'other', name: '别的区' }).returning()
    await rt.db.insert(users).values({ username: 'outsider', displayName: '外区教研员', role: 'researcher', districtId: other!.id, passwordHash: await hashPassword('tongxing-demo') })
    for (const who of ['researcher', 'teacher', 'teacher2', 'student', 'outsider'] as const) {
      browsers[who] = new Browser()
      await browsers[who].signIn(who)
    }
  })
  afterAll(() => stopTestRuntime(rt))

  it('forms a group, invites, and the invitee answers from the group page', async () => {
    const home = await route('research._index')
    const researcher = browsers.researcher
    await researcher.open('/research', home.loader)
    const bad = await researcher.submit('/research', home.action!, { intent: 'create', name: '', description: '写了一半的简介' })
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({ ok: false, error: { fields: { name: { key: 'errors.required' } } }, values: { description: '写了一半的简介' } })
    const made = await researcher.submit('/research', home.action!, { intent: 'create', name: '盲校语文教研组', description: '' })
    expect(made.status).toBe(302)
    groupId = made.location!.split('/').pop()!
    expect((await browsers.teacher.submit('/research', home.action!, { intent: 'create', name: '教师不能建组' })).status).toBe(403)

    const page = await route('research.groups.$groupId._index')
    const params = { groupId }
    const invited = await researcher.submit(`/research/groups/${groupId}`, page.action!, { intent: 'invite', userIds: (await actorFor(rt.db, 'teacher')).id }, { params })
    expect(invited.data).toEqual({ ok: true, message: { key: 'research.group.invited', params: { count: 1 } } })

    // The invitee sees the invitation (name, leader), not the group's material.
    const asInvitee = await browsers.teacher.open(`/research/groups/${groupId}`, page.loader, params)
    expect(asInvitee.status).toBe(200)
    expect(asInvitee.data.kind).toBe('invitation')
    expect(asInvitee.data).not.toHaveProperty('members')
    expect(asInvitee.data.invitation).toMatchObject({ name: '盲校语文教研组', leaderName: '李教研', inviterName: '李教研' })
    // Without the form's CSRF token nothing happens.
    expect((await browsers.teacher.submit(`/research/groups/${groupId}`, page.action!, { intent: 'respond', answer: 'accept' }, { params, csrf: null })).status).toBe(403)
    const accepted = await browsers.teacher.submit(`/research/groups/${groupId}`, page.action!, { intent: 'respond', answer: 'accept' }, { params })
    expect(accepted.data).toMatchObject({ ok: true, message: { key: 'research.invitation.accepted' } })
    const asMember = await browsers.teacher.open(`/research/groups/${groupId}`, page.loader, params)
    expect(asMember.data.kind).toBe('group')
    expect(asMember.data.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['张老师', '李教研'].sort())
    expect(asMember.data.can).toEqual({ manage: false, schedule: false, leave: true })
    // Opening the group read the invitation's notification.
    const root = await browsers.teacher.open('/research')
    expect(root.data.unread).toBe(0)
  })

  it('schedules through the form, keeping what was typed on a mistake', async () => {
    const page = await route('research.groups.$groupId.sessions.new')
    const params = { groupId }
    const day = addDays(shanghaiDay(new Date()), 2)
    const fields = { kind: 'lesson_discussion', title: '课例研讨：认识方向', date: day, startTime: '15:00', endTime: '14:00', place: '', onlineUrl: '', agenda: '' }
    const bad = await browsers.researcher.submit(`/research/groups/${groupId}/sessions/new`, page.action!, fields, { params })
    expect(bad.status).toBe(400)
    expect(bad.data.values).toMatchObject({ title: '课例研讨：认识方向', startTime: '15:00' })
    expect(Object.keys(bad.data.error.fields).sort()).toEqual(['endTime', 'place'])
    expect((await browsers.teacher.open(`/research/groups/${groupId}/sessions/new`, page.loader, params)).status).toBe(403)
    const made = await browsers.researcher.submit(`/research/groups/${groupId}/sessions/new`, page.action!, { ...fields, endTime: '16:30', onlineUrl: 'https://meeting.example.cn/1' }, { params })
    expect(made.status).toBe(302)
    sessionId = made.location!.match(/sessions\/([0-9a-f-]{36})/)![1]!
    fileId = (await uploadAttachment(rt, await actorFor(rt.db, 'researcher'), sessionId, { fileName: '议程.txt', body: Readable.from([Buffer.from('议程')]) })).id

    const session = await route('research.sessions.$sessionId._index')
    const rsvp = await browsers.teacher.submit(`/research/sessions/${sessionId}`, session.action!, { intent: 'rsvp', rsvp: 'maybe' }, { params: { sessionId } })
    expect(rsvp.data).toEqual({ ok: true, message: { key: 'research.session.rsvpSaved', params: { answer: 'maybe' } } })
    const seen = await browsers.teacher.open(`/research/sessions/${sessionId}`, session.loader, { sessionId })
    expect(seen.data.session).toMatchObject({ myRsvp: 'maybe', kind: 'lesson_discussion', endTime: '16:30', can: { rsvp: true, edit: false, writeMinutes: true } })
  })

  it('gives non-members a 404 on every page of the group and its sessions, and students no 教研 at all', async () => {
    const pages: [string, string, Record<string, string>][] = [
      ['research.groups.$groupId._index', `/research/groups/${groupId}`, { groupId }],
      ['research.groups.$groupId.sessions.new', `/research/groups/${groupId}/sessions/new`, { groupId }],
      ['research.groups.$groupId.calendar', `/research/groups/${groupId}/calendar`, { groupId }],
      ['research.groups.$groupId.calendar[.]ics', `/research/groups/${groupId}/calendar.ics`, { groupId }],
      ['research.sessions.$sessionId._index', `/research/sessions/${sessionId}`, { sessionId }],
      ['research.sessions.$sessionId.edit', `/research/sessions/${sessionId}/edit`, { sessionId }],
      ['research.files.$fileId', `/research/files/${fileId}`, { fileId }],
    ]
    const guessed = { groupId: '00000000-0000-4000-8000-000000000001', sessionId: '00000000-0000-4000-8000-000000000002', fileId: '00000000-0000-4000-8000-000000000003' }
    for (const who of ['teacher2', 'student', 'outsider'] as const) {
      for (const [name, path, params] of pages) {
        const { loader } = await route(name)
        const opened = await browsers[who].open(path, loader, params)
        expect(opened.status, `${who} ${path}`).toBe(404)
        const other = Object.fromEntries(Object.keys(params).map((k) => [k, guessed[k as keyof typeof guessed]]))
        expect((await browsers[who].open(path, loader, other)).status, `${who} ${path} guessed`).toBe(404)
      }
      const group = await route('research.groups.$groupId._index')
      expect((await browsers[who].submit(`/research/groups/${groupId}`, group.action!, { intent: 'invite', userIds: (await actorFor(rt.db, who)).id }, { params: { groupId } })).status).toBe(404)
      const session = await route('research.sessions.$sessionId._index')
      const sessionPosts: Record<string, string>[] = [{ intent: 'rsvp', rsvp: 'yes' }, { intent: 'minutes', minutes: '{"type":"doc","content":[]}' }, { intent: 'publish' }, { intent: 'checkIn' }]
      for (const fields of sessionPosts) {
        expect((await browsers[who].submit(`/research/sessions/${sessionId}`, session.action!, fields, { params: { sessionId } })).status, `${who} ${fields.intent}`).toBe(404)
      }
      const home = await route('research._index')
      if (who !== 'student') {
        const mine = await browsers[who].open('/research', home.loader)
        expect(mine.data.groups.map((g: { id: string }) => g.id)).not.toContain(groupId)
        expect(mine.data.upcoming.map((s: { id: string }) => s.id)).not.toContain(sessionId)
      }
    }
    const layout = await route('research')
    expect((await browsers.student.open('/research', layout.loader)).status).toBe(403)
    expect((await browsers.teacher.open('/research', layout.loader)).status).toBe(200)
  })

  it('lists notifications, opens one where it leads (read), and marks all read', async () => {
    const page = await route('notifications')
    const teacher = browsers.teacher
    // Opening the session page earlier read its invitation.
    const before = await teacher.open('/notifications', page.loader)
    expect(before.data.notifications.find((n: { kind: string }) => n.kind === 'research.sessionInvitation')).toMatchObject({ link: `/research/sessions/${sessionId}`, readAt: expect.any(String), params: { title: '课例研讨：认识方向', kind: 'lesson_discussion' } })
    await notify(rt.db, { userIds: [(await actorFor(rt.db, 'teacher')).id], kind: 'research.sessionReminder', params: { title: '课例研讨：认识方向', when: '明天' }, link: `/research/sessions/${sessionId}` })
    const listed = await teacher.open('/notifications', page.loader)
    const invitation = listed.data.notifications.find((n: { kind: string; readAt: string | null }) => n.kind === 'research.sessionReminder' && !n.readAt)
    expect(listed.data.unreadCount).toBeGreaterThan(0)
    // Someone else's notification is not found.
    expect((await browsers.teacher2.submit('/notifications', page.action!, { intent: 'open', id: invitation.id })).status).toBe(404)
    const opened = await teacher.submit('/notifications', page.action!, { intent: 'open', id: invitation.id })
    expect(opened.status).toBe(302)
    expect(opened.location).toBe(`/research/sessions/${sessionId}`)
    expect((await teacher.open('/notifications?unread=true', page.loader)).data.notifications.map((n: { id: string }) => n.id)).not.toContain(invitation.id)
    await teacher.submit('/notifications', page.action!, { intent: 'readAll' })
    expect((await teacher.open('/notifications', page.loader)).data.unreadCount).toBe(0)
    expect((await teacher.open('/research')).data.unread).toBe(0)
  })

  it('downloads the group calendar as iCalendar for its members', async () => {
    const { loader } = await route('research.groups.$groupId.calendar[.]ics')
    const got = await browsers.teacher.open(`/research/groups/${groupId}/calendar.ics`, loader, { groupId })
    expect(got.status).toBe(200)
    expect(got.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
    expect(got.headers.get('Content-Disposition')).toMatch(/^attachment; .*\.ics/)
    expect(String(got.data)).toContain('SUMMARY:课例研讨：课例研讨：认识方向')
    expect(String(got.data)).toContain('T150000')
  })
})
