import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBytes, totalSize, type OfflineManifest } from '~/modules/learning/offline'

type EntryState = { stored: boolean; size: number | null }

/** The scripts and styles kept beside the package's pages, under this key of the state. */
const appFiles = 'app-files'

/** What this device holds of a package, read from the Cache API (no worker needed to look). */
async function readStored(manifest: OfflineManifest): Promise<Record<string, EntryState>> {
  const states: Record<string, EntryState> = {}
  const has = typeof caches !== 'undefined' && (await caches.has(manifest.cacheName))
  const cache = has ? await caches.open(manifest.cacheName) : null
  for (const entry of manifest.entries) {
    const hit = cache ? await cache.match(entry.url) : undefined
    states[entry.url] = { stored: Boolean(hit), size: hit ? (await hit.blob()).size : null }
  }
  if (cache) {
    const listed = new Set(manifest.entries.map((e) => e.url))
    let size = 0
    for (const request of await cache.keys()) {
      const url = new URL(request.url)
      if (listed.has(url.pathname + url.search)) continue
      const hit = await cache.match(request)
      size += hit ? (await hit.blob()).size : 0
    }
    if (size > 0) states[appFiles] = { stored: true, size }
  }
  return states
}

async function worker(): Promise<ServiceWorker> {
  const registration = await navigator.serviceWorker.register('/offline-sw.js')
  await navigator.serviceWorker.ready
  const active = registration.active ?? (await navigator.serviceWorker.ready).active
  if (!active) throw new Error('no active service worker')
  return active
}

function ask<T>(target: ServiceWorker, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = (event) => resolve(event.data as T)
    target.postMessage(message, [channel.port2])
  })
}

export function OfflinePackage({ manifest }: { manifest: OfflineManifest }) {
  const { t } = useTranslation()
  const [states, setStates] = useState<Record<string, EntryState>>({})
  const [status, setStatus] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [supported, setSupported] = useState(true)

  useEffect(() => {
    setSupported('serviceWorker' in navigator && typeof caches !== 'undefined')
    readStored(manifest).then(setStates, () => {})
  }, [manifest])

  const storedAll = manifest.entries.every((e) => states[e.url]?.stored)
  const total = totalSize([...manifest.entries.map((e) => states[e.url]?.size ?? null), states[appFiles]?.size ?? null])

  async function save() {
    setBusy(true)
    setStatus({ tone: 'info', text: t('family.offline.saving') })
    try {
      const active = await worker()
      const answer = await ask<{ results?: { url: string; ok: boolean }[]; error?: string }>(active, { type: 'store', cacheName: manifest.cacheName, urls: manifest.entries.map((e) => e.url) })
      const next = await readStored(manifest)
      setStates(next)
      const failed = (answer.results ?? []).filter((r) => !r.ok).length + (answer.error ? 1 : 0)
      setStatus(
        failed
          ? { tone: 'error', text: t('family.offline.failed', { count: failed }) }
          : { tone: 'success', text: t('family.offline.saved', { size: formatBytes(totalSize([...manifest.entries.map((e) => next[e.url]?.size ?? null), next[appFiles]?.size ?? null])) }) },
      )
    } catch {
      setStatus({ tone: 'error', text: t('family.offline.failed', { count: manifest.entries.length }) })
    } finally {
      setBusy(false)
    }
  }

  async function remove() {
    await caches.delete(manifest.cacheName)
    setStates(await readStored(manifest))
    setStatus({ tone: 'success', text: t('family.offline.removed') })
  }

  return (
    <section aria-labelledby="package-contents">
      <h2 id="package-contents">{t('family.offline.contents')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('family.offline.item')}</th>
            <th scope="col">{t('family.offline.kind')}</th>
            <th scope="col">{t('family.offline.size')}</th>
            <th scope="col">{t('family.offline.status')}</th>
          </tr>
        </thead>
        <tbody>
          {manifest.entries.map((entry) => {
            const state = states[entry.url]
            const size = state?.size ?? entry.size
            return (
              <tr key={entry.url}>
                <td>{entry.label || t(`family.offline.kinds.${entry.kind}`)}</td>
                <td>{t(`family.offline.kinds.${entry.kind}`)}</td>
                <td>{size === null ? t('family.offline.unknownSize') : formatBytes(size)}</td>
                <td>{state?.stored ? t('family.offline.stored') : t('family.offline.notStored')}</td>
              </tr>
            )
          })}
          {states[appFiles] ? (
            <tr>
              <td>{t('family.offline.appFiles')}</td>
              <td>{t('family.offline.appFilesKind')}</td>
              <td>{formatBytes(states[appFiles].size ?? 0)}</td>
              <td>{t('family.offline.stored')}</td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('family.offline.total')}</th>
            <td />
            <td>{formatBytes(total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      {supported ? (
        <p>
          <button type="button" onClick={save} disabled={busy}>
            {t('family.offline.save')}
          </button>{' '}
          {storedAll || Object.values(states).some((s) => s.stored) ? (
            <button type="button" onClick={remove} disabled={busy}>
              {t('family.offline.remove')}
            </button>
          ) : null}
        </p>
      ) : (
        <p className="notice notice-error">{t('family.offline.unsupported')}</p>
      )}
      <div role="status" aria-live="polite">
        {status ? <p className={status.tone === 'error' ? 'notice notice-error' : status.tone === 'success' ? 'notice notice-success' : 'notice'}>{status.text}</p> : null}
      </div>
    </section>
  )
}
