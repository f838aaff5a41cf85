import { Readable } from 'node:stream'
import { and, eq, inArray } from 'drizzle-orm'
import sharp from 'sharp'
import type { Database } from '#db/client'
import { assignments, classes, classMembers, districts, resources, schools, users } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { demoDistrictCode, demoPassword } from '~/modules/accounts/demo.server'
import { hashPassword } from '~/modules/accounts/passwords.server'
import type { ObjectStore } from '~/platform/storage/object-store'
import { assignLesson, today } from './assignments.server'
import { createExercise, uploadExerciseImage } from './exercises.server'

/** Three more students in the demo class 三年级（1）班, so a lesson's tiers have someone each. */
export const demoClassmates = [
  { username: 'student2', displayName: '小红' },
  { username: 'student3', displayName: '小刚' },
  { username: 'student4', displayName: '小丽' },
] as const

export const demoLessonKey = 'peizhi-life-chinese-g3-supermarket-signs'
const demoClassName = '三年级（1）班'

async function demoClass(db: Database) {
  const [row] = await db
    .select({ id: classes.id, schoolId: classes.schoolId, districtId: districts.id })
    .from(classes)
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .innerJoin(districts, eq(districts.id, schools.districtId))
    .where(and(eq(districts.code, demoDistrictCode), eq(classes.name, demoClassName)))
  return row ?? null
}

/** Runs right after `seedDemo`: adds the classmates once (nothing changes when they exist). */
export async function seedLearningDemoStudents(db: Database) {
  const klass = await demoClass(db)
  if (!klass) return { created: 0 }
  const existing = await db.select({ username: users.username }).from(users).where(inArray(users.username, demoClassmates.map((s) => s.username)))
  const missing = demoClassmates.filter((s) => !existing.some((e) => e.username === s.username))
  if (missing.length === 0) return { created: 0 }
  const passwordHash = await hashPassword(demoPassword)
  await db.transaction(async (tx) => {
    const created = await tx
      .insert(users)
      .values(missing.map((s) => ({ username: s.username, displayName: s.displayName, role: 'student' as const, schoolId: klass.schoolId, districtId: klass.districtId, email: `${s.username}@demo.tongxing.local`, passwordHash })))
      .returning({ id: users.id })
    await tx.insert(classMembers).values(created.map((u) => ({ classId: klass.id, userId: u.id })))
  })
  return { created: missing.length }
}

/** Two simple signs as pictures (a door with an arrow going out, and one coming in). */
function signPicture(direction: 'out' | 'in') {
  const arrow = direction === 'out' ? 'M120 100 h60 m-18 -18 l18 18 l-18 18' : 'M180 100 h-60 m18 -18 l-18 18 l18 18'
  const colour = direction === 'out' ? '#1d6b2f' : '#0b5cad'
  return sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="200"><rect width="240" height="200" rx="16" fill="${colour}"/><rect x="40" y="40" width="70" height="120" fill="none" stroke="#fff" stroke-width="8"/><path d="${arrow}" fill="none" stroke="#fff" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
    ),
  )
    .png()
    .toBuffer()
}

/**
 * Runs after the starter content is loaded: 张老师 assigns 生活语文：认识超市里的标志 to 三年级（1）班
 * with a tier for each student, and the lesson gets four exercises — once.
 */
export async function seedLearningDemoContent(ctx: { db: Database; storage: ObjectStore }) {
  const { db } = ctx
  const klass = await demoClass(db)
  const [lesson] = await db.select({ id: resources.id }).from(resources).where(eq(resources.contentKey, demoLessonKey))
  const [teacher] = await db.select().from(users).where(and(eq(users.username, 'teacher'), eq(users.role, 'teacher')))
  if (!klass || !lesson || !teacher) return { created: false }
  const [already] = await db.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.resourceId, lesson.id), eq(assignments.classId, klass.id)))
  if (already) return { created: false }
  const actor: Actor = { id: teacher.id, username: teacher.username, displayName: teacher.displayName, role: 'teacher', districtId: teacher.districtId, schoolId: teacher.schoolId, locale: teacher.locale, preferences: teacher.preferences }

  const out = await uploadExerciseImage(ctx, actor, { fileName: 'exit.png', body: Readable.from([await signPicture('out')]) })
  const into = await uploadExerciseImage(ctx, actor, { fileName: 'entrance.png', body: Readable.from([await signPicture('in')]) })
  await createExercise(db, actor, lesson.id, { kind: 'yes_no', prompt: '收银台是付钱的地方。', data: { answer: true } })
  await createExercise(db, actor, lesson.id, {
    kind: 'picture_choice',
    prompt: '哪一个是“出口”的标志？',
    data: {
      options: [
        { imageId: into.id, alt: '蓝色标志：箭头从门外指向门里', label: '' },
        { imageId: out.id, alt: '绿色标志：箭头从门里指向门外', label: '' },
      ],
      correct: 1,
    },
  })
  await createExercise(db, actor, lesson.id, {
    kind: 'matching',
    prompt: '把标志和它的意思配起来。',
    data: { pairs: [{ left: '入口', right: '进超市的地方' }, { left: '出口', right: '离开超市的地方' }, { left: '收银台', right: '付钱的地方' }] },
  })
  await createExercise(db, actor, lesson.id, { kind: 'ordering', prompt: '去超市买东西，先做什么，后做什么？', data: { items: ['从入口进去', '挑选要买的东西', '到收银台付钱', '从出口离开'] } })

  const students = await db
    .select({ id: users.id, username: users.username })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(and(eq(classMembers.classId, klass.id), eq(users.role, 'student')))
  const tierOf: Record<string, string> = { student: 'tier-b', student2: 'tier-a', student3: 'tier-c', student4: 'disability-visual' }
  const due = new Date(`${today()}T00:00:00Z`)
  due.setUTCDate(due.getUTCDate() + 7)
  await assignLesson(db, actor, {
    resourceId: lesson.id,
    classId: klass.id,
    dueOn: due.toISOString().slice(0, 10),
    note: '先看标志，再做练习，做完点“完成”。',
    defaultVariant: 'tier-b',
    variants: Object.fromEntries(students.filter((s) => tierOf[s.username]).map((s) => [s.id, tierOf[s.username]!])),
  })
  return { created: true }
}
