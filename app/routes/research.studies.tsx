import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { mediaLinks } from '~/components/media/styles'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import studiesStyles from '~/styles/studies.css?url'

/** Lesson studies: every page needs a signed-in member of a group; the pages below check which study. */
export const links: LinksFunction = () => [...mediaLinks, { rel: 'stylesheet', href: studiesStyles }]

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  await requireActor(args)
  return null
})

export default function StudiesLayout() {
  return <Outlet />
}
