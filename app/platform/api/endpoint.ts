import type { z } from 'zod'
import type { Actor } from '~/modules/accounts/actor'
import type { Locale } from '../i18n'
import type { Runtime } from '../runtime.server'

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface ApiContext {
  rt: Runtime
  actor: Actor
  token: string | null
  ip: string
  request: Request
  /** The language the request asked for (Accept-Language), for answers that carry text. */
  locale: Locale
}

export interface ApiInput {
  params: Record<string, string>
  /** Already parsed by the endpoint's query schema. */
  query: Record<string, any>
  body: unknown
}

/**
 * One endpoint of /api/v1: the router and the OpenAPI document are both derived from this record,
 * so a documented endpoint is a served endpoint and the other way round.
 */
export interface Endpoint {
  method: Method
  /** OpenAPI-style path below /api/v1, e.g. `/schools/{id}`. */
  path: string
  tag: string
  summary: string
  /** false for the one endpoint that signs in. */
  auth?: boolean
  query?: z.ZodObject
  body?: z.ZodType
  /** The request body is the raw bytes of a file, streamed to the handler (which reads `request.body`). */
  upload?: boolean
  /** The success body; omitted for 204. */
  response?: z.ZodType
  status?: 200 | 201 | 204
  handle(ctx: ApiContext, input: ApiInput): Promise<unknown>
}

export const endpoint = (e: Endpoint) => e
