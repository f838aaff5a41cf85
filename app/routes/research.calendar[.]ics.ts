import type { LoaderFunctionArgs } from '@remix-run/node'
import { calendarIcsResponse } from '~/modules/research/ics-response.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

/** The reader's own sessions as an iCalendar file. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return calendarIcsResponse(web, args.request, 'mine')
})
