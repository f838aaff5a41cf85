import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { districts, notifications, researchGroupMembers, researchSessionInvitees, schools, users } from '../../../db/schema'
import type { Actor } from '../../../app/modules/accounts/actor'
import { hashPassword } from '../../../app/modules/accounts/passwords.server'
import { notify, unreadCount } from '../../../app/modules/notifications/index.server'
import {
  createGroup,
  groupIdsOf,
  inviteMembers,
  isGroupLeader,
  listGroups,
  removeMember,
  requireGroupMember,
  respondToInvitation,
  setGroupArchived,
  transferLeadership,
} from '../../../app/modules/research/groups.server'
import { createSession } from '../../../app/modules/research/sessions.server'
import { AppError } from '../../../app/platform/errors'
import { databaseKinds } from '../../support/database'
import { actorFor } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (e) => (e instanceof AppError ? e.status : Promise.reject(e)),
  )

describe.each(databaseKinds)('research groups on %s', (kind) => {
  let rt: Runtime
  const a = {} as Record<'admin' | 'researcher' | 'teacher' | 'teacher2' | 'student' | 'family' | 'outsider', Actor>

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    for (const name of ['admin', 'researcher', 'teacher', 'teacher2', 'student', 'family'] as const) a[name] = await actorFor(rt.db, name)
    const [other] = await rt.db.insert(districts).values({ code: 'other', name: '别的区' }).returning()
    await rt.db.insert(users).values({ username: 'outsider', displayName: '外区教研员', role: 'researcher', districtId: other!.id, passwordHash: await hashPassword('tongxing-demo') })
    a.outsider = await actorFor(rt.db, 'outsider')
  })
  afterAll(() => stopTestRuntime(rt))

  it('lets researchers and admins form groups, not teachers, students or families', async () => {
    for (const who of ['teacher', 'student', 'family'] as const) expect(await statusOf(createGroup(rt.db, a[who], { name: `${who} 的组` }))).toBe(403)
    // An administrator names the leader; the leader hears about it.
    expect(await statusOf(createGroup(rt.db, a.admin, { name: '无组长' }))).toBe(400)
    const byAdmin = await createGroup(rt.db, a.admin, { name: '资源中心教研组', leaderId: a.researcher.id })
    expect(byAdmin.leaderId).toBe(a.researcher.id)
    expect(await isGroupLeader(rt.db, a.researcher, byAdmin.id)).toBe(true)
    const appointed = await rt.db.select().from(notifications).where(eq(notifications.userId, a.researcher.id))
    expect(appointed.map((n) => [n.kind, n.params, n.link])).toContainEqual(['research.leaderAppointed', { from: '王管理', group: '资源中心教研组' }, `/research/groups/${byAdmin.id}`])
    // Students cannot lead; a school-level group needs a school of the district.
    await expect(createGroup(rt.db, a.admin, { name: 'x', leaderId: a.student.id })).rejects.toMatchObject({ options: { fields: { leaderId: { key: 'research.errors.notEligible' } } } })
    await expect(createGroup(rt.db, a.researcher, { name: 'x', schoolId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ options: { fields: { schoolId: { key: 'research.errors.schoolNotFound' } } } })
  })

  it('invites, accepts and declines; only active members (and district admins) read the group', async () => {
    const group = await createGroup(rt.db, a.researcher, { name: '培智语文教研组', description: '生活语文' })
    expect(await groupIdsOf(rt.db, a.researcher)).toContain(group.id)
    expect(await isGroupLeader(rt.db, a.researcher, group.id)).toBe(true)
    expect(await isGroupLeader(rt.db, a.teacher, group.id)).toBe(false)

    // Students, families and other districts cannot be invited.
    for (const who of ['student', 'family', 'outsider'] as const) await expect(inviteMembers(rt.db, a.researcher, group.id, { userIds: [a[who].id] })).rejects.toMatchObject({ status: 400 })
    // Only the leader invites.
    expect(await statusOf(inviteMembers(rt.db, a.teacher, group.id, { userIds: [a.teacher2.id] }))).toBe(404)

    const { invited } = await inviteMembers(rt.db, a.researcher, group.id, { userIds: [a.teacher.id, a.teacher2.id] })
    expect(invited.sort()).toEqual([a.teacher.id, a.teacher2.id].sort())
    const sent = await rt.db.select().from(notifications).where(eq(notifications.kind, 'research.groupInvitation'))
    expect(sent.filter((n) => n.link === `/research/groups/${group.id}`).map((n) => n.userId).sort()).toEqual(invited.sort())

    // An open invitation does not open the group.
    for (const who of ['teacher', 'teacher2', 'student', 'family', 'outsider'] as const) expect(await statusOf(requireGroupMember(rt.db, a[who], group.id))).toBe(404)
    expect(await statusOf(requireGroupMember(rt.db, a.admin, group.id))).toBe(200)
    expect((await listGroups(rt.db, a.teacher)).invitations.map((g) => g.id)).toContain(group.id)

    await respondToInvitation(rt.db, a.teacher, group.id, { answer: 'accept' })
    await respondToInvitation(rt.db, a.teacher2, group.id, { answer: 'decline' })
    expect(await statusOf(respondToInvitation(rt.db, a.teacher, group.id, { answer: 'decline' }))).toBe(404)
    expect(await statusOf(requireGroupMember(rt.db, a.teacher, group.id))).toBe(200)
    expect(await statusOf(requireGroupMember(rt.db, a.teacher2, group.id))).toBe(404)
    expect(await groupIdsOf(rt.db, a.teacher)).toContain(group.id)
    expect(await groupIdsOf(rt.db, a.teacher2)).not.toContain(group.id)
    const rows = await rt.db.select().from(researchGroupMembers).where(eq(researchGroupMembers.groupId, group.id))
    expect(Object.fromEntries(rows.map((r) => [r.userId, `${r.role}/${r.status}`]))).toEqual({
      [a.researcher.id]: 'leader/active',
      [a.teacher.id]: 'member/active',
      [a.teacher2.id]: 'member/declined',
    })

    // A guessed or malformed id is the same 404.
    expect(await statusOf(requireGroupMember(rt.db, a.teacher, '00000000-0000-4000-8000-000000000000'))).toBe(404)
    expect(await statusOf(requireGroupMember(rt.db, a.teacher, 'not-an-id'))).toBe(404)
    expect(await statusOf(requireGroupMember(rt.db, a.outsider, group.id))).toBe(404)
  })

  it('hands leadership to an active member only, and keeps the leader from leaving', async () => {
    const group = await createGroup(rt.db, a.researcher, { name: '聋校数学教研组' })
    await inviteMembers(rt.db, a.researcher, group.id, { userIds: [a.teacher.id, a.teacher2.id] })
    await respondToInvitation(rt.db, a.teacher, group.id, { answer: 'accept' })
    await expect(transferLeadership(rt.db, a.researcher, group.id, { userId: a.teacher2.id })).rejects.toMatchObject({ options: { fields: { userId: { key: 'research.errors.notActiveMember' } } } })
    expect(await statusOf(removeMember(rt.db, a.researcher, group.id, a.researcher.id))).toBe(409)
    await transferLeadership(rt.db, a.researcher, group.id, { userId: a.teacher.id })
    expect(await isGroupLeader(rt.db, a.teacher, group.id)).toBe(true)
    expect(await isGroupLeader(rt.db, a.researcher, group.id)).toBe(false)
    expect(await statusOf(inviteMembers(rt.db, a.researcher, group.id, { userIds: [a.teacher2.id] }))).toBe(403)
    // The old leader may now leave (and is no longer expected at coming sessions); the new one withdraws the open invitation.
    const coming = await createSession(rt.db, a.teacher, group.id, { kind: 'collective_planning', title: '离开前', date: '2030-03-02', startTime: '14:00', endTime: '15:00', place: '201' })
    const past = await createSession(rt.db, a.teacher, group.id, { kind: 'topic', title: '已开过', date: '2020-03-02', startTime: '14:00', endTime: '15:00', place: '201' })
    await removeMember(rt.db, a.researcher, group.id, a.researcher.id)
    const left = await rt.db.select().from(researchSessionInvitees).where(eq(researchSessionInvitees.userId, a.researcher.id))
    expect(left.some((i) => i.sessionId === coming.id)).toBe(false)
    expect(left.some((i) => i.sessionId === past.id)).toBe(true)
    expect(await statusOf(requireGroupMember(rt.db, a.researcher, group.id))).toBe(404)
    await removeMember(rt.db, a.teacher, group.id, a.teacher2.id)
    expect(await statusOf(respondToInvitation(rt.db, a.teacher2, group.id, { answer: 'accept' }))).toBe(404)
  })

  it('keeps a school-level group to its school’s teachers (and district researchers), and closes an archived group to new work', async () => {
    const [mangxiao] = await rt.db.select().from(schools).where(eq(schools.name, '同行区盲校'))
    const group = await createGroup(rt.db, a.researcher, { name: '盲校教研组', schoolId: mangxiao!.id })
    expect(group.schoolId).toBe(mangxiao!.id)
    await expect(inviteMembers(rt.db, a.researcher, group.id, { userIds: [a.teacher.id] })).rejects.toMatchObject({ options: { fields: { userIds: { key: 'research.errors.otherSchool' } } } })
    expect((await listGroups(rt.db, a.researcher)).groups.find((g) => g.id === group.id)).toMatchObject({ level: 'school', schoolName: '同行区盲校', memberCount: 1, myRole: 'leader' })

    const open = await createGroup(rt.db, a.researcher, { name: '将归档的组' })
    await setGroupArchived(rt.db, a.researcher, open.id, true)
    await expect(inviteMembers(rt.db, a.researcher, open.id, { userIds: [a.teacher2.id] })).rejects.toMatchObject({ status: 409, userMessage: { key: 'research.errors.archived' } })
    await expect(createSession(rt.db, a.researcher, open.id, { kind: 'topic', title: '归档后', date: '2030-03-02', startTime: '14:00', endTime: '15:00', place: '201' })).rejects.toMatchObject({ status: 409 })
    // Still readable by its members.
    expect(await statusOf(requireGroupMember(rt.db, a.researcher, open.id))).toBe(200)
    await setGroupArchived(rt.db, a.researcher, open.id, false)
    expect((await createSession(rt.db, a.researcher, open.id, { kind: 'topic', title: '恢复后', date: '2030-03-02', startTime: '14:00', endTime: '15:00', place: '201' })).title).toBe('恢复后')
  })

  it('notifies once per dedupe key, even when sent twice at once', async () => {
    const before = await unreadCount(rt.db, a.teacher2)
    const send = () => notify(rt.db, { userIds: [a.teacher2.id, a.teacher2.id], kind: 'research.sessionReminder', params: { title: '测试', when: '2026-03-02 14:00' }, link: '/research', dedupeKey: 'test-once' })
    const [first, second] = await Promise.all([send(), send()])
    expect([...first!, ...second!]).toEqual([a.teacher2.id])
    expect(await send()).toEqual([])
    expect(await unreadCount(rt.db, a.teacher2)).toBe(before + 1)
    // Inside a transaction that rolls back, nothing is sent.
    await rt.db
      .transaction(async (tx) => {
        await notify(tx, { userIds: [a.teacher2.id], kind: 'research.sessionReminder', params: {}, link: '/research' })
        throw new Error('rolled back')
      })
      .catch(() => {})
    expect(await unreadCount(rt.db, a.teacher2)).toBe(before + 1)
  })
})
