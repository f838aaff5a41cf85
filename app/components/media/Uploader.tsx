import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Upload } from 'tus-js-client'
import { mediaUrls } from '~/modules/media/keys'
import { formatBytes, formatDuration, TransferMeter } from '~/modules/media/transfer'

type State =
  | { phase: 'idle' }
  | { phase: 'uploading' | 'paused'; sent: number; total: number; speed: number | null; secondsLeft: number | null }
  | { phase: 'done' }
  | { phase: 'error'; sent: number; total: number; reason: string }

/** Bytes per PATCH: short requests survive proxies and time-outs, and a cut loses little. */
const chunkSize = 8 * 1024 * 1024

/**
 * Resumable upload (tus) with progress, speed and time left, pause and resume. An upload cut off by
 * the network, or by closing the page, continues where it stopped when the same file is chosen again.
 */
export function Uploader({
  metadata,
  withTitle = false,
  label,
  maxGigabytes,
  onUploaded,
  children,
}: {
  metadata: Record<string, string>
  withTitle?: boolean
  label: string
  maxGigabytes: number
  onUploaded: (assetId: string) => void
  children?: React.ReactNode
}) {
  const { t } = useTranslation()
  const id = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const titleInput = useRef<HTMLInputElement>(null)
  const upload = useRef<Upload | null>(null)
  const assetId = useRef<string | null>(null)
  const meter = useRef(new TransferMeter())
  const resuming = useRef(false)
  const [state, setState] = useState<State>({ phase: 'idle' })
  const [announcement, setAnnouncement] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => () => void upload.current?.abort(), [])

  async function start() {
    const file = fileInput.current?.files?.[0]
    if (!file) {
      setProblem(t('media.upload.chooseFile'))
      fileInput.current?.focus()
      return
    }
    setProblem(null)
    const { Upload } = await import('tus-js-client')
    const title = titleInput.current?.value.trim()
    meter.current = new TransferMeter()
    const next = new Upload(file, {
      endpoint: mediaUrls.uploads,
      chunkSize,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000],
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      metadata: { filename: file.name, filetype: file.type || 'application/octet-stream', ...(title ? { title } : {}), ...metadata },
      onAfterResponse: (_request, response) => {
        const asset = response.getHeader('X-Asset-Id')
        if (asset) assetId.current = asset
      },
      onProgress: (sent, total) => {
        const rate = meter.current.sample(sent, performance.now())
        if (resuming.current) {
          resuming.current = false
          setAnnouncement(t('media.upload.resumed', { done: formatBytes(sent) }))
        }
        setState((previous) => ({
          phase: previous.phase === 'paused' ? 'paused' : 'uploading',
          sent,
          total,
          speed: rate,
          secondsLeft: rate ? (total - sent) / rate : null,
        }))
      },
      onSuccess: () => {
        setState({ phase: 'done' })
        setAnnouncement(t('media.upload.done'))
        upload.current = null
        if (assetId.current) onUploaded(assetId.current)
      },
      onError: (error) => {
        const body = (error as { originalResponse?: { getBody(): string } }).originalResponse?.getBody()
        let reason = error.message
        try {
          const parsed = body ? (JSON.parse(body) as { error?: { message?: { key: string; params?: Record<string, string | number> } } }) : null
          if (parsed?.error?.message) reason = t(parsed.error.message.key, parsed.error.message.params)
        } catch {}
        setState((previous) => ({ phase: 'error', sent: 'sent' in previous ? previous.sent : 0, total: file.size, reason }))
        setAnnouncement(t('media.upload.failed', { reason }))
      },
    })
    upload.current = next
    const previous = await next.findPreviousUploads()
    if (previous[0]) {
      next.resumeFromPreviousUpload(previous[0])
      resuming.current = true
    }
    setState({ phase: 'uploading', sent: 0, total: file.size, speed: null, secondsLeft: null })
    next.start()
  }

  function pause() {
    void upload.current?.abort()
    setState((s) => (s.phase === 'uploading' ? { ...s, phase: 'paused', speed: null, secondsLeft: null } : s))
    setAnnouncement(t('media.upload.paused'))
  }

  function resume() {
    if (!upload.current) return
    meter.current = new TransferMeter()
    setState((s) => (s.phase === 'paused' || s.phase === 'error' ? { phase: 'uploading', sent: s.sent, total: s.total, speed: null, secondsLeft: null } : s))
    resuming.current = true
    upload.current.start()
  }

  function cancel() {
    const current = upload.current
    upload.current = null
    setState({ phase: 'idle' })
    if (current) void current.abort(true)
  }

  const busy = state.phase === 'uploading' || state.phase === 'paused' || state.phase === 'error'
  const percent = 'sent' in state && state.total > 0 ? Math.floor((state.sent / state.total) * 100) : 0
  return (
    <div className="uploader">
      <div className="field">
        <label htmlFor={`${id}-file`}>{label}</label>
        <p id={`${id}-hint`} className="hint">
          {t('media.upload.fileHint', { max: maxGigabytes })}
        </p>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept="video/*,audio/*,.mkv,.mpg,.mpeg,.ts,.mts,.m2ts,.flv,.wmv,.3gp"
          aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
          aria-invalid={problem ? true : undefined}
          disabled={busy}
        />
        {problem ? (
          <p id={`${id}-problem`} className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
      {withTitle ? (
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('media.upload.titleField')}</label>
          <p id={`${id}-title-hint`} className="hint">
            {t('media.upload.titleHint')}
          </p>
          <input ref={titleInput} id={`${id}-title`} type="text" maxLength={200} aria-describedby={`${id}-title-hint`} disabled={busy} />
        </div>
      ) : null}
      {children}
      <div className="toolbar">
        {state.phase === 'idle' || state.phase === 'done' ? (
          <button type="button" onClick={() => void start()}>
            {t('media.upload.start')}
          </button>
        ) : null}
        {state.phase === 'uploading' ? (
          <button type="button" onClick={pause}>
            {t('media.upload.pause')}
          </button>
        ) : null}
        {state.phase === 'paused' || state.phase === 'error' ? (
          <button type="button" onClick={resume}>
            {t('media.upload.resume')}
          </button>
        ) : null}
        {busy ? (
          <button type="button" className="secondary" onClick={cancel}>
            {t('media.upload.cancel')}
          </button>
        ) : null}
      </div>
      {'sent' in state ? (
        <div className="transfer">
          <progress id={`${id}-progress`} max={100} value={percent} aria-label={t('media.upload.progressLabel')} aria-valuetext={`${percent}%`} />
          <p className="transfer-figures">
            <span>{t('media.upload.progress', { done: formatBytes(state.sent), total: formatBytes(state.total), percent })}</span>
            {state.phase === 'uploading' && state.speed ? <span> · {t('media.upload.speed', { speed: formatBytes(state.speed) })}</span> : null}
            {state.phase === 'uploading' && state.secondsLeft !== null ? <span> · {t('media.upload.timeLeft', { time: formatDuration(state.secondsLeft) })}</span> : null}
            {state.phase === 'paused' ? <span> · {t('media.upload.paused')}</span> : null}
          </p>
          {state.phase === 'error' ? (
            <p role="alert" className="notice notice-error">
              {t('media.upload.failed', { reason: state.reason })}
            </p>
          ) : null}
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
    </div>
  )
}
