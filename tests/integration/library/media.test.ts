import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mediaAssets, users } from '../../../db/schema'
import { databaseKinds } from '../../support/database'
import { api, apiToken } from '../../support/http'
import { Browser } from '../../support/pages'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'
import { lessonInput } from './fixtures'

const videoLesson = (mediaAssetIds: string[]) => ({ ...lessonInput('视频课：整理书包'), kind: 'video', details: { minutes: 3, captions: true }, variants: [], mediaAssetIds })

/** Video lessons point at the media module's assets: only ones the author may see, shown by its player once ready. */
describe.each(databaseKinds)('videos of library resources on %s', (kind) => {
  let rt: Runtime
  let teacher: string
  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    teacher = await apiToken('teacher')
  })
  afterAll(() => stopTestRuntime(rt))

  it('refuses an asset id that names nothing the author may see, and keeps one that does', async () => {
    const unknown = '0b8a3b8e-1111-4222-8333-444455556666'
    const refused = await api('POST', '/resources', { token: teacher, body: videoLesson([unknown]) })
    expect(refused.status).toBe(400)
    expect(refused.body.error.fields.mediaAssetIds.code).toBe('library.errors.mediaAssetNotFound')

    const [owner] = await rt.db.select().from(users).where(eq(users.username, 'teacher'))
    const [asset] = await rt.db
      .insert(mediaAssets)
      .values({ districtId: owner!.districtId, ownerId: owner!.id, title: '整理书包', originalName: '整理书包.mp4', originalSize: 1000, status: 'processing' })
      .returning()
    const created = await api('POST', '/resources', { token: teacher, body: videoLesson([asset!.id]) })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.mediaAssetIds).toEqual([asset!.id])
    // Ready or not, the video counts as the lesson's video: it can be submitted without a file.
    expect((await api('POST', `/resources/${created.body.id}/submit`, { token: teacher })).status).toBe(200)

    const browser = new Browser()
    await browser.signIn('teacher')
    const { loader } = await import('../../../app/routes/library.$id._index')
    const page = await browser.open(`/library/${created.body.id}`, loader as never, { id: created.body.id })
    // Still processing: the page says so instead of a player.
    expect(page.data.videos).toEqual([{ assetId: asset!.id, source: null, gone: false }])
  })
})
