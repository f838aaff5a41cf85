import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/client'
import { searchOutbox } from '../../../db/schema'
import type { SearchDocument } from '../../../app/modules/search/document'
import { createPostgresSearchIndex } from '../../../app/modules/search/postgres.server'
import { markForIndexing, reindexAll, syncSearchIndex, type SearchSource } from '../../../app/modules/search/sync.server'
import { cloneDatabase, databaseKinds } from '../../support/database'

/** A source over an in-memory table, standing in for a capability's records. */
function memorySource() {
  const records = new Map<string, { title: string; published: boolean }>()
  const source: SearchSource = {
    name: 'note',
    async load(_db, id) {
      const record = records.get(id)
      if (!record) return null
      return {
        id: `note:${id}`,
        kind: 'lesson',
        title: record.title,
        summary: '',
        body: '',
        keywords: [],
        url: `/notes/${id}`,
        schoolType: null,
        stage: null,
        subject: null,
        disabilities: [],
        tiers: [],
        features: [],
        districtId: '00000000-0000-4000-8000-000000000001',
        published: record.published,
        ownerId: null,
        groupIds: [],
        updatedAt: new Date(),
      } satisfies SearchDocument
    },
    ids: async () => [...records.keys()],
  }
  return { records, source }
}

describe.each(databaseKinds)('keeping the index in step with the database on %s', (kind) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await cloneDatabase(kind)
  })
  afterAll(() => database.close())

  const find = (q: string) =>
    createPostgresSearchIndex(database)
      .search({ q, filters: {}, page: 1, pageSize: 20 }, { userId: '00000000-0000-4000-8000-000000000002', districtId: '00000000-0000-4000-8000-000000000001', groupIds: [] })
      .then((r) => r.hits.map((h) => h.id))

  it('follows publish, edit, unpublish and delete', async () => {
    const { records, source } = memorySource()
    const index = createPostgresSearchIndex(database)
    const change = async (fn: () => void) => {
      fn()
      await database.db.transaction((tx) => markForIndexing(tx, ['note:1']))
      await syncSearchIndex(database.db, index, [source])
    }
    await change(() => records.set('1', { title: '唱游与律动：拍手歌', published: true }))
    expect(await find('拍手歌')).toEqual(['note:1'])
    await change(() => records.set('1', { title: '唱游与律动：跺脚歌', published: true }))
    expect(await find('拍手歌')).toEqual([])
    expect(await find('跺脚歌')).toEqual(['note:1'])
    await change(() => records.set('1', { title: '唱游与律动：跺脚歌', published: false }))
    expect(await find('跺脚歌')).toEqual([])
    await change(() => records.delete('1'))
    expect(await find('律动')).toEqual([])
    expect(await database.db.select().from(searchOutbox)).toEqual([])
  })

  it('catches up after a crash between the database write and the index write', async () => {
    const { records, source } = memorySource()
    records.set('2', { title: '绘画与手工：剪窗花', published: true })
    // The change commits with its mark; the process dies before any sync runs.
    await database.db.transaction((tx) => markForIndexing(tx, ['note:2']))
    expect(await find('剪窗花')).toEqual([])
    // Whichever process runs the next (scheduled) sync finds the mark.
    expect(await syncSearchIndex(database.db, createPostgresSearchIndex(database), [source])).toBe(1)
    expect(await find('剪窗花')).toEqual(['note:2'])
  })

  it('keeps nothing of a change whose transaction rolled back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await markForIndexing(tx, ['note:rolled-back'])
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(await database.db.select().from(searchOutbox)).toEqual([])
  })

  it('rebuilds the whole index from the sources', async () => {
    const { records, source } = memorySource()
    records.set('3', { title: '运动与保健：平衡木', published: true })
    records.set('4', { title: '劳动技能：叠衣服', published: true })
    const index = createPostgresSearchIndex(database)
    await index.upsert([{ ...(await source.load(database.db, '3'))!, id: 'note:stale', title: '早已删除的平衡木' }])
    expect(await reindexAll(database.db, index, [source])).toBe(2)
    expect((await find('平衡木')).sort()).toEqual(['note:3'])
    expect(await find('叠衣服')).toEqual(['note:4'])
  })
})
