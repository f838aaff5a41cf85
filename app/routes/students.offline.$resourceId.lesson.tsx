import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Variant } from '~/components/library/variants-view'
import { RichText } from '~/components/rich-text'
import { formatBytes } from '~/modules/learning/offline'
import { offlineLesson } from '~/modules/learning/offline.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'
import { familyTitle } from './students'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => familyTitle(matches, 'family.offline.lessonTitle', { title: data?.resource.title ?? '' })

/** The lesson as the offline package keeps it: text, the chosen variant, videos with captions, files. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const { resource, manifest, players } = await offlineLesson(web.rt.db, web.actor, args.params.resourceId ?? '', new URL(args.request.url).searchParams.get('variant'))
  const variant = manifest.variantKey ? (resource.variants.find((v) => v.key === manifest.variantKey) ?? null) : null
  const fileVideos = resource.files.filter((f) => f.contentType.startsWith('video/'))
  return {
    resource: { id: resource.id, title: resource.title, summary: resource.summary, body: resource.body, version: resource.version, kind: resource.kind },
    variant,
    videos: players.filter((p) => p.download).map((p) => ({ title: p.title, src: p.download!.href, poster: p.poster, captions: p.textTracks.filter((tr) => tr.kind === 'captions') })),
    fileVideos: fileVideos.map((f) => ({ title: f.fileName, src: `/library/files/${f.id}` })),
    files: resource.files.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size })),
    packageUrl: `/students/offline/${resource.id}${manifest.variantKey ? `?variant=${manifest.variantKey}` : ''}`,
  }
})

export default function OfflineLessonPage() {
  const { resource, variant, videos, fileVideos, files, packageUrl } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const allVideos = [...videos.map((v) => ({ ...v, captions: v.captions })), ...fileVideos.map((v) => ({ ...v, poster: null, captions: [] as typeof videos[number]['captions'] }))]
  return (
    <article aria-labelledby="lesson-title">
      <h1 id="lesson-title">{t('family.offline.lessonTitle', { title: resource.title })}</h1>
      {resource.summary ? <p>{resource.summary}</p> : null}
      {resource.body.content?.length ? (
        <section aria-labelledby="lesson-body">
          <h2 id="lesson-body">{t('family.offline.body')}</h2>
          <RichText doc={resource.body} />
        </section>
      ) : null}
      {variant ? <Variant variant={variant} resourceId={resource.id} version={resource.version} actions={false} /> : null}
      {allVideos.length === 0 ? <p>{t('family.offline.noVideo')}</p> : null}
      {allVideos.map((video) => (
        <figure key={video.src} className="offline-video">
          <video controls preload="metadata" src={video.src} poster={video.poster ?? undefined} aria-label={t('family.offline.video', { title: video.title })} style={{ maxWidth: '100%' }}>
            {video.captions.map((track, i) => (
              <track key={track.id} kind="captions" src={track.src} srcLang={track.language} label={track.label} default={i === 0} />
            ))}
          </video>
          <figcaption>{t('family.offline.video', { title: video.title })}</figcaption>
        </figure>
      ))}
      <section aria-labelledby="lesson-files">
        <h2 id="lesson-files">{t('family.offline.files')}</h2>
        {files.length === 0 ? (
          <p>{t('family.offline.noFiles')}</p>
        ) : (
          <ul>
            {files.map((f) => (
              <li key={f.id}>
                <a href={`/library/files/${f.id}`}>{f.fileName}</a> ({formatBytes(f.size)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <a href="/students/visits/offline">{t('family.offline.openVisitForm')}</a> · <a href={packageUrl}>{t('family.offline.backToPackage')}</a>
      </p>
    </article>
  )
}
