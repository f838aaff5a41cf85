import { z } from 'zod'

/**
 * Every kind of resource with its own fields. Adding a kind is one entry here plus its labels in
 * the i18n catalogue (`library.kinds.<kind>`); forms, the API and the page read this record.
 */
export const strategyTypes = ['visual_schedule', 'social_story', 'structured_teaching', 'pecs', 'discrete_trial', 'pivotal_response', 'video_modelling', 'first_then', 'token_economy', 'self_management'] as const
export type StrategyType = (typeof strategyTypes)[number]

export const lessonParts = ['objectives', 'keyPoints', 'keywords', 'misconceptions', 'materials', 'assessment', 'contentGuidance'] as const
export type LessonPart = (typeof lessonParts)[number]

export const dataMeasures = ['frequency', 'duration', 'trials', 'prompt_level'] as const

const line = z.string().trim().max(500)
/** A number field a form may leave empty: empty means the default (or none), not zero. */
const count = (min: number, max: number) => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number({ message: 'errors.invalidNumber' }).int('errors.invalidNumber').min(min, 'errors.invalidNumber').max(max, 'errors.invalidNumber').optional())
/** A checkbox (ticked sends "true") or a JSON boolean; "false" is false, unlike z.coerce.boolean. */
const flag = z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()).default(false)
const amount = (max: number) => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number({ message: 'errors.invalidNumber' }).min(0, 'errors.invalidNumber').max(max, 'errors.invalidNumber').optional())
const lines = z.array(line.min(1)).max(60)
const text = (max = 4000) => z.string().trim().max(max)

/** A lesson's parts are plain text, one point per line; its procedure is the rich body. */
const lessonDetails = z.object(Object.fromEntries(lessonParts.map((part) => [part, text(4000).default('')])) as Record<LessonPart, z.ZodDefault<z.ZodString>>)

const courseLesson = z.object({ title: line.min(1), summary: text(1000).default(''), resourceId: z.uuid().nullable().default(null) })
const courseUnit = z.object({ title: line.min(1), summary: text(2000).default(''), lessons: z.array(courseLesson).max(40).default([]) })

export const kindDetails = {
  lesson: lessonDetails,
  school_course: z.object({
    hoursPerWeek: count(0, 40).transform((v) => v ?? null),
    audience: text(1000).default(''),
    units: z.array(courseUnit).max(30).default([]),
  }),
  autism_strategy: z.object({
    strategyType: z.enum(strategyTypes, { message: 'library.errors.strategyType' }),
    targetSkill: line.min(1, 'library.errors.targetSkill'),
    /** The steps drive the printable supports: schedule strip, first–then board, social-story pages. */
    steps: lines.min(1, 'library.errors.steps'),
    materials: lines.default([]),
    dataMeasure: z.enum(dataMeasures).default('frequency'),
    dataSessions: count(1, 20).transform((v) => v ?? 5),
  }),
  sign_language: z.object({ signSystem: line.default('国家通用手语'), terms: lines.default([]) }),
  braille: z.object({ scheme: z.enum(['common', 'current']).default('common'), format: z.enum(['brf', 'pdf', 'embossed', 'other']).default('brf') }),
  worksheet: z.object({ pages: count(1, 500).transform((v) => v ?? null), answerKey: flag }),
  teaching_aid: z.object({ usage: text(2000).default(''), makeYourself: flag }),
  slides: z.object({ slideCount: count(1, 1000).transform((v) => v ?? null) }),
  audio: z.object({ minutes: amount(600).transform((v) => v ?? null), transcript: text(20000).default('') }),
  video: z.object({ minutes: amount(600).transform((v) => v ?? null), captions: flag, signLanguage: flag }),
} as const

export type ResourceKind = keyof typeof kindDetails
export const resourceKinds = Object.keys(kindDetails) as ResourceKind[]
export type KindDetails<K extends ResourceKind> = z.infer<(typeof kindDetails)[K]>

interface KindTraits {
  /** Carries tier and disability variants. */
  variants: boolean
  /** Cannot be submitted without at least one file. */
  needsFile: boolean
}

export const kindTraits: Record<ResourceKind, KindTraits> = {
  lesson: { variants: true, needsFile: false },
  school_course: { variants: false, needsFile: false },
  autism_strategy: { variants: true, needsFile: false },
  sign_language: { variants: false, needsFile: true },
  braille: { variants: false, needsFile: true },
  worksheet: { variants: true, needsFile: true },
  teaching_aid: { variants: false, needsFile: true },
  slides: { variants: false, needsFile: true },
  audio: { variants: false, needsFile: true },
  video: { variants: false, needsFile: false },
}

export const isResourceKind = (value: unknown): value is ResourceKind => typeof value === 'string' && Object.hasOwn(kindDetails, value)
