import type { LinksFunction } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { mediaLinks } from '~/components/media/styles'
import learningStyles from '~/styles/learning.css?url'

/** Students' lessons, the lesson player and learner preferences. */
export const links: LinksFunction = () => [...mediaLinks, { rel: 'stylesheet', href: learningStyles }]

export default function LearnLayout() {
  return <Outlet />
}
