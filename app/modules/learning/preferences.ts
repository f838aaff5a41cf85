import { z } from 'zod'
import { contrasts, fontScales } from '~/modules/accounts/schemas'

/**
 * Learner preferences: what a student's lessons look and sound like. Three layers set them — the
 * teachers' default for the student, the family's adjustment, the student's own choice — and for
 * each field the effective value is student ?? family ?? teacher ?? the product default.
 * Shared by the server, the form and the player (nothing server-only here).
 */

export const preferenceLayers = ['teacher', 'family', 'student'] as const
export type PreferenceLayer = (typeof preferenceLayers)[number]
export type PreferenceSource = PreferenceLayer | 'default'

export const signWindows = ['off', 'pip', 'side'] as const
export type SignWindow = (typeof signWindows)[number]
export const captionLanguages = ['zh-CN', 'en'] as const

export interface LearnerPreferences {
  captions: boolean
  captionLanguage: string
  signWindow: SignWindow
  audioDescription: boolean
  fontScale: (typeof fontScales)[number]
  contrast: (typeof contrasts)[number]
  reducedMotion: boolean
  /** Speech rate of read-aloud, 0.5–2. */
  readAloudRate: number
  /** Seconds each option stays highlighted in switch scanning, 0.5–10. */
  scanInterval: number
}

export type PreferenceField = keyof LearnerPreferences
export const preferenceFields: PreferenceField[] = ['captions', 'captionLanguage', 'signWindow', 'audioDescription', 'fontScale', 'contrast', 'reducedMotion', 'readAloudRate', 'scanInterval']

/** The student's own choice of these is their account's display setting (see preferences.server.ts). */
export const displayFields = ['fontScale', 'contrast', 'reducedMotion'] as const satisfies readonly PreferenceField[]

export const productDefaults: LearnerPreferences = {
  captions: false,
  captionLanguage: 'zh-CN',
  signWindow: 'off',
  audioDescription: false,
  fontScale: 'large',
  contrast: 'normal',
  reducedMotion: false,
  readAloudRate: 1,
  scanInterval: 2,
}

/** Forms send '' for "not set here" (the value comes from the layer below), 'on'/'off' for switches. */
const unset = (v: unknown) => v === '' || v === null || v === undefined || v === 'inherit'
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (unset(v) ? undefined : v), schema.optional())
const flag = optional(z.preprocess((v) => (v === 'on' || v === 'true' || v === true ? true : v === 'off' || v === 'false' || v === false ? false : v), z.boolean('errors.invalidChoice')))
const number = (min: number, max: number, message: string) =>
  optional(z.preprocess((v) => (typeof v === 'string' ? Number(v.replace(',', '.')) : v), z.number(message).min(min, message).max(max, message)))

/** One layer's values: every field optional (absent = not set by this layer). */
export const preferencesInput = z.object({
  captions: flag,
  captionLanguage: optional(z.enum(captionLanguages)),
  signWindow: optional(z.enum(signWindows)),
  audioDescription: flag,
  fontScale: optional(z.enum(fontScales)),
  contrast: optional(z.enum(contrasts)),
  reducedMotion: flag,
  readAloudRate: number(0.5, 2, 'learning.errors.readAloudRate'),
  scanInterval: number(0.5, 10, 'learning.errors.scanInterval'),
})
export type LayerValues = Partial<LearnerPreferences>

/** Drops anything stored that no longer parses, so an old or hand-edited row never breaks a page. */
export function cleanLayer(values: unknown): LayerValues {
  if (!values || typeof values !== 'object') return {}
  const out: Record<string, unknown> = {}
  for (const field of preferenceFields) {
    const parsed = preferencesInput.shape[field].safeParse((values as Record<string, unknown>)[field])
    if (parsed.success && parsed.data !== undefined) out[field] = parsed.data
  }
  return out as LayerValues
}

export interface LayeredPreferences {
  effective: LearnerPreferences
  /** Which layer each effective value comes from. */
  sources: Record<PreferenceField, PreferenceSource>
  layers: Record<PreferenceLayer, LayerValues>
}

/** student ?? family ?? teacher ?? default, field by field. */
export function layerPreferences(layers: Partial<Record<PreferenceLayer, LayerValues>>): LayeredPreferences {
  const full = { teacher: cleanLayer(layers.teacher), family: cleanLayer(layers.family), student: cleanLayer(layers.student) }
  const effective = { ...productDefaults } as Record<PreferenceField, unknown>
  const sources = {} as Record<PreferenceField, PreferenceSource>
  for (const field of preferenceFields) {
    const layer = (['student', 'family', 'teacher'] as const).find((l) => full[l][field] !== undefined)
    sources[field] = layer ?? 'default'
    effective[field] = layer ? full[layer][field] : productDefaults[field]
  }
  return { effective: effective as unknown as LearnerPreferences, sources, layers: full }
}

/** The layer an actor writes, from how they relate to the student. */
export const layerOfRelation = { self: 'student', family: 'family', teacher: 'teacher' } as const satisfies Record<'self' | 'family' | 'teacher', PreferenceLayer>
