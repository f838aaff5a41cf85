import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useNavigate } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { mediaTitle } from '~/components/media/meta'
import { mediaLinks } from '~/components/media/styles'
import { MediaStatusBadge, UnfinishedUploads } from '~/components/media/status'
import { Uploader } from '~/components/media/Uploader'
import { assertCanUpload, listMyAssets } from '~/modules/media/assets.server'
import { formatBytes } from '~/modules/media/transfer'
import { maxUploadBytes } from '~/modules/media/uploads.server'
import { formatClock } from '~/modules/media/webvtt'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

export const links: LinksFunction = () => mediaLinks
export const meta: MetaFunction = ({ matches }) => mediaTitle(matches, { key: 'media.title' })

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  assertCanUpload(web.actor)
  return { assets: await listMyAssets(web.rt.db, web.actor), maxGigabytes: Math.round(maxUploadBytes / 1024 ** 3) }
})

export default function MediaList() {
  const { assets, maxGigabytes } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  return (
    <section aria-labelledby="media-title" className="media-page">
      <h1 id="media-title">{t('media.title')}</h1>
      <p>{t('media.intro')}</p>
      <section aria-labelledby="upload-title" className="panel">
        <h2 id="upload-title">{t('media.upload.heading')}</h2>
        <UnfinishedUploads assets={assets} />
        <Uploader label={t('media.upload.file')} withTitle maxGigabytes={maxGigabytes} metadata={{ role: 'main' }} onUploaded={(assetId) => navigate(`/media/${assetId}`)} />
      </section>
      {assets.length === 0 ? (
        <p>{t('media.empty')}</p>
      ) : (
        <table>
          <caption>{t('media.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('media.upload.titleField')}</th>
              <th scope="col">{t('media.statusHeading')}</th>
              <th scope="col">{t('media.duration')}</th>
              <th scope="col">{t('media.size')}</th>
              <th scope="col">{t('media.uploadedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {assets.map((asset) => (
              <tr key={asset.id}>
                <th scope="row">
                  <Link to={`/media/${asset.id}`}>{asset.title}</Link>
                </th>
                <td>
                  <MediaStatusBadge asset={asset} />
                </td>
                <td>{asset.durationMs ? formatClock(asset.durationMs / 1000) : '—'}</td>
                <td>{formatBytes(asset.originalSize)}</td>
                <td>{new Date(asset.createdAt).toLocaleString(i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
