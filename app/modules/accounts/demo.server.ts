import { eq } from 'drizzle-orm'
import type { Database } from '#db/client'
import { classMembers, classes, districts, familyLinks, schools, users } from '#db/schema'
import { seedStudiesDemo } from '~/modules/research/studies-demo.server'
import { seedResearchDemo } from '~/modules/research/demo.server'
import { seedFamilyDemo } from '~/modules/learning/family-demo.server'
import { hashPassword } from './passwords.server'
import type { Role } from './permissions'

export const demoPassword = 'tongxing-demo'
export const demoDistrictCode = 'demo'

/**
 * One demo district with one account per role (the README lists them). Runs on every embedded start
 * and changes nothing once the district exists; the scaled shape gets it only from `npm run seed:demo`.
 */
export async function seedDemo(db: Database) {
  const [existing] = await db.select({ id: districts.id }).from(districts).where(eq(districts.code, demoDistrictCode))
  if (existing) return { created: false }

  await db.transaction(async (tx) => {
    const [district] = await tx.insert(districts).values({ code: demoDistrictCode, name: '同行示范区', reviewLevels: 2 }).returning()
    const [peizhi, mangxiao, longxiao] = await tx
      .insert(schools)
      .values([
        { districtId: district!.id, name: '同行区培智学校', kind: 'peizhi' },
        { districtId: district!.id, name: '同行区盲校', kind: 'mangxiao' },
        { districtId: district!.id, name: '同行区聋校', kind: 'longxiao' },
        { districtId: district!.id, name: '同行区特殊教育资源中心', kind: 'resource_centre' },
      ])
      .returning()
    const [class1] = await tx
      .insert(classes)
      .values([
        { schoolId: peizhi!.id, name: '三年级（1）班', stage: 'primary', grade: 3 },
        { schoolId: peizhi!.id, name: '七年级（1）班', stage: 'junior', grade: 7 },
        { schoolId: mangxiao!.id, name: '二年级（1）班', stage: 'primary', grade: 2 },
        { schoolId: longxiao!.id, name: '五年级（1）班', stage: 'primary', grade: 5 },
      ])
      .returning()
    const passwordHash = await hashPassword(demoPassword)
    const account = (username: string, displayName: string, role: Role, schoolId: string | null) => ({
      username,
      displayName,
      role,
      schoolId,
      email: `${username}@demo.tongxing.local`,
      districtId: district!.id,
      passwordHash,
    })
    const created = await tx
      .insert(users)
      .values([
        account('admin', '王管理', 'admin', null),
        account('researcher', '李教研', 'researcher', null),
        account('teacher', '张老师', 'teacher', peizhi!.id),
        account('teacher2', '陈老师', 'teacher', peizhi!.id),
        account('student', '小明', 'student', peizhi!.id),
        account('family', '小明妈妈', 'family', null),
      ])
      .returning({ id: users.id, username: users.username })
    const id = (username: string) => created.find((u) => u.username === username)!.id
    await tx.insert(classMembers).values([
      { classId: class1!.id, userId: id('teacher') },
      { classId: class1!.id, userId: id('student') },
    ])
    await tx.insert(familyLinks).values({ familyId: id('family'), studentId: id('student'), relation: 'mother' })
    // The demo student's consent, profile, a note to the family, home practice and a home visit (docs/decisions/010).
    await seedFamilyDemo(tx, district!.id)
    // The demo 教研组 with two sessions of this term (docs/decisions/007).
    await seedResearchDemo(tx, district!.id)
    // A lesson study of the demo 教研组, with its group if no other demo data made one (docs/decisions/008).
    await seedStudiesDemo(tx, district!.id)
  })
  return { created: true }
}
