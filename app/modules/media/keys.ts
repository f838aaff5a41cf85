/** Where an asset's objects live in the store. Everything of one asset is under its own prefix. */
export const mediaKeys = {
  asset: (assetId: string) => `media/${assetId}/`,
  originalPart: (assetId: string, offset: number, nonce: string) => `media/${assetId}/original/${String(offset).padStart(13, '0')}-${nonce}.part`,
  version: (assetId: string, version: number) => `media/${assetId}/v${version}/`,
  versionsPrefix: (assetId: string) => `media/${assetId}/v`,
  textTrack: (assetId: string, trackId: string) => `media/${assetId}/text/${trackId}.vtt`,
}

/** The version number a key under `media/<id>/v<n>/…` belongs to, else null. */
export function versionOfKey(assetId: string, key: string): number | null {
  const match = new RegExp(`^media/${assetId}/v(\\d+)/`).exec(key)
  return match ? Number(match[1]) : null
}

/** URLs the browser uses; all go through routes that check who may see the asset. */
export const mediaUrls = {
  page: (assetId: string) => `/media/${assetId}`,
  file: (assetId: string, version: number, path: string) => `/media/${assetId}/files/v${version}/${path}`,
  textTrack: (assetId: string, trackId: string) => `/media/${assetId}/tracks/${trackId}`,
  download: (assetId: string) => `/media/${assetId}/download`,
  uploads: '/media/uploads',
}
