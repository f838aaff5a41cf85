import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, apiToken } from '../../support/http'
import { Browser } from '../../support/pages'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

type RouteFn = Parameters<Browser['open']>[1] & {}

/** The glossary's pages and the JSON routes the lesson editor and reader use, with their permissions. */
describe('the sign glossary pages', () => {
  let rt: Runtime
  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
  })
  afterAll(() => stopTestRuntime(rt))

  it('creates, refuses and deletes through the forms, keeping what was typed on a mistake', async () => {
    const { action: create } = await import('../../../app/routes/signs.new')
    const student = new Browser()
    await student.signIn('student')
    expect((await student.submit('/signs/new', create as RouteFn, { word: '打扰', category: 'daily' })).status).toBe(403)

    const teacher = new Browser()
    await teacher.signIn('teacher')
    const bad = await teacher.submit('/signs/new', create as RouteFn, { word: '排队', category: '', handshape: '双手五指伸直' })
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({ ok: false, error: { fields: { category: { key: 'signs.errors.category' } } }, values: { word: '排队', handshape: '双手五指伸直' } })

    const made = await teacher.submit('/signs/new', create as RouteFn, { word: '排队', category: 'school', handshape: '双手五指伸直' })
    expect(made.status).toBe(302)
    const id = made.location!.match(/\/signs\/([0-9a-f-]{36})/)![1]!

    const { action: edit } = await import('../../../app/routes/signs.$id.edit')
    expect((await student.submit(`/signs/${id}/edit`, edit as RouteFn, { intent: 'delete' }, { params: { id } })).status).toBe(403)
    expect((await teacher.submit(`/signs/${id}/edit`, edit as RouteFn, { intent: 'delete' }, { params: { id } })).location).toBe('/signs')
    expect((await api('GET', `/signs/${id}`, { token: await apiToken('teacher') })).status).toBe(404)
  })

  it('gives a lesson reader the term as JSON, says so when it was deleted, and nothing to visitors', async () => {
    const token = await apiToken('teacher')
    const term = (await api('POST', '/signs', { token, body: { word: '谢谢', category: 'daily', movement: '拇指朝向对方弯动两下' } })).body
    const { loader: card } = await import('../../../app/routes/signs.$id.card')
    const { loader: search } = await import('../../../app/routes/signs.search')

    const reader = new Browser()
    await reader.signIn('student')
    const opened = await reader.open(`/signs/${term.id}/card`, card as RouteFn, { id: term.id })
    expect(opened.status).toBe(200)
    expect(opened.data).toMatchObject({ term: { word: '谢谢', movement: '拇指朝向对方弯动两下' }, video: { state: 'none' } })
    expect((await reader.open('/signs/search?q=xiexie', search as RouteFn)).data.terms.map((t: { word: string }) => t.word)).toEqual(['谢谢'])

    await api('DELETE', `/signs/${term.id}`, { token })
    const gone = await reader.open(`/signs/${term.id}/card`, card as RouteFn, { id: term.id })
    expect(gone.status).toBe(404)
    expect(gone.data.message.key).toBe('signs.errors.notFound')

    const visitor = new Browser()
    expect((await visitor.open(`/signs/${term.id}/card`, card as RouteFn, { id: term.id })).status).toBe(401)
    expect((await visitor.open('/signs/search?q=xiexie', search as RouteFn)).status).toBe(401)
  })
})
