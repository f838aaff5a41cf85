import { afterEach, describe, expect, it, vi } from 'vitest'
import { sendVisit, type PendingVisit } from '../../../app/components/family/visit-queue'

const visit: PendingVisit = {
  clientKey: 'k-12345678',
  userId: 'u1',
  studentId: 's1',
  studentName: '小明',
  visitedOn: '2025-10-01',
  durationMinutes: '60',
  taught: '整理书包',
  notes: '',
  lessons: ['r1', 'r2'],
  savedAt: '2025-10-01T08:00:00.000Z',
}

function answer(status: number, body: unknown, init: { redirected?: boolean; html?: boolean } = {}) {
  const response = new Response(init.html ? '<!doctype html><title>登录</title>' : JSON.stringify(body), { status, headers: { 'Content-Type': init.html ? 'text/html' : 'application/json' } })
  if (init.redirected) Object.defineProperty(response, 'redirected', { value: true })
  return response
}

describe('sending a visit kept on the device', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('posts every field with the client key and the form token', async () => {
    const fetch = vi.fn(async () => answer(201, { ok: true, created: true, id: 'v1' }))
    vi.stubGlobal('fetch', fetch)
    expect(await sendVisit(visit, 'token-1')).toEqual({ kind: 'stored' })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/students/visits/sync')
    const form = init.body as FormData
    expect(form.get('csrf')).toBe('token-1')
    expect(form.get('clientKey')).toBe('k-12345678')
    expect(form.getAll('lessons')).toEqual(['r1', 'r2'])
  })

  it('counts an already-stored record (sent before, answer lost) as stored', async () => {
    vi.stubGlobal('fetch', async () => answer(200, { ok: true, created: false, id: 'v1' }))
    expect(await sendVisit(visit, 't')).toEqual({ kind: 'stored' })
  })

  it('keeps the record waiting with no network, a server failure, an expired session or an expired form token', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(await sendVisit(visit, 't')).toEqual({ kind: 'offline' })
    vi.stubGlobal('fetch', async () => answer(503, {}))
    expect(await sendVisit(visit, 't')).toEqual({ kind: 'offline' })
    vi.stubGlobal('fetch', async () => answer(401, { ok: false, error: { message: { key: 'errors.unauthorized' } } }))
    expect(await sendVisit(visit, 't')).toEqual({ kind: 'later', message: { key: 'errors.unauthorized' } })
    // A sign-in page after a redirect is not "stored".
    vi.stubGlobal('fetch', async () => answer(200, null, { redirected: true, html: true }))
    expect(await sendVisit(visit, 't')).toEqual({ kind: 'later', message: { key: 'errors.unauthorized' } })
    vi.stubGlobal('fetch', async () => answer(403, { ok: false, error: { message: { key: 'errors.csrf' } } }))
    expect(await sendVisit(visit, 't')).toEqual({ kind: 'later', message: { key: 'errors.csrf' } })
  })

  it('marks a record the server refuses as refused, with the reason', async () => {
    vi.stubGlobal('fetch', async () => answer(409, { ok: false, error: { message: { key: 'family.errors.consentRequired' } } }))
    expect(await sendVisit(visit, 't')).toEqual({ kind: 'rejected', message: { key: 'family.errors.consentRequired' } })
  })
})
