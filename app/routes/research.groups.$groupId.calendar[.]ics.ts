import type { LoaderFunctionArgs } from '@remix-run/node'
import { calendarIcsResponse } from '~/modules/research/ics-response.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

/** A group's sessions as an iCalendar file, for its members. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return calendarIcsResponse(web, args.request, { groupId: args.params.groupId ?? '' })
})
