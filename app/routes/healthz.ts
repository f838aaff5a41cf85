import { health, runtime } from '~/platform/runtime.server'

/** For load balancers and operators: 200 when every part answers, 503 naming the part that does not. */
export async function loader() {
  const report = await health(await runtime())
  return Response.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
