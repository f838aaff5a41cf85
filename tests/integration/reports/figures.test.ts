import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  assignments,
  assignmentStudents,
  districts,
  homeVisits,
  lessonStudies,
  mediaAssets,
  mediaTextTracks,
  researchGroups,
  researchSessionInvitees,
  researchSessions,
  resources,
  resourceVersions,
  schools,
  users,
  type ResourceSnapshot,
} from '../../../db/schema'
import type { Actor } from '../../../app/modules/accounts/actor'
import { hashPassword } from '../../../app/modules/accounts/passwords.server'
import { annualReportPdf, reportFont } from '../../../app/modules/reports/pdf.server'
import { parsePeriod } from '../../../app/modules/reports/periods'
import { annualReport, dashboardFor, tableCsv } from '../../../app/modules/reports/reports.server'
import { handleApi } from '../../../app/platform/api/endpoints.server'
import { AppError } from '../../../app/platform/errors'
import { databaseKinds } from '../../support/database'
import { apiToken } from '../../support/http'
import { actorFor } from '../../support/media'
import { Browser } from '../../support/pages'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

/** An instant on the Shanghai clock. */
const at = (local: string) => new Date(`${local}+08:00`)

const snapshot = (s: Partial<ResourceSnapshot> & Pick<ResourceSnapshot, 'kind' | 'schoolType' | 'subject' | 'stage'>): ResourceSnapshot => ({
  title: '资源',
  summary: '',
  grade: null,
  disabilityCategories: [],
  licence: 'cc-by',
  attribution: '测试',
  details: {},
  body: { type: 'doc', content: [] },
  mediaAssetIds: [],
  variants: [],
  fileIds: [],
  ...s,
})

async function refusal(run: Promise<unknown>) {
  try {
    await run
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, key: error.userMessage.key }
    throw error
  }
  throw new Error('expected a refusal')
}

/**
 * A district built by hand, so every figure below was counted by hand (the comments say how). It is
 * its own district: the demo data of the other capabilities cannot change a figure.
 *
 * Resources (P = the 培智 school, M = the 盲校):
 *   R1 P lesson  peizhi/life_chinese/primary [intellectual, autism] v1 2025-08-20 · video V1
 *   R2 P worksheet peizhi/life_maths/primary [intellectual] v1 2025-10-10, v2 2026-03-01 moves it to junior
 *   R3 M lesson  mangxiao/chinese/primary [visual] v1 2026-03-15 · video V2
 *   R4 P lesson  peizhi/rehabilitation/primary v1 2025-09-05, archived since → never counted
 *   R5 P lesson  draft, never published → never counted
 *   R6 P video   peizhi/life_adaptation/junior [hearing] v1 2025-12-01 · video V3
 * Videos: V1 captions + a published sign-language companion + an unpublished audio description;
 *   V2 captions; V3 a timed-descriptions track only.
 */
describe.each(databaseKinds)('quality-monitoring figures from a hand-counted district on %s', (kind) => {
  let rt: Runtime
  let admin: Actor
  let school: { p: string; m: string }

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    const db = rt.db
    const [district] = await db.insert(districts).values({ code: `fixture-${kind}`, name: '监测样本区' }).returning()
    const d = district!.id
    const [p, m] = await db
      .insert(schools)
      .values([
        { districtId: d, name: '样本培智学校', kind: 'peizhi' },
        { districtId: d, name: '样本盲校', kind: 'mangxiao' },
      ])
      .returning()
    school = { p: p!.id, m: m!.id }
    const passwordHash = await hashPassword('fixture-password')
    const person = (username: string, role: 'admin' | 'researcher' | 'teacher' | 'student', schoolId: string | null) => ({ username, displayName: username, role, districtId: d, schoolId, passwordHash })
    const people = await db
      .insert(users)
      .values([person('fx-admin', 'admin', null), person('fx-researcher', 'researcher', null), person('fx-t1', 'teacher', p!.id), person('fx-t2', 'teacher', m!.id), person('fx-s1', 'student', p!.id), person('fx-s2', 'student', p!.id), person('fx-s3', 'student', p!.id), person('fx-m1', 'student', m!.id)])
      .returning()
    const id = (name: string) => people.find((u) => u.username === name)!.id
    admin = await actorFor(db, 'fx-admin')

    const asset = async (title: string, extra: Partial<typeof mediaAssets.$inferInsert> = {}) =>
      (await db.insert(mediaAssets).values({ districtId: d, ownerId: id('fx-t1'), title, originalName: `${title}.mp4`, originalSize: 1, status: 'ready', currentVersion: 1, ...extra }).returning())[0]!.id
    const track = (assetId: string, trackKind: 'captions' | 'descriptions') => db.insert(mediaTextTracks).values({ assetId, kind: trackKind, language: 'zh-CN', label: '中文', storageKey: `x/${assetId}/${trackKind}`, cueCount: 1 })
    const v1 = await asset('V1')
    await track(v1, 'captions')
    await asset('V1 手语', { parentId: v1, role: 'sign_language' })
    await asset('V1 口述', { parentId: v1, role: 'audio_description', status: 'processing', currentVersion: null })
    const v2 = await asset('V2')
    await track(v2, 'captions')
    const v3 = await asset('V3')
    await track(v3, 'descriptions')

    const resource = async (schoolId: string, status: 'published' | 'archived' | 'draft', versions: [string, ResourceSnapshot][]) => {
      const last = versions.at(-1)?.[1] ?? snapshot({ kind: 'lesson', schoolType: 'peizhi', subject: 'life_chinese', stage: 'primary' })
      const [row] = await db
        .insert(resources)
        .values({ districtId: d, schoolId, authorId: id('fx-t1'), kind: last.kind as 'lesson', status, title: last.title, schoolType: last.schoolType, subject: last.subject, stage: last.stage, licence: 'cc-by', attribution: '测试', body: last.body, publishedVersion: versions.length || null })
        .returning()
      for (const [i, [when, snap]] of versions.entries()) await db.insert(resourceVersions).values({ resourceId: row!.id, number: i + 1, snapshot: snap, publishedAt: at(when) })
      return row!.id
    }
    const r1 = await resource(p!.id, 'published', [['2025-08-20T10:00:00', snapshot({ kind: 'lesson', schoolType: 'peizhi', subject: 'life_chinese', stage: 'primary', disabilityCategories: ['intellectual', 'autism'], mediaAssetIds: [v1] })]])
    await resource(p!.id, 'published', [
      ['2025-10-10T10:00:00', snapshot({ kind: 'worksheet', schoolType: 'peizhi', subject: 'life_maths', stage: 'primary', disabilityCategories: ['intellectual'] })],
      ['2026-03-01T10:00:00', snapshot({ kind: 'worksheet', schoolType: 'peizhi', subject: 'life_maths', stage: 'junior', disabilityCategories: ['intellectual'] })],
    ])
    await resource(m!.id, 'published', [['2026-03-15T10:00:00', snapshot({ kind: 'lesson', schoolType: 'mangxiao', subject: 'chinese', stage: 'primary', disabilityCategories: ['visual'], mediaAssetIds: [v2] })]])
    await resource(p!.id, 'archived', [['2025-09-05T10:00:00', snapshot({ kind: 'lesson', schoolType: 'peizhi', subject: 'rehabilitation', stage: 'primary' })]])
    await resource(p!.id, 'draft', [])
    await resource(p!.id, 'published', [['2025-12-01T10:00:00', snapshot({ kind: 'video', schoolType: 'peizhi', subject: 'life_adaptation', stage: 'junior', disabilityCategories: ['hearing'], mediaAssetIds: [v3] })]])

    // 教研: G1 (district) and G2 (school P).
    const [g1, g2] = await db
      .insert(researchGroups)
      .values([
        { districtId: d, name: '区语文教研组', leaderId: id('fx-researcher'), createdAt: at('2025-06-01T09:00:00') },
        { districtId: d, schoolId: p!.id, name: '培智校本教研组', leaderId: id('fx-t1'), createdAt: at('2025-06-01T09:00:00') },
      ])
      .returning()
    const session = async (groupId: string, sessionKind: 'topic' | 'collective_planning' | 'lesson_discussion', start: string, extra: { cancelled?: boolean; invited?: string[]; attended?: string[] } = {}) => {
      const [row] = await db
        .insert(researchSessions)
        .values({ groupId, kind: sessionKind, title: `${sessionKind} ${start}`, startsAt: at(start), endsAt: new Date(at(start).getTime() + 3600_000), cancelledAt: extra.cancelled ? at(start) : null })
        .returning()
      for (const user of extra.invited ?? []) await db.insert(researchSessionInvitees).values({ sessionId: row!.id, userId: id(user), checkedInAt: extra.attended?.includes(user) ? at(start) : null })
    }
    await session(g1!.id, 'topic', '2025-10-15T14:00:00', { invited: ['fx-t1', 'fx-t2', 'fx-researcher'], attended: ['fx-t1', 'fx-researcher'] })
    await session(g1!.id, 'topic', '2025-11-20T14:00:00', { cancelled: true, invited: ['fx-t1'] })
    await session(g1!.id, 'collective_planning', '2025-12-05T14:00:00', { invited: ['fx-t1', 'fx-t2'], attended: ['fx-t1', 'fx-t2'] })
    await session(g1!.id, 'topic', '2026-03-10T14:00:00')
    await session(g2!.id, 'topic', '2025-09-20T14:00:00')
    await session(g2!.id, 'topic', '2025-10-20T14:00:00')
    await session(g2!.id, 'lesson_discussion', '2026-01-31T23:30:00') // the last half hour of the autumn term, Shanghai time
    await session(g2!.id, 'topic', '2026-02-01T00:30:00') // the spring term's first hour (still 31 January in UTC)

    await db.insert(lessonStudies).values([
      { districtId: d, groupId: g1!.id, title: 'S1', teacherId: id('fx-t1'), dimensions: [], status: 'finished', resourceId: r1, createdAt: at('2025-10-01T09:00:00'), finishedAt: at('2025-12-20T09:00:00') },
      { districtId: d, groupId: g2!.id, title: 'S2', teacherId: id('fx-t1'), dimensions: [], createdAt: at('2026-03-01T09:00:00') },
    ])

    const [a1, a2] = await db
      .insert(assignments)
      .values([
        { districtId: d, resourceId: r1, createdBy: id('fx-t1'), createdAt: at('2025-10-05T09:00:00') },
        { districtId: d, resourceId: r1, createdBy: id('fx-t2'), createdAt: at('2026-03-05T09:00:00') },
      ])
      .returning()
    await db.insert(assignmentStudents).values([
      { assignmentId: a1!.id, studentId: id('fx-s1'), status: 'done', doneAt: at('2025-10-06T09:00:00') },
      { assignmentId: a1!.id, studentId: id('fx-s2'), status: 'done', doneAt: at('2025-10-06T09:00:00') },
      { assignmentId: a1!.id, studentId: id('fx-s3') },
      { assignmentId: a2!.id, studentId: id('fx-s3') },
      { assignmentId: a2!.id, studentId: id('fx-m1'), status: 'done', doneAt: at('2026-03-06T09:00:00') },
    ])
    await db.insert(homeVisits).values([
      { districtId: d, studentId: id('fx-s1'), teacherId: id('fx-t1'), visitedOn: '2025-11-11', durationMinutes: 60, taught: '认识颜色' },
      { districtId: d, studentId: id('fx-s1'), teacherId: id('fx-t1'), visitedOn: '2026-01-31', durationMinutes: 90, taught: '认识形状' },
      { districtId: d, studentId: id('fx-m1'), teacherId: id('fx-t2'), visitedOn: '2026-02-01', durationMinutes: 45, taught: '盲文摸读' },
    ])
  }, 120_000)
  afterAll(() => stopTestRuntime(rt))

  const figures = async (period: string, schoolId?: string) => (await dashboardFor(rt.db, admin, { period, school: schoolId })).figures

  it('counts the autumn term of the whole district', async () => {
    const f = await figures('2025-2026-autumn')
    // As of 1 Feb 2026: R1, R2 (v1), R6; R2 and R6 were first published in the term.
    expect(f.library).toMatchObject({ published: 3, newInPeriod: 2 })
    expect(f.library.byKind.filter((k) => k.count > 0)).toEqual([
      { kind: 'lesson', count: 1 },
      { kind: 'worksheet', count: 1 },
      { kind: 'video', count: 1 },
    ])
    expect(f.library.byDisability.filter((x) => x.count > 0)).toEqual([
      { category: 'hearing', count: 1 },
      { category: 'intellectual', count: 2 },
      { category: 'autism', count: 1 },
    ])
    // 培智: 4 subjects × 3 stages + 3 × 2 + 5 preschool domains = 23 required cells; 3 have resources.
    const peizhi = f.library.coverage.find((c) => c.schoolType === 'peizhi')!
    expect([peizhi.covered, peizhi.required]).toEqual([3, 23])
    expect(peizhi.cells.filter((c) => c.count > 0).map((c) => [c.subject, c.stage, c.count])).toEqual([
      ['life_chinese', 'primary', 1],
      ['life_maths', 'primary', 1],
      ['life_adaptation', 'junior', 1],
    ])
    expect(peizhi.cells.find((c) => c.subject === 'rehabilitation')).toMatchObject({ count: 0, optional: true })
    expect(f.library.coverage.find((c) => c.schoolType === 'mangxiao')).toMatchObject({ covered: 0, required: 44 })
    // V1 (captions, sign) and V3 (timed descriptions) are shown by then; V1's audio description is not published.
    expect(f.videos).toEqual({ total: 2, captions: 1, signLanguage: 1, audioDescription: 1 })
    // G1: the cancelled 专题教研 does not count; 3 invited + 2 invited, 2 + 2 checked in. G2: two 专题教研 and the late-January discussion.
    expect(f.research.groups).toEqual([
      { id: expect.any(String), name: '区语文教研组', sessions: 2, topic: 1, target: 2, met: false, invited: 5, attended: 4 },
      { id: expect.any(String), name: '培智校本教研组', sessions: 3, topic: 2, target: 2, met: true, invited: 0, attended: 0 },
    ])
    expect(f.research.sessionsByKind.filter((k) => k.count > 0)).toEqual([
      { kind: 'topic', count: 3 },
      { kind: 'collective_planning', count: 1 },
      { kind: 'lesson_discussion', count: 1 },
    ])
    expect(f.research.studies).toEqual({ begun: 1, finished: 1, exemplary: 1 })
    expect(f.learning).toEqual({ assignments: 1, assigned: 3, done: 2, students: 3 })
    // 11 Nov and 31 Jan (the term's last day): 150 minutes with one student.
    expect(f.homeVisits).toEqual({ visits: 2, minutes: 150, students: 1, teachers: 1 })
  })

  it('counts the spring term, reading each resource as its latest version then placed it', async () => {
    const f = await figures('2025-2026-spring')
    expect(f.library).toMatchObject({ published: 4, newInPeriod: 1 })
    const peizhi = f.library.coverage.find((c) => c.schoolType === 'peizhi')!
    expect(peizhi.cells.filter((c) => c.count > 0).map((c) => [c.subject, c.stage])).toEqual([
      ['life_chinese', 'primary'],
      ['life_maths', 'junior'],
      ['life_adaptation', 'junior'],
    ])
    expect(f.library.coverage.find((c) => c.schoolType === 'mangxiao')!.covered).toBe(1)
    expect(f.videos).toEqual({ total: 3, captions: 2, signLanguage: 1, audioDescription: 1 })
    // G2's 专题教研 at 00:30 on 1 February (Shanghai) belongs to spring.
    expect(f.research.groups.map((g) => [g.name, g.sessions, g.topic])).toEqual([
      ['区语文教研组', 1, 1],
      ['培智校本教研组', 1, 1],
    ])
    expect(f.research.studies).toEqual({ begun: 1, finished: 0, exemplary: 0 })
    expect(f.learning).toEqual({ assignments: 1, assigned: 2, done: 1, students: 2 })
    expect(f.homeVisits).toEqual({ visits: 1, minutes: 45, students: 1, teachers: 1 })
  })

  it('counts the school year, against twice the term target', async () => {
    const f = await figures('2025-2026')
    expect(f.library).toMatchObject({ published: 4, newInPeriod: 3 })
    expect(f.research.groups.map((g) => [g.topic, g.target, g.met])).toEqual([
      [2, 4, false],
      [3, 4, false],
    ])
    expect(f.learning).toEqual({ assignments: 2, assigned: 5, done: 3, students: 4 })
    expect(f.homeVisits).toEqual({ visits: 3, minutes: 195, students: 2, teachers: 2 })
  })

  it('narrows to one school: its resources, its groups, its students', async () => {
    const p = await figures('2025-2026', school.p)
    expect(p.library.published).toBe(3)
    expect(p.library.coverage.map((c) => c.schoolType)).toEqual(['peizhi'])
    expect(p.research.groups.map((g) => g.name)).toEqual(['培智校本教研组'])
    expect(p.research.studies).toEqual({ begun: 1, finished: 0, exemplary: 0 })
    expect(p.learning).toEqual({ assignments: 2, assigned: 4, done: 2, students: 3 })
    expect(p.homeVisits).toEqual({ visits: 2, minutes: 150, students: 1, teachers: 1 })
    const m = await figures('2025-2026', school.m)
    expect(m.library.published).toBe(1)
    expect(m.videos).toEqual({ total: 1, captions: 1, signLanguage: 0, audioDescription: 0 })
    expect(m.research.groups).toEqual([])
    expect(m.learning).toEqual({ assignments: 1, assigned: 1, done: 1, students: 1 })
  })

  it('makes the annual report: the year, its two terms and a line per school', async () => {
    const report = await annualReport(rt.db, admin, '2025-2026')
    expect(report.terms.map((t) => t.period.id)).toEqual(['2025-2026-autumn', '2025-2026-spring'])
    expect(report.schools.map((s) => [s.school.name, s.published, s.videos, s.captioned, s.topicSessions, s.assigned, s.done, s.homeVisits])).toEqual([
      ['样本培智学校', 3, 2, 1, 3, 4, 2, 2],
      ['样本盲校', 1, 1, 1, 0, 1, 1, 1],
    ])
    await expect(annualReport(rt.db, admin, '2025-2027')).rejects.toMatchObject({ status: 404 })
  })

  it('writes figures as CSV in either language, the gaps marked in words', async () => {
    const { tables } = await dashboardFor(rt.db, admin, { period: '2025-2026-autumn' })
    const videos = tables.find((t) => t.id === 'videos')!
    expect(tableCsv(videos, 'zh-CN')).toBe('\uFEFF无障碍支持,视频数,占比（%）\n字幕,1,50\n手语窗口,1,50\n口述影像,1,50\n')
    expect(tableCsv(videos, 'en')).toBe('\uFEFFSupport,Videos,Share (%)\nCaptions,1,50\nSign-language window,1,50\nAudio description,1,50\n')
    const coverage = tables.find((t) => t.id === 'coverage-peizhi')!
    const labourSkills = coverage.rows.findIndex((row) => (row[0] as { key: string }).key === 'library.subjects.labour_skills')
    const primary = coverage.columns.findIndex((c) => c.key === 'stages.primary')
    expect(coverage.columns.map((c) => c.key)).toEqual(['reports.columns.subject', 'stages.preschool', 'stages.primary', 'stages.junior', 'stages.senior', 'stages.vocational'])
    expect(coverage.flagged).toContainEqual([labourSkills, primary])
  })

  it('prints the annual report as a PDF with its Chinese text', async () => {
    if (!reportFont()) {
      console.warn('skipped: no CJK font on this machine (install fonts-noto-cjk)')
      return
    }
    const report = await annualReport(rt.db, admin, '2025-2026')
    const chunks: Buffer[] = []
    for await (const chunk of annualReportPdf(report, 'zh-CN')) chunks.push(chunk as Buffer)
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tongxing-pdf-')), 'report.pdf')
    writeFileSync(file, Buffer.concat(chunks))
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('监测样本区 特殊教育质量监测年度报告（2025–2026 学年）')
    expect(text).toContain('已发布资源 4 个，其中本学年新增 3 个。')
    expect(text).toContain('样本培智学校')
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)
  })

  it('is for administrators and researchers of the district only, in pages and API', async () => {
    expect(await refusal(dashboardFor(rt.db, await actorFor(rt.db, 'fx-t1'), {}))).toEqual({ status: 403, key: 'errors.forbidden' })
    expect(await refusal(dashboardFor(rt.db, await actorFor(rt.db, 'fx-s1'), {}))).toMatchObject({ status: 403 })
    expect(await refusal(dashboardFor(rt.db, await actorFor(rt.db, 'family'), {}))).toMatchObject({ status: 403 })
    // Another district's school is not a school here.
    expect(await refusal(dashboardFor(rt.db, await actorFor(rt.db, 'admin'), { school: school.p }))).toMatchObject({ status: 404 })
    expect(await refusal(dashboardFor(rt.db, admin, { period: '2025-2027' }))).toEqual({ status: 400, key: 'reports.errors.period' })
    expect((await dashboardFor(rt.db, await actorFor(rt.db, 'fx-researcher'), { period: '2025-2026' })).figures.library.published).toBe(4)
    expect(parsePeriod('2025-2026-winter')).toBeNull()

    const token = await apiToken('fx-researcher', 'fixture-password')
    const get = (p: string, headers: Record<string, string> = {}) => handleApi(new Request(`http://localhost/api/v1${p}`, { headers: { Authorization: `Bearer ${token}`, ...headers } }), { ip: '127.0.0.1' })
    const dashboard = await get('/reports/dashboard?period=2025-2026-autumn')
    expect(dashboard.status).toBe(200)
    expect((await dashboard.json()).figures.learning).toEqual({ assignments: 1, assigned: 3, done: 2, students: 3 })
    const csv = await get('/reports/tables/home-visits?period=2025-2026-autumn&format=csv', { 'Accept-Language': 'en' })
    expect(csv.headers.get('Content-Type')).toContain('text/csv')
    // The bytes keep the BOM (Response.text() would drop it).
    expect(Buffer.from(await csv.arrayBuffer()).toString('utf8')).toBe('\uFEFFMeasure,Count\nVisits,2\nStudents reached,1\nTeachers visiting,1\nHours of home teaching,2.5\n')
    expect((await get('/reports/annual/2025-2026')).status).toBe(200)
    const teacherToken = await apiToken('teacher')
    expect((await handleApi(new Request('http://localhost/api/v1/reports/dashboard', { headers: { Authorization: `Bearer ${teacherToken}` } }), { ip: '127.0.0.1' })).status).toBe(403)

    const browser = new Browser()
    await browser.signIn('fx-researcher', 'fixture-password')
    const { loader } = await import('../../../app/routes/reports._index')
    const page = await browser.open('/reports?period=2025-2026-autumn', loader as never)
    expect(page.data.dashboard.figures.homeVisits.visits).toBe(2)
  })
})
