import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client'
import { researchGroupMembers, researchGroups, researchSessionInvitees, researchSessions, schools, users } from '#db/schema'
import { semesterOf } from './semester'
import { addDays, fromShanghai, shanghaiDay } from './time'

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/**
 * The demo's 教研组: 李教研 leads the district group 同行区培智教研组 with 张老师 as a member, and two
 * sessions of the current term — a 专题教研 held a week ago (attendance taken, minutes published to
 * the district) and a 集体备课 next week. Runs inside seedDemo's transaction, before the lesson-study
 * demo, which works in this group.
 */
export async function seedResearchDemo(tx: Tx, districtId: string, now = new Date()) {
  const people = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.districtId, districtId), inArray(users.username, ['researcher', 'teacher'])))
  const id = (username: string) => people.find((u) => u.username === username)!.id
  const [school] = await tx.select({ name: schools.name }).from(schools).where(and(eq(schools.districtId, districtId), eq(schools.kind, 'peizhi')))
  const [group] = await tx
    .insert(researchGroups)
    .values({ districtId, name: '同行区培智教研组', description: '全区培智学校教师的教研组：生活语文、生活数学的分层教学与课例研究。', leaderId: id('researcher'), createdBy: id('researcher') })
    .returning()
  await tx.insert(researchGroupMembers).values([
    { groupId: group!.id, userId: id('researcher'), role: 'leader', status: 'active', invitedBy: id('researcher'), respondedAt: now },
    { groupId: group!.id, userId: id('teacher'), role: 'member', status: 'active', invitedBy: id('researcher'), respondedAt: now },
  ])
  // A week ago, or the term's first day if the term began less than a week ago.
  const today = shanghaiDay(now)
  const termStart = semesterOf(now).start
  const heldDay = addDays(today, -7) < termStart ? termStart : addDays(today, -7)
  const [held, ahead] = await tx
    .insert(researchSessions)
    .values([
      {
        groupId: group!.id,
        kind: 'topic',
        title: '生活语文中的分层提问',
        startsAt: fromShanghai(heldDay, '09:00'),
        endsAt: fromShanghai(heldDay, '11:00'),
        place: `${school?.name ?? '同行区培智学校'} 会议室`,
        agenda: '观摩《认识颜色》片段\n分组研讨：A、B、C 三层提问的设计\n形成下次课的改进要点',
        allMembers: true,
        minutes: { type: 'doc', content: [p('共识：每个环节为 A、B、C 三层学生各设计一个问题，C 层配实物或图片提示。'), p('下次活动前，各校提交一份分层提问设计。')] },
        publishedAt: now,
        createdBy: id('researcher'),
      },
      {
        groupId: group!.id,
        kind: 'collective_planning',
        title: '生活数学《认识人民币》集体备课',
        startsAt: fromShanghai(addDays(today, 7), '14:00'),
        endsAt: fromShanghai(addDays(today, 7), '16:00'),
        place: '同行区特殊教育资源中心 2 楼',
        onlineUrl: 'https://meeting.example.cn/tongxing-demo',
        allMembers: true,
        agenda: '说课：张老师\n讨论分层目标与教具\n分工准备学具',
        createdBy: id('researcher'),
      },
    ])
    .returning()
  await tx.insert(researchSessionInvitees).values([
    { sessionId: held!.id, userId: id('researcher'), rsvp: 'yes', rsvpAt: now, checkedInAt: held!.startsAt, checkedInBy: id('researcher') },
    { sessionId: held!.id, userId: id('teacher'), rsvp: 'yes', rsvpAt: now, checkedInAt: held!.startsAt, checkedInBy: id('teacher') },
    { sessionId: ahead!.id, userId: id('researcher'), rsvp: 'yes', rsvpAt: now },
    { sessionId: ahead!.id, userId: id('teacher') },
  ])
  return group!
}
