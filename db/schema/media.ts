import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core'
import { districts, users } from './accounts'

/**
 * uploading → queued → processing → ready | failed. A ready asset that is processed again keeps
 * `current_version` (and so keeps playing) until the new version is published.
 */
export const mediaStatusEnum = pgEnum('media_status', ['uploading', 'queued', 'processing', 'ready', 'failed'])
/** A main video, or a track that belongs to one: a sign-language interpreter video or an audio description. */
export const mediaRoleEnum = pgEnum('media_role', ['main', 'sign_language', 'audio_description'])
export const textTrackKindEnum = pgEnum('text_track_kind', ['captions', 'descriptions', 'chapters'])

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

/** A translatable message (key + params), as shown to the uploader. */
export interface MediaMessage {
  key: string
  params?: Record<string, string | number>
}

/** What ffprobe found, kept for the uploader and for support. */
export interface MediaProbe {
  container: string
  durationMs: number
  video?: { codec: string; width: number; height: number; displayWidth: number; displayHeight: number; rotation: number; frameRate: number; pixelFormat?: string; interlaced?: boolean }
  audio?: { codec: string; channels: number; sampleRate: number }
}

/** The published version's outputs, relative to its version prefix. */
export interface MediaOutputs {
  master: string
  variants: { name: string; width: number; height: number; bandwidth: number; playlist: string }[]
  audio?: { playlist: string; bandwidth: number }
  poster?: string
  storyboard?: { image: string; vtt: string }
  /** One MP4 of the low-bandwidth rung, for offline use. */
  download?: { key: string; size: number }
}

export const mediaAssets = pgTable(
  'media_assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    /** Set for a sign-language or audio-description track: the main video it belongs to. */
    parentId: uuid('parent_id').references((): AnyPgColumn => mediaAssets.id, { onDelete: 'cascade' }),
    role: mediaRoleEnum('role').notNull().default('main'),
    /** BCP 47 language of an audio description or sign-language track (e.g. zh-CN, csl). */
    language: text('language'),
    title: text('title').notNull(),
    status: mediaStatusEnum('status').notNull().default('uploading'),
    /** 0–100 while processing. */
    progress: integer('progress').notNull().default(0),
    failure: jsonb('failure').$type<MediaMessage>(),
    originalName: text('original_name').notNull(),
    originalSize: bigint('original_size', { mode: 'number' }).notNull(),
    originalType: text('original_type'),
    probe: jsonb('probe').$type<MediaProbe>(),
    kind: text('kind', { enum: ['video', 'audio'] }),
    durationMs: integer('duration_ms'),
    /** The published version: only files under `media/<id>/v<currentVersion>/` are ever served. */
    currentVersion: integer('current_version'),
    outputs: jsonb('outputs').$type<MediaOutputs>(),
    /** The last version number handed to a transcode run; each run writes under a fresh one. */
    lastVersion: integer('last_version').notNull().default(0),
    /** The run allowed to publish: a newer run takes over a stalled one, and the older one's publish then fails. */
    activeRun: uuid('active_run'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    /** Runs since the last upload or retry, crashed ones included. */
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('media_assets_owner_idx').on(t.ownerId, t.createdAt), index('media_assets_parent_idx').on(t.parentId), index('media_assets_status_idx').on(t.status)],
)

/** A resumable (tus) upload of an asset's original: received parts in order, each its own object. */
export const mediaUploads = pgTable(
  'media_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => mediaAssets.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    length: bigint('length', { mode: 'number' }).notNull(),
    offset: bigint('offset', { mode: 'number' }).notNull().default(0),
    parts: jsonb('parts').$type<{ key: string; size: number }[]>().notNull().default([]),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('media_uploads_asset_idx').on(t.assetId)],
)

/** Captions, timed text descriptions and chapters of a video, stored as WebVTT. */
export const mediaTextTracks = pgTable(
  'media_text_tracks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => mediaAssets.id, { onDelete: 'cascade' }),
    kind: textTrackKindEnum('kind').notNull(),
    language: text('language').notNull(),
    label: text('label').notNull(),
    storageKey: text('storage_key').notNull(),
    cueCount: integer('cue_count').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('media_text_tracks_asset_kind_lang_idx').on(t.assetId, t.kind, t.language)],
)
