import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../../app/modules/library/content.server'
import { searchFor } from '../../../app/modules/search/search.server'
import { syncSearchIndex } from '../../../app/modules/search/sync.server'
import { actorFor } from '../../support/media'
import { databaseKinds } from '../../support/database'
import { api, apiToken } from '../../support/http'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'
import { lessonInput } from '../library/fixtures'

type Role = 'admin' | 'researcher' | 'teacher' | 'student' | 'family'
const term = (word: string, extra: Record<string, unknown> = {}) => ({ word, category: 'classroom', handshape: '一手伸食指', movement: '食指竖在嘴唇前', ...extra })
const fieldKeys = (fields: Record<string, { key: string }>) => Object.fromEntries(Object.entries(fields).map(([f, m]) => [f, m.key]))
/** An API error's fields as codes, after checking each is translated into both languages. */
const fieldCodes = (fields: Record<string, { code: string; messages: Record<string, string> }>) =>
  Object.fromEntries(
    Object.entries(fields).map(([f, m]) => {
      expect(m.messages['zh-CN']).not.toBe(m.messages.en)
      expect(m.messages.en).not.toMatch(/^signs\./)
      return [f, m.code]
    }),
  )

describe.each(databaseKinds)('the sign glossary on %s', (kind) => {
  let rt: Runtime
  const token = {} as Record<Role, string>
  const count = async (sql: string) => Number((await rt.database.executeSql(sql)).rows[0]!.n)

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    for (const role of ['admin', 'researcher', 'teacher', 'student', 'family'] as const) token[role] = await apiToken(role)
  })
  afterAll(() => stopTestRuntime(rt))

  it('lets teachers, researchers and admins write terms, and everyone in the district read them', async () => {
    for (const role of ['student', 'family'] as const) {
      const refused = await api('POST', '/signs', { token: token[role], body: term(`拒绝${role}`) })
      expect(refused.status).toBe(403)
    }
    expect(await count(`select count(*) n from sign_terms where word like '拒绝%'`)).toBe(0)

    const created = await api('POST', '/signs', { token: token.teacher, body: term('安静') })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body).toMatchObject({ word: '安静', pinyin: 'ān jìng', category: 'classroom', hasVideo: false, related: [] })
    const quiet = created.body.id as string

    const related = await api('POST', '/signs', { token: token.researcher, body: term('注意', { related: '安静' }) })
    expect(related.status).toBe(201)
    expect(related.body.related).toEqual([{ id: quiet, word: '安静' }])
    // Links read both ways.
    expect((await api('GET', `/signs/${quiet}`, { token: token.student })).body.related.map((r: { word: string }) => r.word)).toEqual(['注意'])

    const changed = await api('PUT', `/signs/${quiet}`, { token: token.admin, body: term('安静', { notes: '表情平静' }) })
    expect(changed.body).toMatchObject({ notes: '表情平静', related: [] })
    for (const role of ['student', 'family'] as const) {
      expect((await api('PUT', `/signs/${quiet}`, { token: token[role], body: term('安静') })).status).toBe(403)
      expect((await api('DELETE', `/signs/${quiet}`, { token: token[role] })).status).toBe(403)
    }
    expect((await api('GET', `/signs?q=anj`, { token: token.family })).body.terms.map((t: { word: string }) => t.word)).toEqual(['安静'])
    expect((await api('GET', `/signs?q=zy`, { token: token.student })).body.terms.map((t: { word: string }) => t.word)).toEqual(['注意'])
    expect((await api('GET', `/signs?q=静`, { token: token.student })).body.terms.map((t: { word: string }) => t.word)).toEqual(['安静'])
    const all = (await api('GET', '/signs', { token: token.student })).body
    expect(all.terms.map((t: { word: string }) => t.word)).toEqual(['安静', '注意'])
    expect(all.counts).toMatchObject({ classroom: 2, daily: 0 })
    expect((await api('GET', '/signs?category=daily', { token: token.student })).body.terms).toEqual([])
  })

  it('refuses bad input field by field, in both languages, and saves nothing of it', async () => {
    const before = await count('select count(*) n from sign_terms')
    const bad = await api('POST', '/signs', { token: token.teacher, body: { word: '', category: 'spells', videoAssetId: 'not-an-id', related: '不存在的词' } })
    expect(bad.status).toBe(400)
    expect(fieldCodes(bad.body.error.fields)).toMatchObject({ word: 'required', category: 'signs.errors.category', videoAssetId: 'signs.errors.videoId' })

    const unknown = await api('POST', '/signs', { token: token.teacher, body: term('新词', { related: '不存在的词、也没有', videoAssetId: '00000000-0000-4000-8000-000000000000' }) })
    expect(unknown.status).toBe(400)
    expect(fieldCodes(unknown.body.error.fields)).toEqual({ related: 'signs.errors.unknownRelated', videoAssetId: 'signs.errors.videoNotFound' })
    expect(unknown.body.error.fields.related.messages.en).toBe('These words are not in the glossary: 不存在的词、也没有.')

    const taken = await api('POST', '/signs', { token: token.teacher, body: term('安静'), lang: 'en' })
    expect(taken.status).toBe(400)
    expect(taken.body.error.fields.word.message).toBe('“安静” is already in the glossary.')
    expect(await count('select count(*) n from sign_terms')).toBe(before)
    expect((await api('GET', '/signs/00000000-0000-4000-8000-000000000000', { token: token.teacher })).status).toBe(404)
  })

  it('imports a glossary from CSV: good rows go in, each bad row is reported by line and writes nothing', async () => {
    const csv = [
      'word,category,handshape,movement,notes,related,video',
      '举手,课堂用语,一手五指并拢,手从肩旁向上举起,,书,', // 2: related to a later row: goes in after it
      '书,classroom,双手合掌,向两侧打开,,,', // 3
      '飞,魔法,,,,,', // 4: unknown category
      ',daily,,,,,', // 5: no word
      '喝水,daily,,,,没有这个词,', // 6: related to nothing
      '书,daily,,,,,', // 7: twice in the file
      '吃饭,Daily life,筷子手形,向嘴里拨动,,,not-a-uuid', // 8: bad video id
      '安静,classroom,一手伸食指,食指竖在嘴唇前,导入改的,举手,', // 9: an existing word is updated
    ].join('\n')
    const response = await api('POST', '/signs/import', { token: token.teacher, csv })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.imported).toEqual([
      { row: 2, word: '举手', created: true },
      { row: 3, word: '书', created: true },
      { row: 9, word: '安静', created: false },
    ])
    const failed = Object.fromEntries(response.body.failed.map((f: { row: number; fields: Record<string, { key: string }> }) => [f.row, fieldKeys(f.fields)]))
    expect(failed).toEqual({
      4: { category: 'signs.errors.unknownCategory' },
      5: { word: 'errors.required' },
      6: { related: 'signs.errors.unknownRelated' },
      7: { word: 'signs.errors.duplicateInFile' },
      8: { video: 'signs.errors.videoId' },
    })
    expect(await count(`select count(*) n from sign_terms where word in ('飞', '喝水', '吃饭')`)).toBe(0)
    expect(await count(`select count(*) n from sign_terms where word = '安静' and notes = '导入改的'`)).toBe(1)
    const raise = (await api('GET', '/signs?q=举手', { token: token.teacher })).body.terms[0]
    expect((await api('GET', `/signs/${raise.id}`, { token: token.teacher })).body.related.map((r: { word: string }) => r.word).sort()).toEqual(['书', '安静'].sort())

    expect((await api('POST', '/signs/import', { token: token.student, csv })).status).toBe(403)
    const header = await api('POST', '/signs/import', { token: token.teacher, csv: 'name,kind\n一,二\n' })
    expect(header.status).toBe(400)
    expect(header.body.error.code).toBe('csvHeader')
    expect(header.body.error.messages.en).toContain('word, category')
  })

  it('keeps a valid sign mark in lesson text and drops forged ones', async () => {
    const quiet = (await api('GET', '/signs?q=安静', { token: token.teacher })).body.terms[0].id as string
    const body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '请', marks: [{ type: 'bold' }] },
            { type: 'text', text: '安静', marks: [{ type: 'signTerm', attrs: { termId: quiet, onclick: 'alert(1)', href: 'javascript:alert(1)' } }] },
            { type: 'text', text: '坐好', marks: [{ type: 'signTerm', attrs: { termId: 'javascript:alert(1)' } }] },
            { type: 'text', text: '看黑板', marks: [{ type: 'signTerm' }, { type: 'italic' }] },
          ],
        },
      ],
    }
    const created = await api('POST', '/resources', { token: token.teacher, body: { ...lessonInput('手语标注'), body } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const stored = (await api('GET', `/resources/${created.body.id}`, { token: token.teacher })).body.body
    expect(stored.content[0].content).toEqual([
      { type: 'text', text: '请', marks: [{ type: 'bold' }] },
      { type: 'text', text: '安静', marks: [{ type: 'signTerm', attrs: { termId: quiet } }] },
      { type: 'text', text: '坐好' },
      { type: 'text', text: '看黑板', marks: [{ type: 'italic' }] },
    ])
  })

  it('loads the starter glossary with the content, once', { timeout: 120_000 }, async () => {
    const first = await loadContent(rt)
    expect('signGlossary' in first && first.signGlossary?.loaded).toBeGreaterThanOrEqual(60)
    const terms = await count('select count(*) n from sign_terms')
    const second = await loadContent(rt)
    expect('signGlossary' in second && second.signGlossary?.loaded).toBe(0)
    expect(await count('select count(*) n from sign_terms')).toBe(terms)
    // A teacher's correction to a starter word (安静 was imported above) survives reloading.
    expect(await count(`select count(*) n from sign_terms where word = '安静' and notes = '导入改的'`)).toBe(1)
    expect(await count(`select count(*) n from sign_terms where category = 'classroom'`)).toBeGreaterThanOrEqual(15)
    expect(await count(`select count(*) n from sign_terms where category = 'daily'`)).toBeGreaterThanOrEqual(15)
  })

  it('makes terms findable in the platform search, and a deleted term is no longer found', async () => {
    await syncSearchIndex(rt.db, rt.search)
    const teacher = await actorFor(rt.db, 'teacher')
    const raise = (await api('GET', '/signs?q=举手', { token: token.teacher })).body.terms[0]
    const found = await searchFor(rt, teacher, { q: '举手', kind: 'sign_term' })
    // The word itself first; terms that mention it in their description after.
    expect(found.hits[0]).toMatchObject({ id: `sign:${raise.id}`, url: `/signs/${raise.id}`, title: '举手' })
    expect((await api('DELETE', `/signs/${raise.id}`, { token: token.researcher })).status).toBe(204)
    await syncSearchIndex(rt.db, rt.search)
    expect((await searchFor(rt, teacher, { q: '举手', kind: 'sign_term' })).hits.map((h) => h.id)).not.toContain(`sign:${raise.id}`)
    // Its links went with it.
    expect(await count(`select count(*) n from sign_term_links where term_id = '${raise.id}' or related_id = '${raise.id}'`)).toBe(0)
  })
})
