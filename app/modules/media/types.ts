/** Shapes the media pages and the player receive (no server-only imports: this also reaches the browser). */

export type MediaStatus = 'uploading' | 'queued' | 'processing' | 'ready' | 'failed'
export type MediaRole = 'main' | 'sign_language' | 'audio_description'
export type TextTrackKind = 'captions' | 'descriptions' | 'chapters'

export interface MediaMessageView {
  key: string
  params?: Record<string, string | number>
}

export interface MediaAssetSummary {
  id: string
  title: string
  role: MediaRole
  language: string | null
  status: MediaStatus
  progress: number
  failure: MediaMessageView | null
  kind: 'video' | 'audio' | null
  durationMs: number | null
  /** A version is published: it plays, also while a newer one is being made. */
  playable: boolean
  originalName: string
  originalSize: number
  createdAt: string
  /** While uploading: the resumable upload and how far it got. */
  upload: { id: string; offset: number; length: number } | null
}

export type TrackAssetSummary = MediaAssetSummary

export interface PlayerTextTrack {
  id: string
  kind: TextTrackKind
  language: string
  label: string
  src: string
}

/** Everything the player needs; the library embeds the player with one of these. */
export interface PlayerSource {
  assetId: string
  title: string
  kind: 'video' | 'audio'
  durationMs: number
  /** The HLS multivariant playlist. */
  src: string
  /** The audio-only rendition of a video, for the weakest connections. */
  audioOnlySrc: string | null
  poster: string | null
  /** WebVTT mapping times to storyboard thumbnails. */
  storyboard: string | null
  textTracks: PlayerTextTrack[]
  /** The sign-language interpreter video, played in sync with the main one. */
  sign: { src: string; poster: string | null } | null
  /** Extra audio tracks that describe what is seen. */
  audioDescriptions: { id: string; language: string; label: string; src: string }[]
  /** The low-bandwidth rendition as one MP4 with the captions inside, for offline use. */
  download: { href: string; size: number } | null
}

/** Languages offered for captions, descriptions and tracks; labels are in the i18n catalogue (media.languages.*). */
export const trackLanguages = ['zh-CN', 'en', 'yue', 'bo', 'ug', 'mn', 'ii', 'za', 'ko'] as const
export type TrackLanguage = (typeof trackLanguages)[number]
