import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { districts, mediaAssets, signTerms, users } from '../../../db/schema'
import { getTermForReader } from '../../../app/modules/signs/terms.server'
import { databaseKinds } from '../../support/database'
import { api, apiToken } from '../../support/http'
import { actorFor } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

/** A term's sign video is a media asset its editor may see; readers get the player once a version is published. */
describe.each(databaseKinds)('sign videos on %s', (kind) => {
  let rt: Runtime
  let teacher: string
  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    teacher = await apiToken('teacher')
  })
  afterAll(() => stopTestRuntime(rt))

  it('attaches a video of the district, refuses one from elsewhere, and tells readers when it is not ready yet', async () => {
    const [owner] = await rt.db.select().from(users).where(eq(users.username, 'teacher'))
    const asset = async (districtId: string, ownerId: string) =>
      (await rt.db.insert(mediaAssets).values({ districtId, ownerId, title: '谢谢', originalName: '谢谢.mp4', originalSize: 1000, status: 'processing' }).returning())[0]!
    const ours = await asset(owner!.districtId, owner!.id)
    const [other] = await rt.db.insert(districts).values({ code: 'signs-other', name: '外区' }).returning()
    const [stranger] = await rt.db.insert(users).values({ username: 'signs-stranger', displayName: '外区老师', role: 'teacher', districtId: other!.id, passwordHash: '!' }).returning()
    const theirs = await asset(other!.id, stranger!.id)

    const refused = await api('POST', '/signs', { token: teacher, body: { word: '谢谢', category: 'daily', videoAssetId: theirs.id } })
    expect(refused.status).toBe(400)
    expect(refused.body.error.fields.videoAssetId.code).toBe('signs.errors.videoNotFound')

    const created = await api('POST', '/signs', { token: teacher, body: { word: '谢谢', category: 'daily', movement: '拇指朝向对方弯动两下', videoAssetId: ours.id } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body).toMatchObject({ hasVideo: true, videoAssetId: ours.id })

    const reader = await actorFor(rt.db, 'student')
    expect((await getTermForReader(rt.db, reader, created.body.id)).video).toEqual({ state: 'pending' })
    // A removed asset leaves the term with its description only.
    await rt.db.delete(mediaAssets).where(eq(mediaAssets.id, ours.id))
    const after = await getTermForReader(rt.db, reader, created.body.id)
    expect(after.video).toEqual({ state: 'none' })
    expect(after.term).toMatchObject({ hasVideo: false, movement: '拇指朝向对方弯动两下' })

    // A term of another district is not there for this one, by id or by list.
    const [foreign] = await rt.db.insert(signTerms).values({ districtId: other!.id, word: '外区词', pinyin: 'waiquci', initials: 'wqc', category: 'daily' }).returning()
    expect((await api('GET', `/signs/${foreign!.id}`, { token: teacher })).status).toBe(404)
    expect((await api('PUT', `/signs/${foreign!.id}`, { token: teacher, body: { word: '改', category: 'daily' } })).status).toBe(404)
    expect((await api('GET', '/signs?q=waiquci', { token: teacher })).body.terms).toEqual([])
  })
})
