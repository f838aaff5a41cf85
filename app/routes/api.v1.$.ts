import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { handleApi } from '~/platform/api/endpoints.server'

export const loader = ({ request, context }: LoaderFunctionArgs) => handleApi(request, context)
export const action = ({ request, context }: ActionFunctionArgs) => handleApi(request, context)
