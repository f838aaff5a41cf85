/**
 * The offline package of a lesson for a 送教上门 visit: every URL the service worker must keep so the
 * lesson works with no network (decision record 010). Pure, so the page, the worker and tests agree.
 */
export type OfflineEntryKind = 'lesson' | 'printable' | 'file' | 'video' | 'captions' | 'visit-form'

export interface OfflineEntry {
  url: string
  kind: OfflineEntryKind
  /** What a teacher sees in the list (a file name, a caption label …). */
  label: string
  /** Bytes when known before download; the page shows the stored size once cached. */
  size: number | null
}

export interface OfflineManifest {
  resourceId: string
  title: string
  variantKey: string | null
  /** The cache holding this package: one per lesson and variant, replaced as a whole. */
  cacheName: string
  entries: OfflineEntry[]
}

export interface PackageSource {
  id: string
  title: string
  variantKeys: string[]
  files: { id: string; fileName: string; contentType: string; size: number }[]
  videos: { assetId: string; title: string; download: { href: string; size: number } | null; captions: { src: string; label: string }[] }[]
}

export const offlineCachePrefix = 'tongxing-offline-'

export function buildManifest(source: PackageSource, requestedVariant: string | null): OfflineManifest {
  const variantKey = requestedVariant && source.variantKeys.includes(requestedVariant) ? requestedVariant : null
  const query = variantKey ? `?variant=${encodeURIComponent(variantKey)}` : ''
  const entries: OfflineEntry[] = [
    { url: `/students/offline/${source.id}/lesson${query}`, kind: 'lesson', label: source.title, size: null },
    { url: `/library/${source.id}/print${query}`, kind: 'printable', label: source.title, size: null },
  ]
  for (const file of source.files) entries.push({ url: `/library/files/${file.id}`, kind: 'file', label: file.fileName, size: file.size })
  for (const video of source.videos) {
    if (!video.download) continue
    entries.push({ url: video.download.href, kind: 'video', label: video.title, size: video.download.size })
    for (const track of video.captions) entries.push({ url: track.src, kind: 'captions', label: `${video.title} · ${track.label}`, size: null })
  }
  entries.push({ url: '/students/visits/offline', kind: 'visit-form', label: '', size: null })
  const seen = new Set<string>()
  return {
    resourceId: source.id,
    title: source.title,
    variantKey,
    cacheName: `${offlineCachePrefix}${source.id}${variantKey ? `-${variantKey}` : ''}`,
    entries: entries.filter((e) => (seen.has(e.url) ? false : (seen.add(e.url), true))),
  }
}

/** Sizes of what is stored, for the page's list ("3 files, 4.2 MB"). */
export function totalSize(sizes: (number | null)[]): number {
  return sizes.reduce<number>((sum, s) => sum + (s ?? 0), 0)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`
}
