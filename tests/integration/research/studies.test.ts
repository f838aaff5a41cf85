import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { districts, lessonPlanVersions, mediaAssets, notifications, resources, resourceReviews, users } from '../../../db/schema'
import type { Actor } from '../../../app/modules/accounts/actor'
import { hashPassword } from '../../../app/modules/accounts/passwords.server'
import { browseResources, getResource } from '../../../app/modules/library/resources.server'
import { findAsset } from '../../../app/modules/media/index.server'
import { createGroup, inviteMembers, respondToInvitation } from '../../../app/modules/research/groups.server'
import {
  addNote,
  addRound,
  attachVideo,
  comparePlans,
  createStudy,
  deleteNote,
  finishStudy,
  getPlanVersion,
  getRound,
  getStudy,
  listStudies,
  PlanConflictError,
  saveReflection,
  savePlan,
  saveScores,
  studyOfResource,
  updateDimensions,
} from '../../../app/modules/research/studies.server'
import { cutWords } from '../../../app/modules/search/words.server'
import { AppError } from '../../../app/platform/errors'
import { databaseKinds } from '../../support/database'
import { api, apiToken } from '../../support/http'
import { actorFor } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (e) => (e instanceof AppError ? e.status : Promise.reject(e)),
  )
const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const h = (text: string) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] })
const doc = (...content: object[]) => ({ type: 'doc', content })
const missing = '00000000-0000-4000-8000-000000000000'

describe.each(databaseKinds)('lesson studies on %s', (kind) => {
  let rt: Runtime
  const a = {} as Record<'admin' | 'researcher' | 'teacher' | 'teacher2' | 'bystander' | 'student' | 'outsider', Actor>
  let groupId: string
  let studyId: string

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    for (const name of ['admin', 'researcher', 'teacher', 'teacher2', 'student'] as const) a[name] = await actorFor(rt.db, name)
    const passwordHash = await hashPassword('tongxing-demo')
    // A teacher of the same school and district who is not in the group.
    await rt.db.insert(users).values({ username: 'bystander', displayName: '旁观老师', role: 'teacher', districtId: a.teacher.districtId, schoolId: a.teacher.schoolId, passwordHash })
    a.bystander = await actorFor(rt.db, 'bystander')
    const [other] = await rt.db.insert(districts).values({ code: 'other-studies', name: '别的区' }).returning()
    await rt.db.insert(users).values({ username: 'outsider', displayName: '外区教研员', role: 'researcher', districtId: other!.id, passwordHash })
    a.outsider = await actorFor(rt.db, 'outsider')
    const group = await createGroup(rt.db, a.researcher, { name: '培智生活语文教研组' })
    groupId = group.id
    await inviteMembers(rt.db, a.researcher, groupId, { userIds: [a.teacher.id, a.teacher2.id] })
    await respondToInvitation(rt.db, a.teacher, groupId, { answer: 'accept' })
    await respondToInvitation(rt.db, a.teacher2, groupId, { answer: 'accept' })
  })
  afterAll(() => stopTestRuntime(rt))

  it('seeds the demo with a study of the demo group: a round, two plan versions, notes and both observers’ scores', async () => {
    const demo = (await listStudies(rt.db, a.teacher)).find((s) => s.title === '认识颜色')!
    expect(demo).toMatchObject({ teacher: '张老师', status: 'active', rounds: 1 })
    const round = await getRound(rt.db, a.teacher2, demo.id, 1)
    expect(round.plan.number).toBe(2)
    expect(round.notes.map((n) => n.atSeconds)).toEqual([45, 195, 390])
    // goals (4 + 5) / 2 = 4.5, support 3.5, interaction 4.0, devices 2.5; overall 14.5 / 4 = 3.625 → 3.6
    expect(round.summary.dimensions.map((d) => d.mean)).toEqual([4.5, 3.5, 4, 2.5])
    expect(round.summary.overall.mean).toBe(3.6)
    expect(await statusOf(getStudy(rt.db, a.bystander, demo.id))).toBe(404)
  })

  it('starts a study in a group of the creator, with a member as teacher, the default rubric and plan version 1', async () => {
    expect(await statusOf(createStudy(rt.db, a.bystander, { groupId, title: '认识颜色' }))).toBe(400)
    await expect(createStudy(rt.db, a.teacher, { groupId, title: '认识颜色', teacherId: a.bystander.id })).rejects.toMatchObject({ options: { fields: { teacherId: { key: 'studies.errors.teacherNotMember' } } } })
    await expect(createStudy(rt.db, a.teacher, { groupId, title: '' })).rejects.toMatchObject({ status: 400, options: { fields: { title: { key: 'studies.errors.titleNeeded' } } } })
    expect(await statusOf(createStudy(rt.db, a.student, { groupId, title: 'x' }))).toBe(403)
    const created = await createStudy(rt.db, a.teacher, { groupId, title: '认识颜色', plan: doc(h('教学目标'), p('学生能认识红色。'), p('用卡片复习。')) })
    studyId = created.id
    const study = await getStudy(rt.db, a.teacher, studyId)
    expect(study.teacher.id).toBe(a.teacher.id)
    expect(study.dimensions.map((d) => d.label)).toEqual(['目标契合学生个别化目标', '支持与差异化', '师生互动', '辅具使用'])
    expect(study.rounds).toHaveLength(1)
    expect(study.rounds[0]!.planVersion).toBe(1)
    expect((await listStudies(rt.db, a.teacher2)).map((s) => s.id)).toContain(studyId)
  })

  it('shows non-members nothing, in the module and the API, however the id is guessed', async () => {
    for (const who of ['bystander', 'outsider', 'student'] as const) {
      const actor = a[who]
      expect(await statusOf(getStudy(rt.db, actor, studyId))).toBe(404)
      expect(await statusOf(getRound(rt.db, actor, studyId, 1))).toBe(404)
      expect(await statusOf(getPlanVersion(rt.db, actor, studyId, 1))).toBe(404)
      expect(await statusOf(comparePlans(rt.db, actor, studyId, {}))).toBe(404)
      expect(await statusOf(savePlan(rt.db, actor, studyId, 1, { doc: doc(p('改')), baseVersion: 1 }))).toBe(404)
      expect(await statusOf(addNote(rt.db, actor, studyId, 1, { atSeconds: 3, body: '看' }))).toBe(404)
      expect(await statusOf(saveScores(rt.db, actor, studyId, 1, { scores: [] }))).toBe(404)
      expect(await statusOf(finishStudy(rt.db, actor, studyId, {}))).toBe(404)
      expect(await statusOf(listStudies(rt.db, actor, { groupId }))).toBe(404)
      expect((await listStudies(rt.db, actor).catch(() => [])).map((s) => s.id)).not.toContain(studyId)
    }
    for (const guess of [missing, 'not-an-id', '']) expect(await statusOf(getStudy(rt.db, a.teacher, guess))).toBe(404)
    expect(await statusOf(getRound(rt.db, a.teacher, studyId, 9))).toBe(404)

    const member = await apiToken('teacher2')
    const stranger = await apiToken('bystander')
    expect((await api('GET', `/research/studies/${studyId}`, { token: member })).status).toBe(200)
    for (const path of [`/research/studies/${studyId}`, `/research/studies/${studyId}/rounds/1`, `/research/studies/${studyId}/versions`, `/research/studies/${studyId}/diff`, `/research/studies/${missing}`]) {
      expect((await api('GET', path, { token: stranger })).status, path).toBe(404)
    }
    expect((await api('POST', `/research/studies/${studyId}/rounds/1/notes`, { token: stranger, body: { atSeconds: 1, body: '看' } })).status).toBe(404)
    expect((await api('GET', '/research/studies', { token: stranger })).body.studies).toEqual([])
    expect((await api('GET', '/research/studies', { token: member })).body.studies.map((s: { id: string }) => s.id)).toContain(studyId)
  })

  it('never overwrites a newer plan: the second of two editors gets a conflict with the other version, then saves the merge', async () => {
    const seenByTeacher = await getRound(rt.db, a.teacher, studyId, 1)
    const seenByTeacher2 = await getRound(rt.db, a.teacher2, studyId, 1)
    expect(seenByTeacher.plan.number).toBe(1)
    expect(seenByTeacher2.plan.number).toBe(1)
    const first = await savePlan(rt.db, a.teacher, studyId, 1, { doc: doc(h('教学目标'), p('学生能认识红色和蓝色。'), p('用卡片复习。')), baseVersion: 1 })
    expect(first.number).toBe(2)
    const late = savePlan(rt.db, a.teacher2, studyId, 1, { doc: JSON.stringify(doc(h('教学目标'), p('学生能认识红色。'), p('用卡片复习。'), p('下课前整理教具。'))), baseVersion: 1 })
    const conflict = await late.catch((e) => e)
    expect(conflict).toBeInstanceOf(PlanConflictError)
    expect(conflict.status).toBe(409)
    expect(conflict.theirs.number).toBe(2)
    expect(conflict.theirs.author).toBe('张老师')
    expect(JSON.stringify(conflict.theirs.doc)).toContain('红色和蓝色')
    // Nothing was stored for the refused save, and the newer version is intact.
    const stored = await rt.db.select().from(lessonPlanVersions).where(eq(lessonPlanVersions.studyId, studyId))
    expect(stored.map((v) => v.number).sort()).toEqual([1, 2])
    // Merged on top of theirs: a new version based on 2.
    const merged = await savePlan(rt.db, a.teacher2, studyId, 1, { doc: doc(h('教学目标'), p('学生能认识红色和蓝色。'), p('用卡片复习。'), p('下课前整理教具。')), baseVersion: 2 })
    expect(merged.number).toBe(3)
    const v3 = await getPlanVersion(rt.db, a.researcher, studyId, 3)
    expect(v3).toMatchObject({ baseNumber: 2, author: '陈老师', round: 1 })
    // The API says the same.
    const token = await apiToken('teacher')
    const stale = await api('POST', `/research/studies/${studyId}/rounds/1/plan`, { token, body: { doc: doc(p('旧的')), baseVersion: 2 } })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('studies.errors.planConflict')
    expect(stale.body.error.messages['zh-CN']).toContain('第 3 版')
  })

  it('keeps time-coded notes and tells the lesson’s teacher about others’ notes', async () => {
    await expect(addNote(rt.db, a.teacher2, studyId, 1, { atSeconds: -1, body: '看' })).rejects.toMatchObject({ options: { fields: { atSeconds: { key: 'studies.errors.noteTime' } } } })
    await expect(addNote(rt.db, a.teacher2, studyId, 1, { atSeconds: 5, body: '  ' })).rejects.toMatchObject({ options: { fields: { body: { key: 'studies.errors.noteBody' } } } })
    const note = await addNote(rt.db, a.teacher2, studyId, 1, { atSeconds: 195, body: '学生主动举手回答' })
    await addNote(rt.db, a.researcher, studyId, 1, { atSeconds: 12, body: '导入环节用实物吸引注意' })
    await addNote(rt.db, a.teacher, studyId, 1, { atSeconds: 30, body: '自己记一笔' })
    const sent = await rt.db.select().from(notifications).where(eq(notifications.kind, 'studies.newNote'))
    expect(sent.map((n) => n.userId)).toEqual([a.teacher.id, a.teacher.id])
    expect(sent[0]).toMatchObject({ link: `/research/studies/${studyId}/rounds/1#note-${note.id}`, params: { author: '陈老师', study: '认识颜色', round: 1, time: '03:15' } })
    const round = await getRound(rt.db, a.teacher, studyId, 1)
    expect(round.notes.map((n) => [n.atSeconds, n.author.displayName])).toEqual([
      [12, '李教研'],
      [30, '张老师'],
      [195, '陈老师'],
    ])
    // Only its author (or the leader) deletes a note.
    expect(await statusOf(deleteNote(rt.db, a.teacher, studyId, 1, note.id))).toBe(403)
    const extra = await addNote(rt.db, a.teacher2, studyId, 1, { atSeconds: 40, body: '重复的记录' })
    await deleteNote(rt.db, a.researcher, studyId, 1, extra.id)
    expect((await getRound(rt.db, a.teacher, studyId, 1)).notes).toHaveLength(3)
  })

  it('takes rubric scores from observers, not the teacher, and summarises the round', async () => {
    expect(await statusOf(saveScores(rt.db, a.teacher, studyId, 1, { scores: [{ dimension: 'goals', score: 5 }] }))).toBe(403)
    await expect(saveScores(rt.db, a.teacher2, studyId, 1, { scores: [{ dimension: 'goals', score: 6 }] })).rejects.toMatchObject({ status: 400 })
    await expect(saveScores(rt.db, a.teacher2, studyId, 1, { scores: [{ dimension: 'nope', score: 3 }] })).rejects.toMatchObject({ options: { fields: { 'scores.0.dimension': { key: 'studies.errors.unknownDimension' } } } })
    await saveScores(rt.db, a.teacher2, studyId, 1, { scores: [{ dimension: 'goals', score: 4, comment: '目标贴合' }, { dimension: 'support', score: 3 }, { dimension: 'interaction', score: 5 }, { dimension: 'devices', score: 2 }] })
    await saveScores(rt.db, a.researcher, studyId, 1, { scores: [{ dimension: 'goals', score: 3 }, { dimension: 'support', score: 3 }, { dimension: 'interaction', score: 4 }] })
    const study = await getStudy(rt.db, a.teacher, studyId)
    const summary = study.rounds[0]!.summary
    // goals (4+3)/2 = 3.5, support 3.0, interaction 4.5, devices 2.0; overall 13 / 4 = 3.25 → 3.3
    expect(summary.dimensions.map((d) => [d.key, d.mean, d.count, d.min, d.max])).toEqual([
      ['goals', 3.5, 2, 3, 4],
      ['support', 3, 2, 3, 3],
      ['interaction', 4.5, 2, 4, 5],
      ['devices', 2, 1, 2, 2],
    ])
    expect(summary.overall).toEqual({ mean: 3.3, change: null })
    expect((await getRound(rt.db, a.teacher2, studyId, 1)).myScores.goals).toEqual({ score: 4, comment: '目标贴合' })
    // A dimension with scores cannot be dropped; renaming the others and adding one is fine.
    await expect(updateDimensions(rt.db, a.researcher, studyId, { dimensions: ['目标契合学生个别化目标', '支持与差异化', '师生互动'] })).rejects.toMatchObject({ status: 409 })
    expect(await statusOf(updateDimensions(rt.db, a.teacher2, studyId, { dimensions: ['x'] }))).toBe(403)
    await expect(updateDimensions(rt.db, a.researcher, studyId, { dimensions: `目标\n${'长'.repeat(61)}` })).rejects.toMatchObject({ options: { fields: { dimensions: { key: 'studies.errors.dimensionTooLong' } } } })
    await expect(updateDimensions(rt.db, a.researcher, studyId, { dimensions: '\n \n' })).rejects.toMatchObject({ options: { fields: { dimensions: { key: 'studies.errors.dimensionsNeeded' } } } })
    const next = await updateDimensions(rt.db, a.researcher, studyId, { dimensions: ['目标契合学生个别化目标', '支持与差异化', '师生互动', '辅具使用', '课堂常规'] })
    expect(next.at(-1)).toEqual({ key: 'd1', label: '课堂常规' })
  })

  it('lets only the group watch the classroom video once it is attached to a round', async () => {
    const [asset] = await rt.db
      .insert(mediaAssets)
      .values({ districtId: a.teacher.districtId, ownerId: a.teacher.id, title: '课堂实录', originalName: 'class.mp4', originalSize: 1000, status: 'ready', kind: 'video' })
      .returning()
    const [track] = await rt.db
      .insert(mediaAssets)
      .values({ districtId: a.teacher.districtId, ownerId: a.teacher.id, parentId: asset!.id, role: 'sign_language', title: '手语', originalName: 's.mp4', originalSize: 10, status: 'ready', kind: 'video' })
      .returning()
    // Before it is a study's video, the district's usual rule applies.
    expect(await statusOf(findAsset(rt.db, a.bystander, asset!.id, 'view'))).toBe(200)
    // Only the teacher or the leader attaches, and only a video they manage.
    expect(await statusOf(attachVideo(rt.db, a.teacher2, studyId, 1, { assetId: asset!.id }))).toBe(403)
    await expect(attachVideo(rt.db, a.researcher, studyId, 1, { assetId: asset!.id })).rejects.toMatchObject({ options: { fields: { assetId: { key: 'studies.errors.videoNotFound' } } } })
    await attachVideo(rt.db, a.teacher, studyId, 1, { assetId: asset!.id })
    for (const who of ['bystander', 'student', 'outsider'] as const) {
      expect(await statusOf(findAsset(rt.db, a[who], asset!.id, 'view')), who).toBe(404)
      expect(await statusOf(findAsset(rt.db, a[who], track!.id, 'view')), who).toBe(404)
    }
    for (const who of ['teacher', 'teacher2', 'researcher', 'admin'] as const) expect(await statusOf(findAsset(rt.db, a[who], asset!.id, 'view')), who).toBe(200)
    expect((await getRound(rt.db, a.teacher2, studyId, 1)).videoAssetId).toBe(asset!.id)
  })

  it('starts round 2 from round 1’s final plan and shows what changed, block by block and word by word', async () => {
    expect(await statusOf(addRound(rt.db, a.teacher2, studyId))).toBe(403)
    expect((await addRound(rt.db, a.teacher, studyId)).number).toBe(2)
    const round2 = await getRound(rt.db, a.teacher, studyId, 2)
    expect(round2.plan.number).toBe(4)
    expect(round2.previousPlan).toBe(3)
    expect(JSON.stringify(round2.plan.doc)).toBe(JSON.stringify((await getPlanVersion(rt.db, a.teacher, studyId, 3)).doc))
    // Round 1's plan is the record of what was taught.
    expect((await getRound(rt.db, a.teacher, studyId, 1)).can.editPlan).toBe(false)
    expect(await statusOf(savePlan(rt.db, a.teacher, studyId, 1, { doc: doc(p('改旧的')), baseVersion: 3 }))).toBe(409)
    await savePlan(rt.db, a.teacher, studyId, 2, { doc: doc(h('教学目标'), p('学生能认识红色、蓝色和黄色。'), p('下课前整理教具。'), p('布置家庭练习：找一找家里的颜色。')), baseVersion: 4 })
    const compared = await comparePlans(rt.db, a.teacher2, studyId, {}, cutWords)
    expect(compared.from).toMatchObject({ number: 3, round: 1 })
    expect(compared.to).toMatchObject({ number: 5, round: 2 })
    expect(compared.diff.counts).toEqual({ added: 1, removed: 1, changed: 1, same: 2 })
    const changed = compared.diff.blocks.find((b) => b.change === 'changed')!
    expect(changed.segments).toEqual([
      { op: 'same', text: '学生能认识红色' },
      { op: 'del', text: '和' },
      { op: 'ins', text: '、' },
      { op: 'same', text: '蓝色' },
      { op: 'ins', text: '和黄色' },
      { op: 'same', text: '。' },
    ])
    const api2 = await api('GET', `/research/studies/${studyId}/diff?from=1&to=5`, { token: await apiToken('researcher') })
    expect(api2.status).toBe(200)
    expect(api2.body.from.number).toBe(1)

    // Round 2 scores compare with round 1's.
    await saveScores(rt.db, a.teacher2, studyId, 2, { scores: [{ dimension: 'goals', score: 5 }, { dimension: 'support', score: 4 }, { dimension: 'interaction', score: 5 }, { dimension: 'devices', score: 3 }] })
    await saveScores(rt.db, a.researcher, studyId, 2, { scores: [{ dimension: 'goals', score: 4 }, { dimension: 'support', score: 4 }, { dimension: 'interaction', score: 4 }, { dimension: 'devices', score: 4 }] })
    const summary = (await getStudy(rt.db, a.teacher, studyId)).rounds[1]!.summary
    // goals 4.5 (+1.0), support 4.0 (+1.0), interaction 4.5 (0), devices 3.5 (+1.5), 课堂常规 unscored;
    // overall 16.5 / 4 = 4.125 → 4.1, change 4.125 − 3.25 = 0.875 → 0.9
    expect(summary.dimensions.map((d) => [d.key, d.mean, d.change])).toEqual([
      ['goals', 4.5, 1],
      ['support', 4, 1],
      ['interaction', 4.5, 0],
      ['devices', 3.5, 1.5],
      ['d1', null, null],
    ])
    expect(summary.overall).toEqual({ mean: 4.1, change: 0.9 })

    expect(await statusOf(saveReflection(rt.db, a.teacher2, studyId, 2, { doc: doc(p('x')) }))).toBe(403)
    await saveReflection(rt.db, a.teacher, studyId, 2, { doc: JSON.stringify(doc(p('第二轮增加了黄色，学生更投入。'))) })
    expect(JSON.stringify((await getRound(rt.db, a.researcher, studyId, 2)).reflection)).toContain('学生更投入')
  })

  it('publishes the final plan as an exemplary lesson by the teacher, linked to the study for the group only', async () => {
    const placement = { title: '认识颜色（优秀课例）', summary: '经过两轮课例研究打磨的认识颜色一课。', schoolType: 'peizhi', subject: 'life_chinese', stage: 'primary', grade: 3 }
    expect(await statusOf(finishStudy(rt.db, a.teacher2, studyId, placement))).toBe(403)
    // A refused approval (accessibility below 3) changes nothing.
    await expect(finishStudy(rt.db, a.researcher, studyId, { ...placement, accessibility: 2, curriculum: 4, differentiation: 4 })).rejects.toMatchObject({ status: 400 })
    expect((await getStudy(rt.db, a.researcher, studyId)).status).toBe('active')
    expect(await rt.db.select().from(resources).where(eq(resources.exemplary, true))).toHaveLength(0)

    const published = await finishStudy(rt.db, a.researcher, studyId, { ...placement, accessibility: 4, curriculum: 5, differentiation: 4 })
    expect(published.status).toBe('published')
    const [row] = await rt.db.select().from(resources).where(eq(resources.id, published.id))
    expect(row).toMatchObject({ exemplary: true, authorId: a.teacher.id, kind: 'lesson', status: 'published' })
    const [review] = await rt.db.select().from(resourceReviews).where(and(eq(resourceReviews.resourceId, published.id)))
    expect(review).toMatchObject({ reviewerId: a.researcher.id, level: 'district', decision: 'approve' })
    // Every reader of the district sees the lesson (with the final plan's text) in the exemplary collection…
    const lesson = await getResource(rt.db, a.bystander, published.id)
    expect(lesson.exemplary).toBe(true)
    expect(JSON.stringify(lesson.body)).toContain('黄色')
    const browse = await browseResources(rt.db, a.bystander, { collection: 'exemplary' })
    expect(browse.items.map((i) => [i.id, i.exemplary])).toEqual([[published.id, true]])
    // …but only the group is led to the study.
    expect(await studyOfResource(rt.db, a.bystander, published.id)).toBeNull()
    expect(await studyOfResource(rt.db, a.teacher2, published.id)).toEqual({ id: studyId, title: '认识颜色' })

    const study = await getStudy(rt.db, a.teacher, studyId)
    expect(study).toMatchObject({ status: 'finished', resource: { id: published.id } })
    expect(await statusOf(addNote(rt.db, a.teacher2, studyId, 2, { atSeconds: 1, body: '晚了' }))).toBe(409)
    expect(await statusOf(finishStudy(rt.db, a.researcher, studyId, placement))).toBe(409)
  })

  it('sends a study finished by its teacher to the review queue, still as an exemplary lesson', async () => {
    const { id } = await createStudy(rt.db, a.teacher2, { groupId, title: '认识形状', plan: doc(p('认识圆形和方形。')) })
    const result = await finishStudy(rt.db, a.teacher2, id, { title: '认识形状', summary: '认识圆形和方形。', schoolType: 'peizhi', subject: 'life_maths', stage: 'primary', grade: 2 })
    expect(result.status).toBe('submitted')
    const [row] = await rt.db.select().from(resources).where(eq(resources.id, result.id))
    expect(row).toMatchObject({ exemplary: true, status: 'submitted', reviewLevel: 'school', authorId: a.teacher2.id })
    // An empty plan is not a lesson: the library's readiness rules refuse it.
    const empty = await createStudy(rt.db, a.teacher, { groupId, title: '空白' })
    await expect(finishStudy(rt.db, a.researcher, empty.id, { title: '空白', summary: '无', schoolType: 'peizhi', subject: 'life_maths', stage: 'primary', accessibility: 4, curriculum: 4, differentiation: 4 })).rejects.toMatchObject({
      status: 400,
      options: { fields: { body: { key: 'library.errors.needsProcedure' } } },
    })
    expect((await getStudy(rt.db, a.teacher, empty.id)).status).toBe('active')
  })
  it('lets exactly one of two simultaneous saves from the same version through', async () => {
    const { id } = await createStudy(rt.db, a.teacher, { groupId, title: '同时保存', plan: doc(p('第一版')) })
    const results = await Promise.allSettled([
      savePlan(rt.db, a.teacher, id, 1, { doc: doc(p('张老师的修改')), baseVersion: 1 }),
      savePlan(rt.db, a.teacher2, id, 1, { doc: doc(p('陈老师的修改')), baseVersion: 1 }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toBeInstanceOf(PlanConflictError)
    const stored = await rt.db.select().from(lessonPlanVersions).where(eq(lessonPlanVersions.studyId, id))
    expect(stored.map((v) => v.number).sort()).toEqual([1, 2])
  })
})
