import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiBase } from '~/platform/api/router.server'
import { endpoints } from '~/platform/api/endpoints.server'
import { openApiDocument } from '~/platform/api/openapi'

export const loader = ({ request }: LoaderFunctionArgs) => Response.json(openApiDocument(endpoints, new URL(apiBase, request.url).href))
