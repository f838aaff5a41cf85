import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/components/forms'
import type { MediaAssetSummary } from '~/modules/media/types'

export function MediaStatusBadge({ asset }: { asset: MediaAssetSummary }) {
  const { t } = useTranslation()
  const percent = asset.status === 'uploading' && asset.upload ? Math.floor((asset.upload.offset / asset.upload.length) * 100) : asset.progress
  return (
    <span className={`media-status media-status-${asset.status}`}>
      {t(`media.status.${asset.status}`)}
      {asset.status === 'processing' || asset.status === 'uploading' ? ` ${percent}%` : null}
    </span>
  )
}

/** Uploads this browser or another left unfinished: choosing the same file again continues them. */
export function UnfinishedUploads({ assets }: { assets: MediaAssetSummary[] }) {
  const { t } = useTranslation()
  const unfinished = assets.filter((a) => a.status === 'uploading' && a.upload)
  if (unfinished.length === 0) return null
  return (
    <div className="notice">
      <h3>{t('media.upload.unfinished')}</h3>
      <p>{t('media.upload.unfinishedHint')}</p>
      <ul>
        {unfinished.map((a) => (
          <li key={a.id}>{t('media.upload.unfinishedItem', { name: a.originalName, percent: Math.floor((a.upload!.offset / a.upload!.length) * 100) })}</li>
        ))}
      </ul>
    </div>
  )
}

/**
 * Where an asset is on its way: a progress bar while it is processed (the page refreshes it), the
 * reason when it failed, and the button to try again.
 */
export function ProcessingStatus({ asset, canManage }: { asset: MediaAssetSummary; canManage: boolean }) {
  const { t } = useTranslation()
  const failure = asset.failure ? t(asset.failure.key, asset.failure.params) : ''
  return (
    <div className="processing-status">
      {asset.status === 'queued' ? <p>{t('media.queuedNote')}</p> : null}
      {asset.status === 'processing' ? (
        <>
          <progress max={100} value={asset.progress} aria-label={`${t('media.processingProgress')}: ${asset.title}`} />
          <p>{t(asset.playable ? 'media.reprocessingNote' : 'media.processingNote', { percent: asset.progress })}</p>
        </>
      ) : null}
      {asset.status === 'failed' ? (
        <div role="alert" className="notice notice-error">
          <p>{t('media.failedNote', { reason: failure })}</p>
        </div>
      ) : null}
      {canManage && asset.status === 'failed' ? (
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="retry" />
          <input type="hidden" name="assetId" value={asset.id} />
          <button type="submit">{t('media.retry')}</button>
        </Form>
      ) : null}
    </div>
  )
}
