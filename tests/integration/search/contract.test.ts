/**
 * The SearchIndex contract: one suite, run against every adapter available — PostgreSQL full-text
 * search on PGlite always and on PostgreSQL when DATABASE_URL is set; Meilisearch when MEILI_URL is set.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/client'
import type { SearchDocument, SearchQuery, SearchResults, Viewer } from '../../../app/modules/search/document'
import { createMeilisearchIndex } from '../../../app/modules/search/meilisearch.server'
import type { SearchIndex } from '../../../app/modules/search/port'
import { createPostgresSearchIndex } from '../../../app/modules/search/postgres.server'
import { cloneDatabase, databaseKinds } from '../../support/database'

const owner = randomUUID()
const stranger = randomUUID()
const group = randomUUID()
const district = randomUUID()
const otherDistrict = randomUUID()
const visitor: Viewer = { userId: randomUUID(), districtId: district, groupIds: [] }

function doc(id: string, fields: Partial<SearchDocument>): SearchDocument {
  return {
    id: `test:${id}`,
    kind: 'lesson',
    title: '',
    summary: '',
    body: '',
    keywords: [],
    url: `/library/${id}`,
    schoolType: 'peizhi',
    stage: 'primary',
    subject: null,
    disabilities: [],
    tiers: [],
    features: [],
    districtId: district,
    published: true,
    ownerId: owner,
    groupIds: [],
    updatedAt: new Date('2026-09-01T08:00:00Z'),
    ...fields,
  }
}

const corpus: SearchDocument[] = [
  doc('schedule', {
    kind: 'strategy',
    title: '孤独症儿童的视觉日程',
    summary: '用图片排出一天的活动顺序，帮助学生预知下一步。',
    body: '准备图片卡片，按时间顺序贴在日程条上。完成一项就把卡片翻过来。',
    keywords: ['视觉支持'],
    disabilities: ['autism'],
    features: ['video', 'captions'],
  }),
  doc('story', {
    kind: 'strategy',
    title: '社交故事：排队等候',
    summary: '一篇社交故事，教学生在食堂排队。',
    body: '我们排队打饭。轮到我时，我说谢谢。',
    disabilities: ['autism'],
  }),
  doc('structured', {
    kind: 'strategy',
    title: '结构化教学的工作系统',
    summary: '从左到右完成任务篮，完成后放进“完成”筐。',
    body: 'TEACCH 的工作系统回答四个问题：做什么、做多少、何时结束、之后做什么。',
    disabilities: ['autism', 'intellectual'],
  }),
  doc('money', {
    title: '认识人民币：元角分',
    summary: '生活数学：在模拟超市里用人民币购物。',
    body: '分层目标：A 层独立付款找零；B 层在提示下付款；C 层在全程支持下指认硬币。',
    subject: '生活数学',
    tiers: ['A', 'B', 'C'],
    disabilities: ['intellectual'],
  }),
  doc('inclusion', {
    title: '随班就读学生的数学作业单',
    summary: '普通学校三年级数学的分层作业。',
    body: '为随班就读学生调整题量与呈现方式。',
    schoolType: 'regular',
    subject: '数学',
    tiers: ['B'],
  }),
  doc('braille', {
    kind: 'braille',
    title: '盲文识字卡：数字与标点',
    summary: '盲校一年级的点字练习。',
    body: '数符加上字母表示数字。',
    schoolType: 'mangxiao',
    disabilities: ['visual'],
    features: ['braille'],
  }),
  doc('sign', {
    kind: 'sign',
    title: '手语词汇：学校生活',
    summary: '聋校常用的课堂手语。',
    body: '老师、同学、上课、下课的手语打法。',
    schoolType: 'longxiao',
    disabilities: ['hearing'],
    features: ['video', 'sign'],
  }),
  doc('draft', { title: '孤独症学生情绪调节（草稿）', summary: '还在写。', published: false, ownerId: owner, disabilities: ['autism'] }),
  doc('elsewhere', { title: '孤独症儿童的视觉日程（外区）', districtId: otherDistrict }),
  doc('group', { kind: 'study', title: '孤独症课例研讨记录', summary: '教研组内部材料。', published: false, ownerId: stranger, groupIds: [group] }),
]

const search = (index: SearchIndex, q: string, viewer: Viewer = visitor, rest: Partial<SearchQuery> = {}) =>
  index.search({ q, filters: {}, page: 1, pageSize: 20, ...rest }, viewer)
const ids = (results: SearchResults) => results.hits.map((h) => h.id.replace('test:', ''))

interface Harness {
  index: SearchIndex
  /** Postgres reports the corrected word; Meilisearch corrects silently. */
  reportsCorrections: boolean
  teardown(): Promise<void>
}

function searchIndexContract(name: string, make: () => Promise<Harness>) {
  describe(name, () => {
    let h: Harness
    beforeAll(async () => {
      h = await make()
      await h.index.clear()
      await h.index.upsert(corpus)
    }, 60_000)
    afterAll(() => h?.teardown())

    it('finds a Chinese word, and a compound by its part', async () => {
      expect(ids(await search(h.index, '视觉日程'))).toEqual(['schedule'])
      expect(ids(await search(h.index, '孤独'))).toContain('schedule')
      expect(ids(await search(h.index, '结构化'))).toEqual(['structured'])
    })

    it('needs every word of the query', async () => {
      expect(ids(await search(h.index, '孤独症 视觉'))).toEqual(['schedule'])
      expect(ids(await search(h.index, '孤独症 人民币'))).toEqual([])
    })

    it('finds special-education synonyms', async () => {
      expect(ids(await search(h.index, '自闭症'))).toContain('schedule')
      expect(ids(await search(h.index, 'ASD'))).toContain('schedule')
      expect(ids(await search(h.index, '融合教育'))).toEqual(['inclusion'])
      expect(ids(await search(h.index, '点字'))).toEqual(['braille'])
    })

    it('finds by full pinyin and by initials', async () => {
      expect(ids(await search(h.index, 'gudu'))).toContain('schedule')
      expect(ids(await search(h.index, 'gdz'))).toContain('schedule')
      expect(ids(await search(h.index, 'renminbi'))).toEqual(['money'])
    })

    it('tolerates one wrong character in a word of three or more', async () => {
      const results = await search(h.index, '结沟化')
      expect(ids(results)).toEqual(['structured'])
      if (h.reportsCorrections) expect(results.corrections).toEqual([{ from: '结沟化', to: '结构化' }])
      expect(ids(await search(h.index, '孤读症'))).toContain('schedule')
    })

    it('marks the matched words in titles and snippets', async () => {
      const [hit] = (await search(h.index, '自闭症 日程')).hits
      expect(hit!.highlight.title.filter((s) => s.match).map((s) => s.text)).toEqual(['孤独症', '日程'])
      const [pinyinHit] = (await search(h.index, 'renminbi')).hits
      expect(pinyinHit!.highlight.title.filter((s) => s.match).map((s) => s.text)).toEqual(['人民币'])
      const [bodyHit] = (await search(h.index, '硬币')).hits
      expect(bodyHit!.highlight.snippet.some((s) => s.match && s.text === '硬币')).toBe(true)
    })

    it('counts facets over what matched, and filters by them', async () => {
      const all = await search(h.index, '')
      expect(all.total).toBe(7)
      expect(all.facets.kind).toEqual([
        { value: 'lesson', count: 2 },
        { value: 'strategy', count: 3 },
        { value: 'braille', count: 1 },
        { value: 'sign', count: 1 },
      ].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)))
      expect(all.facets.disability.find((f) => f.value === 'autism')).toEqual({ value: 'autism', count: 3 })
      expect(all.facets.feature.find((f) => f.value === 'video')).toEqual({ value: 'video', count: 2 })
      const autism = await search(h.index, '', visitor, { filters: { disability: 'autism', kind: 'strategy' } })
      expect(ids(autism).sort()).toEqual(['schedule', 'story', 'structured'])
      expect(ids(await search(h.index, '', visitor, { filters: { tier: 'C' } }))).toEqual(['money'])
      expect(ids(await search(h.index, '', visitor, { filters: { feature: 'sign' } }))).toEqual(['sign'])
    })

    it('shows drafts to their owner and group material to the group only', async () => {
      expect(ids(await search(h.index, '孤独症'))).not.toContain('draft')
      expect(ids(await search(h.index, '孤独症', { userId: stranger, districtId: district, groupIds: [] }))).not.toContain('draft')
      expect(ids(await search(h.index, '孤独症', { userId: owner, districtId: district, groupIds: [] }))).toContain('draft')
      expect(ids(await search(h.index, '课例研讨'))).toEqual([])
      expect(ids(await search(h.index, '课例研讨', { userId: owner, districtId: district, groupIds: [group] }))).toEqual(['group'])
    })

    it('finds nothing of another district', async () => {
      expect(ids(await search(h.index, '外区'))).toEqual([])
      expect(ids(await search(h.index, '外区', { userId: owner, districtId: otherDistrict, groupIds: [] }))).toEqual(['elsewhere'])
    })

    it('says which filter to remove when nothing matches', async () => {
      const results = await search(h.index, '人民币', visitor, { filters: { schoolType: 'mangxiao' } })
      expect(results.total).toBe(0)
      expect(results.withoutFilter).toEqual([{ facet: 'schoolType', value: 'mangxiao', total: 1 }])
    })

    it('pages through results', async () => {
      const first = await search(h.index, '', visitor, { pageSize: 3, page: 1 })
      const third = await search(h.index, '', visitor, { pageSize: 3, page: 3 })
      expect(first.hits).toHaveLength(3)
      expect(third.hits).toHaveLength(1)
      expect(new Set([...ids(first), ...ids(third)]).size).toBe(4)
    })

    it('replaces a document on upsert and forgets it on remove', async () => {
      await h.index.upsert([doc('money', { title: '认识人民币：购物游戏', subject: '生活数学' })])
      expect(ids(await search(h.index, '购物游戏'))).toEqual(['money'])
      expect(ids(await search(h.index, '元角分'))).toEqual([])
      await h.index.remove(['test:money'])
      expect(ids(await search(h.index, '人民币'))).toEqual([])
      await h.index.upsert([corpus.find((d) => d.id === 'test:money')!])
    })

    it('answers a health check', async () => {
      await expect(h.index.check()).resolves.toBeUndefined()
    })
  })
}

for (const kind of databaseKinds) {
  let database: DatabaseHandle
  searchIndexContract(`PostgreSQL search on ${kind}`, async () => {
    database = await cloneDatabase(kind)
    return { index: createPostgresSearchIndex(database), reportsCorrections: true, teardown: () => database.close() }
  })
}

const meiliUrl = process.env.MEILI_URL
if (!meiliUrl) console.info('Meilisearch contract tests skipped: set MEILI_URL (and MEILI_KEY) to run them against a Meilisearch server.')
describe.skipIf(!meiliUrl)('Meilisearch (MEILI_URL)', () => {
  searchIndexContract('Meilisearch search', async () => ({
    index: createMeilisearchIndex({ url: meiliUrl!, key: process.env.MEILI_KEY, index: `tongxing_test_${Date.now()}` }),
    reportsCorrections: false,
    teardown: async () => {},
  }))
})
