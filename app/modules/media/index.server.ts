/**
 * The media module's public surface for other capabilities (the library keeps asset ids on its
 * resources and embeds `~/components/media/VideoPlayer` with a `PlayerSource`, adding `mediaLinks` from
 * `~/components/media/styles` to its route's `links`):
 *
 * - `getPlayerSource(db, actor, assetId)`: what the player needs, or null until a version is published;
 *   404 (AppError) when the actor may not see the asset.
 * - `getAssetDetail(db, actor, assetId)`: status, progress, failure and tracks, for an editor.
 * - `findAsset(db, actor, assetId, 'view' | 'manage')`: the scoped lookup, to check an id a form sent.
 * - `canUploadMedia(actor)`: whether to offer uploading at all.
 * - `captionTextForSearch(deps, assetIds)`: the captions' words, for a search document.
 * Uploads go through the tus endpoint at `/media/uploads` (`<Uploader>` in `~/components/media`).
 */
export { findAsset, getAssetDetail, getPlayerSource } from './assets.server'
export { canUploadMedia } from './policy'
export { captionTextForSearch } from './text-tracks.server'
export type { MediaAssetSummary, PlayerSource } from './types'
