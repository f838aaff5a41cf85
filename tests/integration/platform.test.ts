import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lessonStudies, mediaAssets, users } from '../../db/schema'
import { endpoints } from '../../app/platform/api/endpoints.server'
import { publishDirectly } from '../../app/modules/library/resources.server'
import { loader as openapiLoader } from '../../app/routes/api.openapi[.]json'
import { loader as healthLoader } from '../../app/routes/healthz'
import { api, apiToken } from '../support/http'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../support/runtime'
import { lessonInput } from './library/fixtures'

describe('the platform surface', () => {
  let rt: Runtime
  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
  })
  afterAll(() => stopTestRuntime(rt))

  it('reports database, storage, search and queue on /healthz', async () => {
    const response = await healthLoader()
    const body = await response.json()
    expect(response.status).toBe(200)
    expect(body).toMatchObject({
      status: 'ok',
      checks: {
        database: { status: 'ok', kind: 'pglite' },
        storage: { status: 'ok', kind: 'local' },
        search: { status: 'ok', kind: 'postgres' },
        queue: { status: 'ok', worker: 'inline' },
      },
    })
  })

  it('documents every served endpoint in OpenAPI 3', async () => {
    const doc = await openapiLoader({ request: new Request('http://localhost/api/openapi.json'), params: {}, context: {} }).json()
    expect(doc.openapi).toMatch(/^3\./)
    for (const e of endpoints) {
      const operation = doc.paths[e.path]?.[e.method.toLowerCase()]
      expect(operation, `${e.method} ${e.path}`).toBeDefined()
      expect(operation.responses[String(e.status ?? 200)]).toBeDefined()
    }
    const operationIds = Object.values(doc.paths).flatMap((p) => Object.values(p as Record<string, { operationId: string }>).map((o) => o.operationId))
    expect(new Set(operationIds).size).toBe(operationIds.length)
  })

  it('answers every readable endpoint with the shape its OpenAPI schema promises', async () => {
    const token = await apiToken('admin')
    const school = (await api('GET', '/schools', { token })).body[0]
    const user = (await api('GET', '/users', { token })).body.users[0]
    const klass = (await api('GET', '/classes', { token })).body[0]
    const resource = (await api('POST', '/resources', { token, body: lessonInput() })).body
    const [admin] = await rt.db.select().from(users).where(eq(users.username, 'admin'))
    const [video] = await rt.db.insert(mediaAssets).values({ districtId: admin!.districtId, ownerId: admin!.id, title: '整理书包', originalName: '整理书包.mp4', originalSize: 1000 }).returning()
    const signTerm = (await api('POST', '/signs', { token, body: { word: '谢谢', category: 'daily', related: '' } })).body
    const researcher = await apiToken('researcher')
    const group = (await api('POST', '/research/groups', { token: researcher, body: { name: '平台测试教研组' } })).body
    const session = (await api('POST', `/research/groups/${group.id}/sessions`, { token: researcher, body: { kind: 'topic', title: '平台测试', date: '2026-12-01', startTime: '14:00', endTime: '15:00', place: '201' } })).body
    const params: Record<string, string> = { '/research/groups/{id}': group.id, '/research/groups/{id}/sessions': group.id, '/research/sessions/{id}': session.id, '/schools/{id}': school.id, '/users/{id}': user.id, '/classes/{id}': klass.id, '/resources/{id}': resource.id, '/media/{id}': video!.id, '/media/{id}/player': video!.id, '/signs/{id}': signTerm.id }
    // The demo's lesson study (an administrator of the district reads its groups' studies).
    const [study] = await rt.db.select({ id: lessonStudies.id }).from(lessonStudies).limit(1)
    for (const path of ['/research/studies/{id}', '/research/studies/{id}/rounds/{round}', '/research/studies/{id}/versions', '/research/studies/{id}/versions/{number}', '/research/studies/{id}/diff']) params[path] = study!.id
    // Students' profiles, families and home visits (decision record 010): an administrator is outside a
    // student's circle, so these are read as the student's teacher or family.
    const [student] = await rt.db.select().from(users).where(eq(users.username, 'student'))
    const teacherToken = await apiToken('teacher')
    const familyLesson = (await api('POST', '/resources', { token: teacherToken, body: lessonInput('平台测试：离线课包') })).body
    await publishDirectly(rt.db, familyLesson.id)
    const homeVisit = (await api('POST', '/visits', { token: teacherToken, body: { studentId: student!.id, visitedOn: '2025-10-01', durationMinutes: 30, taught: '平台测试', lessons: [familyLesson.id] } })).body.visit
    for (const path of ['/students/{id}/profile', '/students/{id}/consent', '/students/{id}/export', '/students/{id}/notes', '/students/{id}/visits', '/family/children/{id}']) params[path] = student!.id
    params['/visits/{id}'] = homeVisit.id
    params['/visits/offline-package/{id}'] = familyLesson.id
    // Learning (decision record 009): the demo student's real assignment, read as their teacher.
    const assigned = (await api('POST', '/learning/assignments', { token: teacherToken, body: { resourceId: familyLesson.id, studentIds: [student!.id], defaultVariant: 'tier-a' } })).body
    const taughtClass = (await api('GET', '/me/classes', { token: teacherToken })).body[0]
    const learningPaths: Record<string, string> = {
      '/learning/students/{studentId}/assignments': `/learning/students/${student!.id}/assignments`,
      '/learning/students/{studentId}/assignments/{assignmentId}/exercises': `/learning/students/${student!.id}/assignments/${assigned.id}/exercises`,
      '/learning/students/{studentId}/preferences': `/learning/students/${student!.id}/preferences`,
      '/learning/classes/{classId}/progress': `/learning/classes/${taughtClass.id}/progress`,
      '/learning/lessons/{resourceId}/exercises': `/learning/lessons/${familyLesson.id}/exercises`,
      // Reports (decision record 011): one figure table, one school year's report.
      '/reports/tables/{table}': '/reports/tables/kinds',
      '/reports/annual/{year}': '/reports/annual/2025-2026',
    }
    const familyRole = (path: string) => (path.startsWith('/family/') ? 'family' : path.startsWith('/students') || path.startsWith('/learning') || path.startsWith('/visits') ? 'teacher' : null)
    for (const e of endpoints.filter((e) => e.method === 'GET' && e.response)) {
      const asRole = familyRole(e.path) ?? (e.path === '/me/classes' ? 'teacher' : e.path === '/me/children' ? 'family' : 'admin')
      const path = learningPaths[e.path] ?? (e.path.includes('{') ? e.path.replace('{id}', params[e.path]!).replace('{round}', '1').replace('{number}', '1') : e.path)
      const response = await api('GET', path, { token: asRole === 'admin' ? token : await apiToken(asRole) })
      expect(response.status, `${e.path}: ${JSON.stringify(response.body)}`).toBe(200)
      const check = e.response!.safeParse(response.body)
      expect(check.success, `${e.path}: ${JSON.stringify(check.error?.issues)}`).toBe(true)
    }
  })
})
