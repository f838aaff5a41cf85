import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lessonStudies, lessonStudyRounds, lessonStudyScores, mediaAssets, users } from '../../../db/schema'
import { hashPassword } from '../../../app/modules/accounts/passwords.server'
import { loader as mediaLoader } from '../../../app/routes/media.$assetId'
import { loader as studiesLoader } from '../../../app/routes/research.studies._index'
import { loader as studyLoader } from '../../../app/routes/research.studies.$studyId._index'
import { loader as diffLoader } from '../../../app/routes/research.studies.$studyId.diff'
import { action as roundAction, loader as roundLoader } from '../../../app/routes/research.studies.$studyId.rounds.$round._index'
import { action as planAction, loader as planLoader } from '../../../app/routes/research.studies.$studyId.rounds.$round.plan'
import { actorFor } from '../../support/media'
import { Browser } from '../../support/pages'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

const doc = (...texts: string[]) => JSON.stringify({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) })

describe('lesson study pages', () => {
  let rt: Runtime
  let studyId: string
  const browsers = {} as Record<'teacher' | 'teacher2' | 'researcher' | 'bystander', Browser>

  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
    const teacher = await actorFor(rt.db, 'teacher')
    await rt.db.insert(users).values({ username: 'bystander', displayName: '旁观老师', role: 'teacher', districtId: teacher.districtId, schoolId: teacher.schoolId, passwordHash: await hashPassword('tongxing-demo') })
    const [demo] = await rt.db.select({ id: lessonStudies.id }).from(lessonStudies).where(eq(lessonStudies.title, '认识颜色'))
    studyId = demo!.id
    for (const name of ['teacher', 'teacher2', 'researcher', 'bystander'] as const) {
      browsers[name] = new Browser()
      await browsers[name].signIn(name)
    }
  })
  afterAll(() => stopTestRuntime(rt))

  it('gives a non-member a 404 on every page of a study, and no study in the list', async () => {
    const stranger = browsers.bystander
    const params = { studyId, round: '1' }
    expect((await stranger.open(`/research/studies/${studyId}`, studyLoader, params)).status).toBe(404)
    expect((await stranger.open(`/research/studies/${studyId}/rounds/1`, roundLoader, params)).status).toBe(404)
    expect((await stranger.open(`/research/studies/${studyId}/rounds/1/plan`, planLoader, params)).status).toBe(404)
    expect((await stranger.open(`/research/studies/${studyId}/diff`, diffLoader, params)).status).toBe(404)
    expect((await stranger.open('/research/studies', studiesLoader)).data.studies).toEqual([])
    // Guessed ids and rounds are 404s for members too.
    for (const [id, round] of [
      ['00000000-0000-4000-8000-000000000000', '1'],
      ['x', '1'],
      [studyId, '7'],
      [studyId, 'abc'],
    ]) {
      expect((await browsers.teacher.open(`/research/studies/${id}/rounds/${round}`, roundLoader, { studyId: id!, round: round! })).status).toBe(404)
    }
    // A post to a study one is not in changes nothing.
    const note = await stranger.submit(`/research/studies/${studyId}/rounds/1`, roundAction, { intent: 'note', atSeconds: '00:05', body: '偷看' }, { params })
    expect(note.status).toBe(404)
    const member = await browsers.teacher2.open(`/research/studies/${studyId}/rounds/1`, roundLoader, params)
    expect(member.status).toBe(200)
    expect(member.data.round.notes.map((n: { body: string }) => n.body)).not.toContain('偷看')
  })

  it('keeps what an observer typed when a note or score is refused, and saves the form when right', async () => {
    const params = { studyId, round: '1' }
    const bad = await browsers.teacher2.submit(`/research/studies/${studyId}/rounds/1`, roundAction, { intent: 'note', atSeconds: '3:75', body: '时间写错了' }, { params })
    expect(bad.status).toBe(400)
    expect(bad.data.error.fields.atSeconds.key).toBe('studies.errors.noteTime')
    const good = await browsers.teacher2.submit(`/research/studies/${studyId}/rounds/1`, roundAction, { intent: 'note', atSeconds: '1:05', body: '学生轮流操作' }, { params })
    expect(good.data).toMatchObject({ ok: true, message: { key: 'studies.notes.added' } })
    const scores = await browsers.teacher2.submit(`/research/studies/${studyId}/rounds/1`, roundAction, { intent: 'scores', 'score.goals': '2', 'comment.goals': '目标偏高', 'score.support': '', 'score.interaction': '5' }, { params })
    expect(scores.data.ok).toBe(true)
    const [round] = await rt.db.select().from(lessonStudyRounds).where(eq(lessonStudyRounds.studyId, studyId))
    const teacher2 = await actorFor(rt.db, 'teacher2')
    const stored = await rt.db.select().from(lessonStudyScores).where(eq(lessonStudyScores.roundId, round!.id))
    expect(stored.filter((s) => s.observerId === teacher2.id).map((s) => [s.dimension, s.score, s.comment]).sort()).toEqual([
      ['goals', 2, '目标偏高'],
      ['interaction', 5, ''],
    ])
    const refused = await browsers.teacher2.submit(`/research/studies/${studyId}/rounds/1`, roundAction, { intent: 'scores', 'score.goals': '9' }, { params })
    expect(refused.status).toBe(400)
    const page = await browsers.teacher2.open(`/research/studies/${studyId}/rounds/1`, roundLoader, params)
    expect(page.data.round.myScores.goals).toEqual({ score: 2, comment: '目标偏高' })
  })

  it('shows the second of two editors a merge view instead of overwriting, and saves the merge as a new version', async () => {
    const params = { studyId, round: '1' }
    const a = await browsers.teacher.open(`/research/studies/${studyId}/rounds/1/plan`, planLoader, params)
    const b = await browsers.teacher2.open(`/research/studies/${studyId}/rounds/1/plan`, planLoader, params)
    const base = String(a.data.round.plan.number)
    expect(b.data.round.plan.number).toBe(a.data.round.plan.number)
    const first = await browsers.teacher.submit(`/research/studies/${studyId}/rounds/1/plan`, planAction, { baseVersion: base, doc: doc('认识红色和黄色。', '用气球导入。') }, { params })
    expect(first.status).toBe(302)
    expect(first.location).toBe(`/research/studies/${studyId}/rounds/1?saved=${Number(base) + 1}`)
    const second = await browsers.teacher2.submit(`/research/studies/${studyId}/rounds/1/plan`, planAction, { baseVersion: base, doc: doc('认识红色。', '用实物水果导入。') }, { params })
    expect(second.status).toBe(409)
    const conflict = second.data.conflict
    expect(conflict.theirs).toMatchObject({ number: Number(base) + 1, author: '张老师' })
    expect(JSON.stringify(conflict.yours)).toContain('用实物水果导入')
    expect(conflict.diff.counts.changed).toBeGreaterThan(0)
    // Nothing of theirs was lost; the merge is saved on top of it.
    const merged = await browsers.teacher2.submit(`/research/studies/${studyId}/rounds/1/plan`, planAction, { baseVersion: String(conflict.theirs.number), doc: doc('认识红色和黄色。', '用实物水果导入。') }, { params })
    expect(merged.status).toBe(302)
    const after = await browsers.researcher.open(`/research/studies/${studyId}/rounds/1`, roundLoader, params)
    expect(after.data.round.plan).toMatchObject({ number: Number(base) + 2, author: '陈老师' })
    expect(after.data.round.versions.map((v: { number: number }) => v.number).slice(0, 2)).toEqual([Number(base) + 2, Number(base) + 1])
  })

  it('keeps an attached classroom video from a non-member on the media pages', async () => {
    const teacher = await actorFor(rt.db, 'teacher')
    const [video] = await rt.db.insert(mediaAssets).values({ districtId: teacher.districtId, ownerId: teacher.id, title: '课堂实录', originalName: 'c.mp4', originalSize: 10, kind: 'video', status: 'ready' }).returning()
    const attach = await browsers.teacher.submit(`/research/studies/${studyId}/rounds/1`, roundAction, { intent: 'attachVideo', assetId: video!.id }, { params: { studyId, round: '1' } })
    expect(attach.data.ok).toBe(true)
    expect((await browsers.bystander.open(`/media/${video!.id}`, mediaLoader, { assetId: video!.id })).status).toBe(404)
    expect((await browsers.teacher2.open(`/media/${video!.id}`, mediaLoader, { assetId: video!.id })).status).toBe(200)
  })
})
