import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { districts, schools, users } from '../../../db/schema'
import type { Actor } from '../../../app/modules/accounts/actor'
import { createResource, getResource, reviewResource, submitResource, updateResource, browseResources, browseCounts, archiveResource, rateResource, setFavourite, myResources, reviewQueue } from '../../../app/modules/library/resources.server'
import { AppError } from '../../../app/platform/errors'
import { databaseKinds } from '../../support/database'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'
import { lessonInput } from './fixtures'

const scores = { accessibility: 4, curriculum: 4, differentiation: 5 }

describe.each(databaseKinds)('the review workflow on %s', (kind) => {
  let rt: Runtime
  const actors = {} as Record<'admin' | 'researcher' | 'teacher' | 'student' | 'colleague', Actor>

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    for (const username of ['admin', 'researcher', 'teacher', 'student'] as const) {
      const [u] = await rt.db.select().from(users).where(eq(users.username, username))
      actors[username] = { id: u!.id, username, displayName: u!.displayName, role: u!.role, districtId: u!.districtId, schoolId: u!.schoolId, locale: 'zh-CN', preferences: {} }
    }
    const t = actors.teacher
    const [colleague] = await rt.db.insert(users).values({ username: 'colleague', displayName: '李老师', role: 'teacher', districtId: t.districtId, schoolId: t.schoolId, passwordHash: '!' }).returning()
    actors.colleague = { ...t, id: colleague!.id, username: 'colleague', displayName: '李老师' }
  })
  afterAll(() => stopTestRuntime(rt))

  const code = async (run: () => Promise<unknown>) => {
    try {
      await run()
      return 'ok'
    } catch (error) {
      if (error instanceof AppError) return `${error.status} ${error.userMessage.key}`
      throw error
    }
  }

  it('takes a lesson from draft through two review levels to a published version, and keeps it readable while it is edited again', async () => {
    const { teacher, researcher, admin } = actors
    const { id } = await createResource(rt.db, teacher, lessonInput())
    expect((await getResource(rt.db, teacher, id)).status).toBe('draft')
    // A draft is the author's alone.
    expect(await code(() => getResource(rt.db, researcher, id))).toBe('404 library.errors.notFound')
    expect((await browseResources(rt.db, researcher, {})).items.map((i) => i.id)).not.toContain(id)

    await submitResource(rt.db, teacher, id)
    expect(await code(() => updateResource(rt.db, teacher, id, lessonInput()))).toBe('409 library.errors.underReview')
    expect((await reviewQueue(rt.db, researcher)).map((r) => r.id)).toContain(id)
    expect(await code(() => reviewResource(rt.db, teacher, id, { decision: 'approve', ...scores }))).toBe('403 errors.forbidden')

    await reviewResource(rt.db, researcher, id, { decision: 'changes_requested', ...scores, comments: '请补充 B 层的活动。' })
    const asked = await getResource(rt.db, teacher, id)
    expect(asked.status).toBe('changes_requested')
    expect(asked.reviews[0]).toMatchObject({ decision: 'changes_requested', comments: '请补充 B 层的活动。', level: 'school' })
    expect((await myResources(rt.db, teacher)).find((r) => r.id === id)).toMatchObject({ status: 'changes_requested', reviewComments: '请补充 B 层的活动。' })

    await updateResource(rt.db, teacher, id, { ...lessonInput(), variants: [...lessonInput().variants, { key: 'tier-b', objectives: '看图付钱', activities: null, assessment: '' }] })
    await submitResource(rt.db, teacher, id)
    // The demo district asks for two levels: the school's approval passes it to the district.
    const afterSchool = await reviewResource(rt.db, researcher, id, { decision: 'approve', ...scores })
    expect(afterSchool).toMatchObject({ status: 'submitted', reviewLevel: 'district' })
    const published = await reviewResource(rt.db, admin, id, { decision: 'approve', ...scores })
    expect(published).toMatchObject({ status: 'published', publishedVersion: 1 })

    const read = await getResource(rt.db, actors.researcher, id)
    expect(read.version).toBe(1)
    expect(read.variants.map((v) => v.key)).toEqual(['tier-a', 'tier-b', 'tier-c'])
    expect(read.accessibilityScore).toBe(4)
    expect(read.reviews.map((r) => r.decision)).toEqual(['approve', 'approve', 'changes_requested'])
    // A colleague reads the published version, without the reviewers' comments.
    const colleagueView = await getResource(rt.db, actors.colleague, id)
    expect(colleagueView).toMatchObject({ version: 1, reviews: [], can: { edit: false, review: false, rate: true } })

    // Editing a published lesson makes a new draft; readers still get version 1.
    await updateResource(rt.db, teacher, id, { ...lessonInput('认识人民币（修订）') })
    const revised = await getResource(rt.db, teacher, id)
    expect(revised.title).toBe('认识人民币（修订）')
    // The reviewer sees what the revision changes: the title, and the B variant it drops.
    expect(revised.changedSincePublished).toEqual(['title', 'variants'])
    const stillPublished = await getResource(rt.db, actors.colleague, id)
    expect(stillPublished.title).toBe('认识人民币：1 元和 5 角')
    expect((await browseResources(rt.db, teacher, { subject: 'life_maths' })).items.find((i) => i.id === id)?.title).toBe('认识人民币：1 元和 5 角')
    // A pending edit that moves it to another subject and stage does not move it in the browse tree.
    await updateResource(rt.db, teacher, id, { ...lessonInput('认识人民币（修订）'), subject: 'life_adaptation', stage: 'junior', grade: 7 })
    const inTree = async (filters: Record<string, string>) => (await browseResources(rt.db, actors.colleague, filters)).items.some((i) => i.id === id)
    expect(await inTree({ schoolType: 'peizhi', subject: 'life_maths', stage: 'primary', grade: '3' })).toBe(true)
    expect(await inTree({ subject: 'life_adaptation' })).toBe(false)
    const counts = await browseCounts(rt.db, actors.colleague, { schoolType: 'peizhi', subject: 'life_adaptation' })
    expect(counts.stage.junior ?? 0).toBe(0)
    expect((await browseResources(rt.db, actors.colleague, { subject: 'life_maths' })).items.find((i) => i.id === id)).toMatchObject({ subject: 'life_maths', stage: 'primary', grade: 3 })
    await updateResource(rt.db, teacher, id, { ...lessonInput('认识人民币（修订）') })
    await submitResource(rt.db, teacher, id)
    await reviewResource(rt.db, researcher, id, { decision: 'approve', ...scores })
    await reviewResource(rt.db, admin, id, { decision: 'approve', ...scores })
    const v2 = await getResource(rt.db, researcher, id)
    expect(v2.version).toBe(2)
    expect(v2.title).toBe('认识人民币（修订）')
    expect((await getResource(rt.db, researcher, id, { version: 1 })).title).toBe('认识人民币：1 元和 5 角')
    expect(v2.versions.map((v) => v.number)).toEqual([2, 1])
    // Every submission and decision is in the district's audit log.
    const audit = (await rt.database.executeSql(`select action, detail->>'decision' decision from audit_log where target_type = 'resource' and target_id = $1 order by id`, [id])).rows
    expect(audit.map((r) => `${r.action}${r.decision ? `:${r.decision}` : ''}`)).toEqual([
      'resource.submitted',
      'resource.reviewed:changes_requested',
      'resource.submitted',
      'resource.reviewed:approve',
      'resource.reviewed:approve',
      'resource.submitted',
      'resource.reviewed:approve',
      'resource.reviewed:approve',
    ])
  })

  it('is not submitted while a picture lacks a text alternative', async () => {
    const { teacher } = actors
    const image = (alt: string) => ({ type: 'image', attrs: { src: 'https://example.cn/clock.png', alt } })
    const input = lessonInput('图片替代文字')
    const { id } = await createResource(rt.db, teacher, { ...input, variants: [{ ...input.variants[0]!, activities: { type: 'doc', content: [image('')] } }] })
    const refused = await code(() => submitResource(rt.db, teacher, id))
    expect(refused).toBe('400 library.errors.notReady')
    await updateResource(rt.db, teacher, id, { ...input, variants: [{ ...input.variants[0]!, activities: { type: 'doc', content: [image('钟面上时针指向 7')] } }] })
    expect((await submitResource(rt.db, teacher, id)).status).toBe('submitted')
  })

  it('refuses an approval with a low accessibility score, and changes requested without comments', async () => {
    const { teacher, researcher } = actors
    const { id } = await createResource(rt.db, teacher, lessonInput('低分测试'))
    await submitResource(rt.db, teacher, id)
    expect(await code(() => reviewResource(rt.db, researcher, id, { decision: 'approve', ...scores, accessibility: 2 }))).toBe('400 errors.badRequest')
    expect(await code(() => reviewResource(rt.db, researcher, id, { decision: 'changes_requested', ...scores }))).toBe('400 errors.badRequest')
    expect((await getResource(rt.db, teacher, id)).status).toBe('submitted')
  })

  it('lets only readers of the district rate and favourite published resources', async () => {
    const { teacher, researcher, student } = actors
    const { id } = await createResource(rt.db, teacher, lessonInput('评分测试'))
    expect(await code(() => setFavourite(rt.db, researcher, id, true))).toBe('404 library.errors.notFound')
    await submitResource(rt.db, teacher, id)
    await reviewResource(rt.db, researcher, id, { decision: 'approve', ...scores })
    await reviewResource(rt.db, actors.admin, id, { decision: 'approve', ...scores })
    await setFavourite(rt.db, researcher, id, true)
    await rateResource(rt.db, researcher, id, { stars: 5, comment: '分层清楚，C 层很实用。' })
    await rateResource(rt.db, researcher, id, { stars: 4, comment: '改一下' })
    expect(await code(() => rateResource(rt.db, teacher, id, { stars: 5 }))).toBe('403 library.errors.rateOwn')
    expect(await code(() => rateResource(rt.db, researcher, id, { stars: 6 }))).toBe('400 errors.badRequest')
    expect(await code(() => getResource(rt.db, student, id))).toBe('403 errors.forbidden')
    const read = await getResource(rt.db, researcher, id)
    expect(read.counts).toMatchObject({ favourites: 1, ratings: 1, averageRating: 4 })
    expect(read.mine).toEqual({ favourite: true, stars: 4, comment: '改一下' })
    await archiveResource(rt.db, teacher, id)
    expect((await browseResources(rt.db, researcher, {})).items.map((i) => i.id)).not.toContain(id)
    expect((await myResources(rt.db, teacher)).find((r) => r.id === id)?.status).toBe('archived')
  })

  it('keeps each level to its reviewers, and lets only one of two simultaneous decisions count', async () => {
    const { teacher, researcher, admin } = actors
    const [blindSchool] = await rt.db.select().from(schools).where(eq(schools.kind, 'mangxiao'))
    const [other] = await rt.db
      .insert(users)
      .values({ username: 'mangxiao-researcher', displayName: '盲校教研组长', role: 'researcher', districtId: teacher.districtId, schoolId: blindSchool!.id, passwordHash: '!' })
      .returning()
    const otherSchoolReviewer: Actor = { ...researcher, id: other!.id, username: 'mangxiao-researcher', schoolId: blindSchool!.id }
    const { id } = await createResource(rt.db, teacher, lessonInput('分级审核'))
    await submitResource(rt.db, teacher, id)
    // A reviewer of another school neither sees it waiting nor may decide on it.
    expect((await reviewQueue(rt.db, otherSchoolReviewer)).map((r) => r.id)).not.toContain(id)
    expect(await code(() => reviewResource(rt.db, otherSchoolReviewer, id, { decision: 'approve', ...scores }))).toBe('403 library.errors.notYourLevel')

    const decisions = await Promise.allSettled([
      reviewResource(rt.db, researcher, id, { decision: 'approve', ...scores, level: 'school' }),
      reviewResource(rt.db, admin, id, { decision: 'approve', ...scores, level: 'school' }),
    ])
    expect(decisions.map((d) => d.status).sort()).toEqual(['fulfilled', 'rejected'])
    const refused = decisions.find((d) => d.status === 'rejected') as PromiseRejectedResult
    expect((refused.reason as AppError).userMessage.key).toBe('library.errors.reviewMovedOn')
    expect((await getResource(rt.db, teacher, id)).reviewLevel).toBe('district')
    // The district level belongs to district reviewers only.
    expect(await code(() => reviewResource(rt.db, otherSchoolReviewer, id, { decision: 'approve', ...scores }))).toBe('403 library.errors.notYourLevel')
  })

  it('publishes at the school level alone where the district asks for one level', async () => {
    const { teacher, researcher } = actors
    await rt.db.update(districts).set({ reviewLevels: 1 }).where(eq(districts.id, teacher.districtId))
    try {
      const { id } = await createResource(rt.db, teacher, lessonInput('一级审核'))
      await submitResource(rt.db, teacher, id)
      expect(await reviewResource(rt.db, researcher, id, { decision: 'approve', ...scores })).toMatchObject({ status: 'published', publishedVersion: 1 })
    } finally {
      await rt.db.update(districts).set({ reviewLevels: 2 }).where(eq(districts.id, teacher.districtId))
    }
  })
})
