import { z } from 'zod'
import type { Endpoint } from './endpoint'

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messages: z.record(z.string(), z.string()).describe('The message in every supported language (zh-CN, en)'),
    fields: z.record(z.string(), z.object({ code: z.string(), message: z.string(), messages: z.object({ 'zh-CN': z.string(), en: z.string() }) })).optional(),
  }),
})

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' })

/** The OpenAPI 3.1 document of /api/v1, built from the same endpoint records the router serves. */
export function openApiDocument(endpoints: Endpoint[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const e of endpoints) {
    const parameters = [
      ...[...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(e.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(schema as z.ZodType, 'input'),
      })),
    ]
    const status = String(e.status ?? 200)
    paths[e.path] ??= {}
    paths[e.path]![e.method.toLowerCase()] = {
      tags: [e.tag],
      summary: e.summary,
      operationId: `${e.method.toLowerCase()}${e.path.replace(/\{(\w+)\}/g, 'By-$1').replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      security: e.auth === false ? [] : [{ bearer: [] }],
      parameters: parameters.length ? parameters : undefined,
      requestBody: e.upload
        ? { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
        : e.body
          ? { required: true, content: { 'application/json': { schema: jsonSchema(e.body, 'input') } } }
          : undefined,
      responses: {
        [status]: e.response ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(e.response, 'output') } } } : { description: 'No content' },
        default: { description: 'An error, with its message in zh-CN and English', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tongxing 同行 API',
      version: '1.0.0',
      description:
        'The open API of the Tongxing special-education platform. Sign in with POST /session to get a bearer token; every endpoint checks the same permissions as the pages. Errors carry a stable code and the message in zh-CN and English; send Accept-Language to choose `message`.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: jsonSchema(errorSchema, 'output') },
    },
    paths,
  }
}
