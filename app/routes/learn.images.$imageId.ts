import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node'
import { openExerciseImage } from '~/modules/learning/exercises.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

/** A picture of a picture-choice exercise, for anyone signed in to its district. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const image = await openExerciseImage(web.rt, web.actor, args.params.imageId ?? '')
  return new Response(createReadableStreamFromReadable(image.body), {
    headers: {
      'Content-Type': image.contentType,
      'Content-Length': String(image.size),
      'Cache-Control': 'private, max-age=86400, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  })
})
