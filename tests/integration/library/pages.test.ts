import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeThumbnail } from '../../../app/modules/library/files.server'
import { databaseKinds } from '../../support/database'
import { Browser } from '../../support/pages'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

type RouteFn = Parameters<Browser['open']>[1] & {}

const routes = {
  browse: () => import('../../../app/routes/library._index'),
  create: () => import('../../../app/routes/library.new'),
  edit: () => import('../../../app/routes/library.$id.edit'),
  files: () => import('../../../app/routes/library.$id.files'),
  page: () => import('../../../app/routes/library.$id._index'),
  review: () => import('../../../app/routes/library.review'),
  file: () => import('../../../app/routes/library.files.$fileId'),
  download: () => import('../../../app/routes/library.$id.variants.$key.download'),
  supports: () => import('../../../app/routes/library.$id.supports.$type'),
}

const lessonFields = {
  kind: 'lesson',
  title: '认识时钟：整点',
  summary: '认识钟面上的整点，能说出起床、上学的时间。',
  attribution: '张老师',
  licence: 'cc-by-sa',
  schoolType: 'peizhi',
  subject: 'life_maths',
  stage: 'primary',
  grade: '3',
  'details.objectives': '认识时针和分针\n读出整点',
  'details.keywords': '时针、分针、整点',
  body: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '拨一拨钟面。' }] }] }),
  'variant.tier-a.include': 'true',
  'variant.tier-a.objectives': '独立读出整点',
  'variant.tier-a.activities': JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '独立拨钟' }] }] }),
  'variant.tier-c.include': 'true',
  'variant.tier-c.objectives': '在辅助下指认时针',
}

/** The library as a browser drives it: forms with CSRF, multipart uploads, and the same rules as the API. */
describe.each(databaseKinds)('the library pages on %s', (kind) => {
  let rt: Runtime
  beforeAll(async () => {
    rt = await startTestRuntime(kind)
  })
  afterAll(() => stopTestRuntime(rt))

  it('lets a teacher write and submit a lesson with a PDF, a researcher ask for a change and publish it, and a reader find, favourite and rate it', async () => {
    const teacher = new Browser()
    await teacher.signIn('teacher')
    const { action: createAction } = await routes.create()
    await teacher.open('/library/new?kind=lesson')

    // A mistake keeps every value typed and says what is wrong.
    const refused = await teacher.submit('/library/new', createAction as RouteFn, { ...lessonFields, title: '', schoolType: 'mangxiao' })
    expect(refused.status).toBe(400)
    expect(refused.data.error.fields).toMatchObject({ title: { key: 'library.errors.title' } })
    expect(refused.data.values).toMatchObject({ schoolType: 'mangxiao', 'details.keywords': '时针、分针、整点', 'variant.tier-c.objectives': '在辅助下指认时针' })
    expect(refused.data.values['details.objectives']).toMatch(/^认识时针和分针\r?\n读出整点$/)

    const created = await teacher.submit('/library/new', createAction as RouteFn, lessonFields)
    expect(created.status).toBe(302)
    const id = created.location!.match(/\/library\/([0-9a-f-]{36})\/edit/)![1]!

    const { action: filesAction } = await routes.files()
    const pdf = readFileSync('content/files/数字描红1-10.pdf')
    const uploaded = await teacher.submit(`/library/${id}/files`, filesAction as RouteFn, { intent: 'upload', file: new File([pdf], '钟面练习.pdf') }, { params: { id } })
    expect(uploaded.data, JSON.stringify(uploaded.data)).toMatchObject({ ok: true, message: { key: 'library.form.uploaded', params: { name: '钟面练习.pdf' } } })
    const wrong = await teacher.submit(`/library/${id}/files`, filesAction as RouteFn, { intent: 'upload', file: new File(['MZ\u0090\u0000'.repeat(50)], '看起来像.pdf') }, { params: { id } })
    expect(wrong.status).toBe(400)
    expect(wrong.data.error.fields.file.key).toBe('library.errors.fileType')
    const forged = await teacher.submit(`/library/${id}/files`, filesAction as RouteFn, { intent: 'upload', file: new File([pdf], 'x.pdf') }, { params: { id }, csrf: 'forged' })
    expect(forged.status).toBe(403)

    const { loader: pageLoader, action: pageAction } = await routes.page()
    // A worksheet without its file says what is missing, and stays a draft.
    const sheet = await teacher.submit('/library/new', createAction as RouteFn, { ...lessonFields, kind: 'worksheet', title: '钟面学习单', 'variant.tier-a.include': '', 'variant.tier-c.include': '' })
    const sheetId = sheet.location!.match(/\/library\/([0-9a-f-]{36})\/edit/)![1]!
    const notReady = await teacher.submit(`/library/${sheetId}`, pageAction as RouteFn, { intent: 'submit' }, { params: { id: sheetId } })
    expect(notReady.data).toMatchObject({ ok: false, intent: 'submit', error: { message: { key: 'library.errors.notReady' }, fields: { files: { key: 'library.errors.needsFile' } } } })
    const draft = await teacher.open(`/library/${id}`, pageLoader as RouteFn, { id })
    expect(draft.data.resource).toMatchObject({ status: 'draft', files: [{ fileName: '钟面练习.pdf', contentType: 'application/pdf' }], variants: [{ key: 'tier-a' }, { key: 'tier-c' }] })
    const fileId = draft.data.resource.files[0].id
    expect((await teacher.submit(`/library/${id}`, pageAction as RouteFn, { intent: 'submit' }, { params: { id } })).data).toMatchObject({ ok: true })

    // The thumbnail job renders the PDF's first page.
    await makeThumbnail(rt, fileId)
    const { loader: thumbLoader } = await import('../../../app/routes/library.files.$fileId.thumbnail')
    const thumb = await teacher.open(`/library/files/${fileId}/thumbnail`, thumbLoader as RouteFn, { fileId })
    expect(thumb.headers.get('Content-Type')).toBe('image/webp')

    const researcher = new Browser()
    await researcher.signIn('researcher')
    const { loader: queueLoader } = await routes.review()
    expect((await researcher.open('/library/review', queueLoader as RouteFn)).data.items.map((i: { id: string }) => i.id)).toContain(id)
    const noComment = await researcher.submit(`/library/${id}`, pageAction as RouteFn, { intent: 'review', decision: 'changes_requested', accessibility: '3', curriculum: '4', differentiation: '3' }, { params: { id } })
    expect(noComment.data.error.fields.comments.key).toBe('library.errors.commentsNeeded')
    await researcher.submit(`/library/${id}`, pageAction as RouteFn, { intent: 'review', decision: 'changes_requested', accessibility: '3', curriculum: '4', differentiation: '3', comments: '请补充 B 层。' }, { params: { id } })

    const asked = await teacher.open(`/library/${id}`, pageLoader as RouteFn, { id })
    expect(asked.data.resource.status).toBe('changes_requested')
    expect(asked.data.resource.reviews[0].comments).toBe('请补充 B 层。')
    const { action: editAction } = await routes.edit()
    const saved = await teacher.submit(`/library/${id}/edit`, editAction as RouteFn, { ...lessonFields, 'variant.tier-b.include': 'true', 'variant.tier-b.objectives': '看图读出整点' }, { params: { id } })
    expect(saved.data).toMatchObject({ ok: true })
    await teacher.submit(`/library/${id}`, pageAction as RouteFn, { intent: 'submit' }, { params: { id } })
    await researcher.submit(`/library/${id}`, pageAction as RouteFn, { intent: 'review', decision: 'approve', accessibility: '4', curriculum: '4', differentiation: '5' }, { params: { id } })
    const admin = new Browser()
    await admin.signIn('admin')
    await admin.submit(`/library/${id}`, pageAction as RouteFn, { intent: 'review', decision: 'approve', accessibility: '4', curriculum: '5', differentiation: '5' }, { params: { id } })

    // Another reader finds it by browsing school type → subject → grade, and by disability category.
    const reader = researcher
    const { loader: browseLoader } = await routes.browse()
    const found = await reader.open('/library?schoolType=peizhi&subject=life_maths&grade=3', browseLoader as RouteFn)
    expect(found.data.items.map((i: { title: string }) => i.title)).toContain('认识时钟：整点')
    expect(found.data.counts.subject.life_maths).toBeGreaterThanOrEqual(1)
    const tree = await reader.open('/library?schoolType=peizhi&subject=life_maths&stage=primary', browseLoader as RouteFn)
    expect(tree.data.counts.stage.primary).toBeGreaterThanOrEqual(1)
    expect(tree.data.counts.grade['3']).toBeGreaterThanOrEqual(1)
    const page = await reader.open(`/library/${id}`, pageLoader as RouteFn, { id })
    expect(page.data.resource).toMatchObject({ version: 1, variants: [{ key: 'tier-a' }, { key: 'tier-b' }, { key: 'tier-c' }], accessibilityScore: 4 })
    await reader.submit(`/library/${id}`, pageAction as RouteFn, { intent: 'favourite' }, { params: { id } })
    const badRating = await reader.submit(`/library/${id}`, pageAction as RouteFn, { intent: 'rate', stars: '9', comment: '很好' }, { params: { id } })
    expect(badRating.data).toMatchObject({ ok: false, intent: 'rate', values: { comment: '很好' } })
    await reader.submit(`/library/${id}`, pageAction as RouteFn, { intent: 'rate', stars: '5', comment: '分层清楚' }, { params: { id } })
    const after = await reader.open(`/library/${id}`, pageLoader as RouteFn, { id })
    expect(after.data.resource.counts).toMatchObject({ favourites: 1, ratings: 1, averageRating: 5 })
    // One reader on one day counts once, however often the page reloads.
    expect(after.data.resource.counts.views).toBe(1)
    await teacher.open(`/library/${id}`, pageLoader as RouteFn, { id })
    expect((await reader.open(`/library/${id}`, pageLoader as RouteFn, { id })).data.resource.counts.views).toBe(1)

    // Downloads keep the Chinese name and are counted; a variant downloads as its own document.
    const { loader: fileLoader } = await routes.file()
    const download = await reader.open(`/library/files/${fileId}?download=1`, fileLoader as RouteFn, { fileId })
    expect(download.headers.get('Content-Disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('钟面练习.pdf')}`)
    const { loader: variantLoader } = await routes.download()
    const variant = await reader.open(`/library/${id}/variants/tier-b/download`, variantLoader as RouteFn, { id, key: 'tier-b' })
    expect(variant.headers.get('Content-Disposition')).toContain(encodeURIComponent('认识时钟：整点 - B 层（部分支持）.html'))
    expect(variant.data).toContain('看图读出整点')
    expect((await reader.open(`/library/${id}`, pageLoader as RouteFn, { id })).data.resource.counts.downloads).toBe(2)
  })

  it('shows students and families no library, and strangers no draft', async () => {
    const { loader: browseLoader } = await routes.browse()
    for (const login of ['student', 'family']) {
      const b = new Browser()
      await b.signIn(login)
      expect((await b.open('/library', browseLoader as RouteFn)).status).toBe(403)
    }
    const visitor = new Browser()
    const redirected = await visitor.open('/library', browseLoader as RouteFn)
    expect(redirected.status).toBe(302)
    expect(redirected.location).toBe('/login?redirectTo=%2Flibrary')
  })
})
