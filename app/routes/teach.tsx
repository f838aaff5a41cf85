import type { LinksFunction } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { mediaLinks } from '~/components/media/styles'
import learningStyles from '~/styles/learning.css?url'

/** Teachers: assigning lessons, class progress, exercises on a lesson. */
export const links: LinksFunction = () => [...mediaLinks, { rel: 'stylesheet', href: learningStyles }]

export default function TeachLayout() {
  return <Outlet />
}
