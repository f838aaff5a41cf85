import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseKinds } from '../../support/database'
import { api, apiToken, baseUrl } from '../../support/http'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'
import { lessonInput } from './fixtures'

const scores = { accessibility: 5, curriculum: 4, differentiation: 4 }

/** The library through /api/v1: the same rules as the pages, every refusal with its reason in both languages. */
describe.each(databaseKinds)('the library API on %s', (kind) => {
  let rt: Runtime
  const token = {} as Record<'admin' | 'researcher' | 'teacher' | 'student' | 'family', string>

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    for (const role of ['admin', 'researcher', 'teacher', 'student', 'family'] as const) token[role] = await apiToken(role)
  })
  afterAll(() => stopTestRuntime(rt))

  it('creates, updates, submits, reviews and publishes a lesson', async () => {
    const created = await api('POST', '/resources', { token: token.teacher, body: lessonInput('API 课例') })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body).toMatchObject({ status: 'draft', version: null, variants: [{ key: 'tier-a' }, { key: 'tier-c' }] })
    const id = created.body.id as string

    const updated = await api('PUT', `/resources/${id}`, { token: token.teacher, body: { ...lessonInput('API 课例（改）'), grade: 4 } })
    expect(updated.body).toMatchObject({ title: 'API 课例（改）', grade: 4 })

    expect((await api('POST', `/resources/${id}/submit`, { token: token.teacher })).body).toEqual({ id, status: 'submitted', reviewLevel: 'school' })
    expect((await api('GET', '/resources/review-queue', { token: token.researcher })).body.map((r: { id: string }) => r.id)).toContain(id)
    // Publishing skips no level: the school has not approved yet.
    const early = await api('POST', `/resources/${id}/publish`, { token: token.admin, body: scores })
    expect(early.status).toBe(409)
    expect(early.body.error.messages.en).toBe('The school review comes first; only then can the district publish it.')

    expect((await api('POST', `/resources/${id}/review`, { token: token.researcher, body: { decision: 'approve', ...scores } })).body).toMatchObject({ status: 'submitted', reviewLevel: 'district' })
    expect((await api('POST', `/resources/${id}/publish`, { token: token.admin, body: scores })).body).toMatchObject({ status: 'published', publishedVersion: 1 })

    const list = await api('GET', '/resources?schoolType=peizhi&subject=life_maths&grade=4', { token: token.researcher })
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id)
    const other = await api('GET', '/resources?schoolType=mangxiao', { token: token.researcher })
    expect(other.body.items.map((i: { id: string }) => i.id)).not.toContain(id)

    expect((await api('PUT', `/resources/${id}/favourite`, { token: token.researcher })).body).toEqual({ favourite: true })
    expect((await api('PUT', `/resources/${id}/rating`, { token: token.researcher, body: { stars: 5, comment: '好用' } })).status).toBe(200)
    const read = await api('GET', `/resources/${id}`, { token: token.researcher })
    expect(read.body).toMatchObject({ version: 1, counts: { favourites: 1, ratings: 1, averageRating: 5 }, mine: { favourite: true, stars: 5 } })

    // Another teacher adapts it: a draft of their own, with the variants, crediting the original.
    expect(read.body.can.adapt).toBe(true)
    const adapted = await api('POST', `/resources/${id}/adapt`, { token: token.researcher })
    expect(adapted.status, JSON.stringify(adapted.body)).toBe(201)
    expect(adapted.body).toMatchObject({ status: 'draft', title: 'API 课例（改）', author: { displayName: '李教研' }, variants: [{ key: 'tier-a' }, { key: 'tier-c' }], publishedVersion: null })
    expect(adapted.body.attribution).toBe('李教研（改编自《API 课例（改）》，张老师）')
    // "All rights reserved" may be used as it is, not adapted.
    await rt.database.executeSql(`update resource_versions set snapshot = jsonb_set(snapshot, '{licence}', '"all-rights-reserved"') where resource_id = $1`, [id])
    const refused = await api('POST', `/resources/${id}/adapt`, { token: token.researcher, lang: 'en' })
    expect(refused.status).toBe(403)
    expect(refused.body.error.message).toBe('This resource is licensed "all rights reserved": it may be used as it is, not adapted.')
  })

  it('explains every field that is wrong, in both languages, and saves nothing', async () => {
    const before = await rt.database.executeSql('select count(*)::int n from resources')
    const bad = await api('POST', '/resources', {
      token: token.teacher,
      lang: 'en',
      body: { ...lessonInput(), title: '', schoolType: 'mangxiao', subject: 'life_maths', variants: [{ key: 'tier-z' }] },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.title.message).toBe('Enter a title.')
    expect(bad.body.error.fields['variants.0.key'].code).toBe('library.errors.variantKey')
    const misplaced = await api('POST', '/resources', { token: token.teacher, body: { ...lessonInput(), schoolType: 'mangxiao' } })
    expect(misplaced.body.error.fields.subject.message).toBe('这个学科不属于所选学校类型的课程。')
    const strategy = await api('POST', '/resources', { token: token.teacher, body: { ...lessonInput(), kind: 'autism_strategy', details: { strategyType: 'nonsense' } } })
    expect(Object.keys(strategy.body.error.fields).sort()).toEqual(['details.steps', 'details.strategyType', 'details.targetSkill'])
    expect((await rt.database.executeSql('select count(*)::int n from resources')).rows).toEqual(before.rows)
  })

  it('keeps students and families out, and other authors off a draft', async () => {
    const created = await api('POST', '/resources', { token: token.teacher, body: lessonInput('草稿') })
    const id = created.body.id
    for (const role of ['student', 'family'] as const) {
      expect((await api('GET', '/resources', { token: token[role] })).status).toBe(403)
      expect((await api('POST', '/resources', { token: token[role], body: lessonInput() })).status).toBe(403)
    }
    expect((await api('GET', `/resources/${id}`, { token: token.researcher })).status).toBe(404)
    expect((await api('PUT', `/resources/${id}`, { token: token.admin, body: lessonInput() })).status).toBe(403)
    expect((await api('POST', `/resources/${id}/submit`, { token: token.researcher })).status).toBe(403)
    expect((await api('GET', '/resources/not-an-id', { token: token.teacher })).status).toBe(404)
    // A school-based course needs a school: the district researcher has none.
    const course = await api('POST', '/resources', { token: token.researcher, body: { ...lessonInput('校本课程'), kind: 'school_course', subject: 'school_based', details: { units: [] }, variants: [] } })
    expect(course.body.error.fields.kind.code).toBe('library.errors.courseNeedsSchool')
    const ours = await api('POST', '/resources', { token: token.teacher, body: { ...lessonInput('校本课程'), kind: 'school_course', subject: 'school_based', details: { units: [{ title: '认识农具', lessons: [{ title: '锄头' }] }] }, variants: [] } })
    expect(ours.body).toMatchObject({ schoolName: '同行区培智学校', details: { units: [{ title: '认识农具', summary: '', lessons: [{ title: '锄头', summary: '', resourceId: null }] }] } })
  })

  it('documents every library endpoint in the OpenAPI document', async () => {
    const { loader } = await import('../../../app/routes/api.openapi[.]json')
    const response = (await loader({ request: new Request(`${baseUrl}/api/openapi.json`), params: {}, context: {} } as never)) as Response
    const doc = await response.json()
    for (const path of ['/resources', '/resources/{id}', '/resources/{id}/submit', '/resources/{id}/review', '/resources/{id}/publish', '/resources/{id}/files', '/taxonomy']) expect(doc.paths[path], path).toBeTruthy()
    expect(doc.paths['/resources/{id}/files'].post.requestBody.content['application/octet-stream']).toBeTruthy()
  })
})
