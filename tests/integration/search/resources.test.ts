import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mediaAssets, mediaTextTracks } from '../../../db/schema'
import type { Actor } from '../../../app/modules/accounts/actor'
import { markResourcesShowingMedia } from '../../../app/modules/library/search-source.server'
import { archiveResource, createResource, publishDirectly, updateResource } from '../../../app/modules/library/resources.server'
import { docFromText } from '../../../app/modules/library/rich-text'
import { saveTextTrack } from '../../../app/modules/media/text-tracks.server'
import { searchFor } from '../../../app/modules/search/search.server'
import { syncSearchIndex } from '../../../app/modules/search/sync.server'
import { databaseKinds } from '../../support/database'
import { actorFor } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

/** The library's changes reach search through the outbox, and each role finds only what it may read. */
describe.each(databaseKinds)('searching the library on %s', (kind) => {
  let rt: Runtime
  let teacher: Actor
  let researcher: Actor
  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    teacher = await actorFor(rt.db, 'teacher')
    researcher = await actorFor(rt.db, 'researcher')
  })
  afterAll(() => stopTestRuntime(rt))

  const lesson = (title: string) => ({
    kind: 'lesson',
    title,
    summary: '在模拟超市里认识人民币，分层练习付款。',
    schoolType: 'peizhi',
    subject: 'life_maths',
    stage: 'primary',
    grade: 3,
    disabilityCategories: ['intellectual'],
    licence: 'cc-by',
    attribution: '张老师',
    details: { objectives: '认识一元硬币', keywords: '人民币、购物' },
    body: docFromText('出示硬币，学生说出面值，再到“超市”购买一样东西。'),
    variants: [
      { key: 'tier-a', objectives: '独立付款', activities: docFromText('独立完成购物'), assessment: '' },
      { key: 'tier-c', objectives: '指认硬币', activities: docFromText('在支持下指认'), assessment: '' },
    ],
  })
  const titles = async (actor: Actor, q: string, extra: Record<string, string> = {}) =>
    (await searchFor(rt, actor, { q, ...extra })).hits.map((h) => h.title)

  it('follows a resource from draft to published to archived', async () => {
    const { id } = await createResource(rt.db, teacher, lesson('超市购物学付款'))
    await syncSearchIndex(rt.db, rt.search)
    expect(await titles(teacher, '超市购物')).toEqual(['超市购物学付款'])
    expect(await titles(researcher, '超市购物')).toEqual([])

    await publishDirectly(rt.db, id)
    await syncSearchIndex(rt.db, rt.search)
    const found = await searchFor(rt, researcher, { q: '人民币', tier: 'c' })
    expect(found.hits.map((h) => h.title)).toEqual(['超市购物学付款'])
    expect(found.hits[0]).toMatchObject({ url: `/library/${id}`, subject: 'life_maths', tiers: ['a', 'c'], disabilities: ['intellectual'] })

    // Editing the working copy keeps readers on the published version until it is published again.
    await updateResource(rt.db, teacher, id, lesson('超市购物学找零'))
    await syncSearchIndex(rt.db, rt.search)
    expect(await titles(researcher, '超市购物')).toEqual(['超市购物学付款'])

    await archiveResource(rt.db, teacher, id)
    await syncSearchIndex(rt.db, rt.search)
    expect(await titles(researcher, '超市购物')).toEqual([])
    expect(await titles(teacher, '超市购物')).toEqual([])
  })

  it('finds a lesson by the words spoken in its video, once its captions are stored', async () => {
    const [video] = await rt.db
      .insert(mediaAssets)
      .values({ districtId: teacher.districtId, ownerId: teacher.id, title: '洗手视频', originalName: 'w.mp4', originalSize: 10, status: 'ready' })
      .returning()
    const { id } = await createResource(rt.db, teacher, { ...lesson('七步洗手法'), details: {}, body: docFromText('跟着视频一起做。'), variants: [], mediaAssetIds: [video!.id] })
    await publishDirectly(rt.db, id)
    await syncSearchIndex(rt.db, rt.search, undefined, rt.storage)
    expect(await titles(researcher, '肥皂泡沫')).toEqual([])

    await saveTextTrack(rt, teacher, video!.id, { kind: 'captions', language: 'zh-CN' }, { name: 'zh.vtt', bytes: new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:02.000\n打上肥皂泡沫，搓一搓手心。\n') }, '中文')
    await syncSearchIndex(rt.db, rt.search, undefined, rt.storage)
    expect(await titles(researcher, '肥皂泡沫')).toEqual(['七步洗手法'])
  })

  it('refuses bad search parameters by name', async () => {
    await expect(searchFor(rt, teacher, { q: '数学', page: '0' })).rejects.toMatchObject({ status: 400 })
    await expect(searchFor(rt, teacher, { q: '数学', feature: 'smell' })).rejects.toMatchObject({ status: 400 })
  })
})

describe('the index follows the library by itself', () => {
  let rt: Runtime
  beforeAll(async () => {
    rt = await startTestRuntime('pglite', {}, { work: true })
  })
  afterAll(() => stopTestRuntime(rt))

  it('finds a newly published resource a few seconds later, with no manual step', async () => {
    const teacher = await actorFor(rt.db, 'teacher')
    const researcher = await actorFor(rt.db, 'researcher')
    const { id } = await createResource(rt.db, teacher, {
      kind: 'lesson',
      title: '唱游与律动：火车开了',
      summary: '跟着音乐做开火车的律动。',
      schoolType: 'peizhi',
      subject: 'singing_rhythm',
      stage: 'primary',
      grade: 2,
      disabilityCategories: [],
      licence: 'cc-by',
      attribution: '张老师',
      details: {},
      body: docFromText('排成一列，听到汽笛声出发。'),
      variants: [],
    })
    await publishDirectly(rt.db, id)
    let titles: string[] = []
    for (let waited = 0; waited < 15_000 && !titles.length; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      titles = (await searchFor(rt, researcher, { q: '火车开了' })).hits.map((h) => h.title)
    }
    expect(titles).toEqual(['唱游与律动：火车开了'])
  }, 30_000)
})

describe('a resource’s video features follow its video', () => {
  let rt: Runtime
  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
  })
  afterAll(() => stopTestRuntime(rt))

  it('offers captions and a sign window once the attached video has them', async () => {
    const teacher = await actorFor(rt.db, 'teacher')
    const [video] = await rt.db.insert(mediaAssets).values({ districtId: teacher.districtId, ownerId: teacher.id, title: '整理书包', originalName: '整理书包.mp4', originalSize: 1000, status: 'ready' }).returning()
    const { id } = await createResource(rt.db, teacher, {
      kind: 'video',
      title: '视频课：洗红领巾',
      summary: '一步一步洗红领巾。',
      schoolType: 'peizhi',
      subject: 'labour_skills',
      stage: 'primary',
      grade: 4,
      disabilityCategories: [],
      licence: 'cc-by',
      attribution: '张老师',
      details: {},
      body: docFromText('看视频，跟着做。'),
      variants: [],
      mediaAssetIds: [video!.id],
    })
    await publishDirectly(rt.db, id)
    await syncSearchIndex(rt.db, rt.search)
    const features = async () => (await searchFor(rt, teacher, { q: '红领巾' })).hits[0]?.features
    expect(await features()).toEqual(['video'])

    await rt.db.transaction(async (tx) => {
      await tx.insert(mediaTextTracks).values({ assetId: video!.id, kind: 'captions', language: 'zh-CN', label: '中文', storageKey: 'x', cueCount: 1, createdBy: teacher.id })
      await markResourcesShowingMedia(tx, video!.id)
    })
    const [sign] = await rt.db
      .insert(mediaAssets)
      .values({ districtId: teacher.districtId, ownerId: teacher.id, parentId: video!.id, role: 'sign_language', title: '手语', originalName: 's.mp4', originalSize: 10, status: 'ready' })
      .returning()
    await markResourcesShowingMedia(rt.db, sign!.id)
    await syncSearchIndex(rt.db, rt.search)
    expect(await features()).toEqual(['video', 'captions', 'sign'])
    expect((await searchFor(rt, teacher, { q: '红领巾', feature: 'sign' })).total).toBe(1)
  })
})
