import { data, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus } from '~/components/forms'
import { mediaTitle } from '~/components/media/meta'
import { mediaLinks } from '~/components/media/styles'
import { MediaStatusBadge, ProcessingStatus } from '~/components/media/status'
import { Uploader } from '~/components/media/Uploader'
import { VideoPlayer } from '~/components/media/VideoPlayer'
import { deleteAsset, getAssetDetail, getPlayerSource, renameAsset, retryTranscode } from '~/modules/media/assets.server'
import { parseId } from '~/modules/media/http.server'
import { CaptionFileError, deleteTextTrack, saveTextTrack } from '~/modules/media/text-tracks.server'
import { trackLanguages, type MediaAssetSummary } from '~/modules/media/types'
import { maxUploadBytes } from '~/modules/media/uploads.server'
import { AppError, parseInput, type ActionResult, type Message } from '~/platform/errors'
import { translateAll } from '~/platform/i18n'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'
import { z } from 'zod'

export const links: LinksFunction = () => mediaLinks
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => mediaTitle(matches, data?.detail.asset.title ?? { key: 'media.title' })

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const assetId = parseId(args.params.assetId)
  const [detail, source] = await Promise.all([getAssetDetail(web.rt.db, web.actor, assetId), getPlayerSource(web.rt.db, web.actor, assetId)])
  return { detail, source, maxGigabytes: Math.round(maxUploadBytes / 1024 ** 3) }
})

type MediaActionResult = ActionResult & { intent?: string; problems?: Message[] }

const titleInput = z.object({ title: z.string().trim().min(1).max(200) })

export const action = formAction(async (args, form) => {
  const web = await requireActor(args)
  const assetId = parseId(args.params.assetId)
  const intent = String(form.get('intent') ?? '')
  const target = (name: string) => parseId(form.get(name))
  try {
    switch (intent) {
      case 'retry':
        await retryTranscode(web.rt, web.actor, target('assetId'))
        return { ok: true, intent, message: { key: 'media.retried' } } satisfies MediaActionResult
      case 'rename': {
        const { title } = parseInput(titleInput, { title: form.get('title') })
        await renameAsset(web.rt.db, web.actor, assetId, title)
        return { ok: true, intent, message: { key: 'media.renamed' } } satisfies MediaActionResult
      }
      case 'delete': {
        const deleted = target('assetId')
        await deleteAsset(web.rt, web.actor, deleted)
        if (deleted === assetId) throw redirect('/media')
        return { ok: true, intent, message: { key: 'media.deleted' } } satisfies MediaActionResult
      }
      case 'captions': {
        const file = form.get('file')
        const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null
        const language = String(form.get('language') ?? '')
        const label = (trackLanguages as readonly string[]).includes(language) ? translateAll(`media.languages.${language}`)['zh-CN'] : language
        const saved = await saveTextTrack(web.rt, web.actor, assetId, { kind: form.get('kind'), language }, upload, label)
        return { ok: true, intent, message: { key: 'media.captions.saved', params: { count: saved.cueCount } } } satisfies MediaActionResult
      }
      case 'removeTrack':
        await deleteTextTrack(web.rt, web.actor, assetId, target('trackId'))
        return { ok: true, intent, message: { key: 'media.captions.removed' } } satisfies MediaActionResult
      default:
        throw new AppError(400, { key: 'errors.badRequest' })
    }
  } catch (error) {
    if (error instanceof CaptionFileError) {
      return data<MediaActionResult>({ ok: false, intent, error: { message: error.userMessage }, problems: error.problems }, { status: 400 })
    }
    if (error instanceof AppError) {
      return data<MediaActionResult>({ ok: false, intent, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    }
    throw error
  }
})

export default function MediaAssetPage() {
  const { detail, source, maxGigabytes } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as MediaActionResult | undefined
  const { t } = useTranslation()
  const revalidator = useRevalidator()
  const { asset, canManage } = detail
  const all: MediaAssetSummary[] = [asset, ...detail.signLanguage, ...detail.audioDescriptions]
  const working = all.some((a) => a.status === 'queued' || a.status === 'processing')

  // While something is being processed, the page refreshes itself, so the bar moves and the player appears when it is done.
  useEffect(() => {
    if (!working) return
    const timer = window.setInterval(() => {
      if (revalidator.state === 'idle' && document.visibilityState === 'visible') revalidator.revalidate()
    }, 2000)
    return () => window.clearInterval(timer)
  }, [working, revalidator])

  return (
    <article aria-labelledby="asset-title" className="media-page">
      <p>
        <Link to="/media">{t('media.back')}</Link>
      </p>
      <h1 id="asset-title">{asset.title}</h1>
      <p>
        <MediaStatusBadge asset={asset} />
      </p>
      <ProcessingStatus asset={asset} canManage={canManage} />
      {result?.intent === 'retry' || result?.intent === 'delete' ? <FormStatus result={result} /> : null}
      {source ? <VideoPlayer source={source} /> : asset.status !== 'failed' ? <p>{t('media.noPlayerYet')}</p> : null}

      {canManage ? (
        <>
          <CaptionsSection detail={detail} result={result} />
          <TrackAssetsSection
            heading={t('media.sign.heading')}
            intro={t('media.sign.intro')}
            none={t('media.sign.none')}
            uploadLabel={t('media.sign.upload')}
            assets={detail.signLanguage}
            metadata={{ role: 'sign_language', parentId: asset.id }}
            maxGigabytes={maxGigabytes}
            onUploaded={() => revalidator.revalidate()}
          />
          <TrackAssetsSection
            heading={t('media.describe.heading')}
            intro={t('media.describe.intro')}
            none={t('media.describe.none')}
            uploadLabel={t('media.describe.upload')}
            assets={detail.audioDescriptions}
            metadata={{ role: 'audio_description', parentId: asset.id }}
            withLanguage
            maxGigabytes={maxGigabytes}
            onUploaded={() => revalidator.revalidate()}
          />
          <AssetSettings asset={asset} result={result} />
        </>
      ) : null}
    </article>
  )
}

function CaptionsSection({ detail, result }: { detail: ReturnType<typeof useLoaderData<typeof loader>>['detail']; result?: MediaActionResult }) {
  const { t } = useTranslation()
  const id = useId()
  const navigation = useNavigation()
  const mine = result?.intent === 'captions' || result?.intent === 'removeTrack'
  const form = useRef<HTMLFormElement>(null)
  // A saved file is cleared from the form; a refused one stays chosen, to fix and send again.
  useEffect(() => {
    if (result?.intent === 'captions' && result.ok) form.current?.reset()
  }, [result])
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('media.captions.heading')}</h2>
      <p>{t('media.captions.intro')}</p>
      {detail.textTracks.length === 0 ? (
        <p>{t('media.captions.none')}</p>
      ) : (
        <ul className="track-list">
          {detail.textTracks.map((track) => (
            <li key={track.id}>
              <a href={track.src} download>
                {t(`media.kinds.${track.kind}`)} · {t(`media.languages.${track.language}`)}
              </a>{' '}
              ({t('media.captions.cues', { count: track.cueCount })})
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="removeTrack" />
                <input type="hidden" name="trackId" value={track.id} />
                <button type="submit" className="secondary" aria-label={`${t('media.captions.remove')}: ${t(`media.kinds.${track.kind}`)} · ${t(`media.languages.${track.language}`)}`}>
                  {t('media.captions.remove')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {mine ? <FormStatus result={result} /> : null}
      {mine && result?.problems?.length ? (
        <ul className="caption-problems" aria-label={t('media.captions.heading')}>
          {result.problems.map((problem, i) => (
            <li key={i}>{t(problem.key, problem.params)}</li>
          ))}
        </ul>
      ) : null}
      <Form ref={form} method="post" encType="multipart/form-data" className="caption-form">
        <CsrfInput />
        <input type="hidden" name="intent" value="captions" />
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('media.captions.file')}</label>
          <input id={`${id}-file`} name="file" type="file" accept=".vtt,.srt,text/vtt" required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('media.captions.kind')}</label>
          <select id={`${id}-kind`} name="kind" defaultValue="captions">
            {(['captions', 'descriptions', 'chapters'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`media.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('media.captions.language')}</label>
          <select id={`${id}-language`} name="language" defaultValue="zh-CN">
            {trackLanguages.map((language) => (
              <option key={language} value={language}>
                {t(`media.languages.${language}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('media.captions.submit')}
        </button>
      </Form>
    </section>
  )
}

function TrackAssetsSection({
  heading,
  intro,
  none,
  uploadLabel,
  assets,
  metadata,
  withLanguage,
  maxGigabytes,
  onUploaded,
}: {
  heading: string
  intro: string
  none: string
  uploadLabel: string
  assets: MediaAssetSummary[]
  metadata: Record<string, string>
  withLanguage?: boolean
  maxGigabytes: number
  onUploaded: () => void
}) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{heading}</h2>
      <p>{intro}</p>
      {assets.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul className="track-list">
          {assets.map((track) => (
            <li key={track.id}>
              <span>{track.title}</span> {track.language ? `(${t(`media.languages.${track.language}`)})` : null} <MediaStatusBadge asset={track} />
              <ProcessingStatus asset={track} canManage />
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="assetId" value={track.id} />
                <button type="submit" className="secondary" aria-label={`${t('media.delete')}: ${track.title}`}>
                  {t('media.delete')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <LanguageAwareUploader label={uploadLabel} metadata={metadata} withLanguage={withLanguage} maxGigabytes={maxGigabytes} onUploaded={onUploaded} />
    </section>
  )
}

function LanguageAwareUploader({ label, metadata, withLanguage, maxGigabytes, onUploaded }: { label: string; metadata: Record<string, string>; withLanguage?: boolean; maxGigabytes: number; onUploaded: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [language, setLanguage] = useState<string>('zh-CN')
  return (
    <div className="track-uploader">
      {withLanguage ? (
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('media.describe.language')}</label>
          <select id={`${id}-language`} value={language} onChange={(event) => setLanguage(event.target.value)}>
            {trackLanguages.map((code) => (
              <option key={code} value={code}>
                {t(`media.languages.${code}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Uploader label={label} maxGigabytes={maxGigabytes} metadata={withLanguage ? { ...metadata, language } : metadata} onUploaded={onUploaded} />
    </div>
  )
}

function AssetSettings({ asset, result }: { asset: MediaAssetSummary; result?: MediaActionResult }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('media.manage')}</h2>
      {result?.intent === 'rename' ? <FormStatus result={result} /> : null}
      <Form method="post" className="toolbar">
        <CsrfInput />
        <input type="hidden" name="intent" value="rename" />
        <div className="field">
          <label htmlFor={`${id}-title-input`}>{t('media.upload.titleField')}</label>
          <input id={`${id}-title-input`} name="title" defaultValue={asset.title} maxLength={200} required />
        </div>
        <button type="submit">{t('media.rename')}</button>
      </Form>
      <Form
        method="post"
        onSubmit={(event) => {
          if (!window.confirm(t('media.deleteConfirm', { title: asset.title }))) event.preventDefault()
        }}
      >
        <CsrfInput />
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="assetId" value={asset.id} />
        <button type="submit" className="secondary danger">
          {t('media.delete')}
        </button>
      </Form>
    </section>
  )
}
