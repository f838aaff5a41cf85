import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client'
import { lessonPlanVersions, lessonStudies, lessonStudyNotes, lessonStudyRounds, lessonStudyScores, researchGroupMembers, researchGroups, users } from '#db/schema'
import { defaultDimensions } from './studies/rubric'

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

const text = (t: string) => ({ type: 'text', text: t })
const p = (t: string) => ({ type: 'paragraph', content: [text(t)] })
const h = (t: string) => ({ type: 'heading', attrs: { level: 2 }, content: [text(t)] })
const list = (...items: string[]) => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [p(i)] })) })

const planV1 = {
  type: 'doc',
  content: [
    h('教学目标'),
    list('A 层：能说出红、黄、蓝三种颜色的名称。', 'B 层：能按指令指认红色和黄色。', 'C 层：在辅助下把红色积木放进红色盒子。'),
    h('教学过程'),
    p('一、导入：出示彩色气球，引起注意。'),
    p('二、新授：用颜色卡片逐一认识红、黄、蓝。'),
    p('三、练习：给积木分类。'),
  ],
}
const planV2 = {
  type: 'doc',
  content: [
    h('教学目标'),
    list('A 层：能说出红、黄、蓝三种颜色的名称，并找出教室里同颜色的物品。', 'B 层：能按指令指认红色和黄色。', 'C 层：在辅助下把红色积木放进红色盒子。'),
    h('教学过程'),
    p('一、导入：出示彩色气球和实物水果，引起注意。'),
    p('二、新授：用颜色卡片逐一认识红、黄、蓝，每种颜色配一个手势。'),
    p('三、练习：给积木分类，C 层学生使用带颜色提示的分类盒。'),
  ],
}

/**
 * The demo's lesson study: 张老师's "认识颜色" in the demo district's 教研组 (李教研 leads, 陈老师 observes),
 * one round with two plan versions, three time-coded notes, both observers' rubric scores and the
 * teacher's reflection. No video: a classroom recording is uploaded by hand. Runs inside seedDemo's
 * transaction, after the accounts exist; uses the district's first group led by the researcher, or
 * makes one.
 */
export async function seedStudiesDemo(tx: Tx, districtId: string) {
  const people = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.districtId, districtId), inArray(users.username, ['researcher', 'teacher', 'teacher2'])))
  const id = (username: string) => people.find((u) => u.username === username)?.id
  const researcher = id('researcher')
  const teacher = id('teacher')
  const observer = id('teacher2') ?? researcher
  if (!researcher || !teacher || !observer) return
  let [group] = await tx
    .select({ id: researchGroups.id })
    .from(researchGroups)
    .where(and(eq(researchGroups.districtId, districtId), eq(researchGroups.leaderId, researcher)))
    .orderBy(asc(researchGroups.createdAt))
    .limit(1)
  if (!group) {
    ;[group] = await tx.insert(researchGroups).values({ districtId, name: '培智生活语文教研组', description: '生活语文课例研究与集体备课。', leaderId: researcher, createdBy: researcher }).returning({ id: researchGroups.id })
  }
  for (const [userId, role] of [
    [researcher, 'leader'],
    [teacher, 'member'],
    [observer, 'member'],
  ] as const) {
    await tx
      .insert(researchGroupMembers)
      .values({ groupId: group!.id, userId, role, status: 'active', invitedBy: researcher, respondedAt: new Date() })
      .onConflictDoUpdate({ target: [researchGroupMembers.groupId, researchGroupMembers.userId], set: { status: 'active' } })
  }
  const [study] = await tx.insert(lessonStudies).values({ districtId, groupId: group!.id, title: '认识颜色', teacherId: teacher, createdById: researcher, dimensions: defaultDimensions }).returning()
  const [round] = await tx
    .insert(lessonStudyRounds)
    .values({ studyId: study!.id, number: 1, reflection: { type: 'doc', content: [p('学生对实物比卡片更感兴趣；C 层学生需要更多操作时间，下一轮把分类练习提前。')] }, reflectionUpdatedAt: new Date() })
    .returning()
  await tx.insert(lessonPlanVersions).values([
    { studyId: study!.id, roundId: round!.id, number: 1, baseNumber: null, doc: planV1, authorId: teacher },
    { studyId: study!.id, roundId: round!.id, number: 2, baseNumber: 1, doc: planV2, authorId: observer },
  ])
  await tx.insert(lessonStudyNotes).values([
    { roundId: round!.id, authorId: observer, atSeconds: 45, body: '导入时学生很快注意到气球，小明主动说出“红色”。' },
    { roundId: round!.id, authorId: researcher, atSeconds: 195, body: '新授环节教师语速偏快，B 层学生跟不上指令。' },
    { roundId: round!.id, authorId: observer, atSeconds: 390, body: 'C 层学生使用分类盒时需要教师手把手辅助。' },
  ])
  const scores: [string, string, number, string][] = [
    [researcher, 'goals', 4, '目标分层清楚。'],
    [researcher, 'support', 3, 'C 层支持可以更具体。'],
    [researcher, 'interaction', 4, ''],
    [researcher, 'devices', 3, ''],
    [observer, 'goals', 5, ''],
    [observer, 'support', 4, ''],
    [observer, 'interaction', 4, '提问覆盖到每个学生。'],
    [observer, 'devices', 2, '分类盒没有颜色提示。'],
  ]
  await tx.insert(lessonStudyScores).values(scores.map(([observerId, dimension, score, comment]) => ({ roundId: round!.id, observerId, dimension, score, comment })))
}
