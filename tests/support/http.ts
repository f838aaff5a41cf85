import type { Runtime } from '../../app/platform/runtime.server'
import { handleApi } from '../../app/platform/api/endpoints.server'

export const baseUrl = 'http://localhost'

/** Calls /api/v1 as a client would, through the same router the web process serves. */
export async function api(method: string, path: string, options: { token?: string; body?: unknown; csv?: string; lang?: string } = {}) {
  const headers: Record<string, string> = {}
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  if (options.lang) headers['Accept-Language'] = options.lang
  let body: string | undefined
  if (options.csv !== undefined) {
    headers['Content-Type'] = 'text/csv'
    body = options.csv
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  const response = await handleApi(new Request(`${baseUrl}/api/v1${path}`, { method, headers, body }), { ip: '127.0.0.1' })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

export async function apiToken(login: string, password = 'tongxing-demo', ip = '127.0.0.1') {
  const response = await handleApi(
    new Request(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password }) }),
    { ip },
  )
  const body = await response.json()
  if (response.status !== 201) throw new Error(`sign-in as ${login} failed: ${JSON.stringify(body)}`)
  return body.token as string
}

export type { Runtime }
