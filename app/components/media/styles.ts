import type { LinkDescriptor } from '@remix-run/node'
import mediaStyles from '~/styles/media.css?url'

/** The player's and media pages' stylesheet: a route that embeds `<VideoPlayer>` adds these to its `links`. */
export const mediaLinks: LinkDescriptor[] = [{ rel: 'stylesheet', href: mediaStyles }]
