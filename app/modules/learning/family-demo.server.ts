import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client'
import { familyNotes, guardianConsents, homePractice, homeVisits, studentProfiles, users } from '#db/schema'

type Executor = Pick<Database, 'select' | 'insert'>

const daysAgo = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10)

/**
 * The demo student's family-side data (decision record 010): consent given by the demo family, a
 * profile, a teacher's note, a home-practice record and a 送教上门 visit. Called once, with the demo district.
 */
export async function seedFamilyDemo(db: Executor, districtId: string) {
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.districtId, districtId), inArray(users.username, ['teacher', 'student', 'family'])))
  const id = (username: string) => people.find((p) => p.username === username)?.id
  const teacher = id('teacher')
  const student = id('student')
  const family = id('family')
  if (!teacher || !student || !family) return
  await db.insert(guardianConsents).values({ studentId: student, districtId, method: 'family-account', familyId: family, recordedBy: family, guardianName: '小明妈妈' })
  await db.insert(studentProfiles).values({ studentId: student, districtId, disabilityCategory: 'intellectual', supportNeeds: '需要图片提示卡和分步示范；每次学习 15 分钟左右后休息。', updatedBy: teacher })
  await db.insert(familyNotes).values({ studentId: student, authorId: teacher, body: '小明这周能自己按顺序整理书包了。请在家里继续练习“四步洗手”，每天一次。' })
  await db.insert(homePractice).values({ studentId: student, familyId: family, practisedOn: daysAgo(1), activity: '四步洗手', minutes: 10, note: '能自己打肥皂，冲洗时还需要提醒。' })
  await db.insert(homeVisits).values({
    studentId: student,
    districtId,
    teacherId: teacher,
    visitedOn: daysAgo(3),
    durationMinutes: 90,
    taught: '认识人民币：1 元和 5 元；生活适应：整理书包。',
    notes: '家长陪同；孩子对纸币很感兴趣，下次带练习卡。',
  })
}
