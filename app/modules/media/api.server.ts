import { z } from 'zod'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { deleteAsset, getAssetDetail, getPlayerSource, listMyAssets, retryTranscode } from './assets.server'
import { parseId } from './http.server'
import { trackLanguages } from './types'

const tag = 'media'
const id = z.uuid()
const message = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
const status = z.enum(['uploading', 'queued', 'processing', 'ready', 'failed'])
const asset = z.object({
  id,
  title: z.string(),
  role: z.enum(['main', 'sign_language', 'audio_description']),
  language: z.string().nullable(),
  status,
  progress: z.number().int().describe('0–100 while processing'),
  failure: message.nullable().describe('Why processing failed, as an i18n message (media.errors.*)'),
  kind: z.enum(['video', 'audio']).nullable(),
  durationMs: z.number().int().nullable(),
  playable: z.boolean().describe('A version is published; it keeps playing while a newer one is made'),
  originalName: z.string(),
  originalSize: z.number().int(),
  createdAt: z.iso.datetime(),
  upload: z.object({ id, offset: z.number().int(), length: z.number().int() }).nullable().describe('While uploading: resume with tus HEAD/PATCH at /media/uploads/{id}'),
})
const textTrack = z.object({ id, kind: z.enum(['captions', 'descriptions', 'chapters']), language: z.enum(trackLanguages), label: z.string(), src: z.string() })
const playerSource = z
  .object({
    assetId: id,
    title: z.string(),
    kind: z.enum(['video', 'audio']),
    durationMs: z.number().int(),
    src: z.string().describe('HLS multivariant playlist'),
    audioOnlySrc: z.string().nullable(),
    poster: z.string().nullable(),
    storyboard: z.string().nullable().describe('WebVTT of storyboard thumbnails (#xywh=…)'),
    textTracks: z.array(textTrack.omit({ label: true }).extend({ label: z.string() })),
    sign: z.object({ src: z.string(), poster: z.string().nullable() }).nullable(),
    audioDescriptions: z.array(z.object({ id, language: z.string(), label: z.string(), src: z.string() })),
    download: z.object({ href: z.string(), size: z.number().int() }).nullable(),
  })
  .nullable()

/**
 * Videos by asset id, for API clients and for the library, which keeps asset ids on its resources.
 * Uploads themselves use the tus protocol at /media/uploads (POST to create, then HEAD/PATCH).
 */
export const mediaEndpoints: Endpoint[] = [
  endpoint({ method: 'GET', path: '/media', tag, summary: 'The videos the signed-in teacher uploaded', response: z.array(asset), handle: ({ rt, actor }) => listMyAssets(rt.db, actor) }),
  endpoint({
    method: 'GET',
    path: '/media/{id}',
    tag,
    summary: 'A video with its status, text tracks, sign-language and audio-description tracks',
    response: z.object({ asset, canManage: z.boolean(), signLanguage: z.array(asset), audioDescriptions: z.array(asset), textTracks: z.array(textTrack.extend({ cueCount: z.number().int() })) }),
    handle: ({ rt, actor }, { params }) => getAssetDetail(rt.db, actor, parseId(params.id)),
  }),
  endpoint({
    method: 'GET',
    path: '/media/{id}/player',
    tag,
    summary: 'What a player needs to play the video (null until a version is published)',
    response: playerSource,
    handle: ({ rt, actor }, { params }) => getPlayerSource(rt.db, actor, parseId(params.id)),
  }),
  endpoint({
    method: 'POST',
    path: '/media/{id}/retry',
    tag,
    summary: 'Process a failed (or ready) video again; a ready one keeps playing meanwhile',
    status: 204,
    handle: ({ rt, actor }, { params }) => retryTranscode(rt, actor, parseId(params.id)),
  }),
  endpoint({
    method: 'DELETE',
    path: '/media/{id}',
    tag,
    summary: 'Delete a video (or a sign-language / audio-description track) with all its files',
    status: 204,
    handle: async ({ rt, actor }, { params }) => void (await deleteAsset(rt, actor, parseId(params.id))),
  }),
]
