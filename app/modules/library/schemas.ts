import { z } from 'zod'
import { AppError, fieldErrorsOf, type FieldErrors } from '~/platform/errors'
import { kindDetails, kindTraits, resourceKinds, type ResourceKind } from './kinds'
import { sanitizeDoc, type RichDoc } from './rich-text'
import { categoryOfVariant, disabilityCategories, isSubject, licences, placementProblem, schoolTypes, stages, variantKeys, type DisabilityCategory, type SchoolType, type Stage, type Subject, type VariantKey } from './taxonomy'

const doc = z.unknown().transform((value): RichDoc => sanitizeDoc(typeof value === 'string' ? safeJson(value) : value))

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value)
  } catch {
    return null
  }
}

/** Lists arrive as arrays (API) or as one line per item (forms). */
const listOf = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : v ?? []), z.array(item))

const nullableInt = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number({ message: 'errors.invalidNumber' }).int('errors.invalidNumber').nullable())

export const variantInput = z.object({
  key: z.enum(variantKeys as [VariantKey, ...VariantKey[]], { message: 'library.errors.variantKey' }),
  objectives: z.string().trim().max(4000).default(''),
  activities: doc,
  assessment: z.string().trim().max(4000).default(''),
})
export type VariantInput = z.infer<typeof variantInput>

export const resourceInput = z.object({
  kind: z.enum(resourceKinds as [ResourceKind, ...ResourceKind[]], { message: 'library.errors.kind' }),
  title: z.string().trim().min(1, 'library.errors.title').max(120),
  summary: z.string().trim().max(600).default(''),
  schoolType: z.enum(schoolTypes, { message: 'library.errors.schoolType' }),
  subject: z.string().refine(isSubject, 'library.errors.subject'),
  stage: z.enum(stages, { message: 'library.errors.stage' }),
  grade: nullableInt.default(null),
  disabilityCategories: listOf(z.enum(disabilityCategories, { message: 'errors.invalidChoice' })).default([]),
  licence: z.enum(licences, { message: 'library.errors.licence' }),
  attribution: z.string().trim().min(1, 'library.errors.attribution').max(200),
  details: z.record(z.string(), z.unknown()).default({}),
  body: doc.default({ type: 'doc', content: [] }),
  variants: z.array(variantInput).max(variantKeys.length).default([]),
  mediaAssetIds: listOf(z.uuid()).default([]),
})

export interface ParsedResource {
  kind: ResourceKind
  title: string
  summary: string
  schoolType: SchoolType
  subject: Subject
  stage: Stage
  grade: number | null
  disabilityCategories: DisabilityCategory[]
  licence: (typeof licences)[number]
  attribution: string
  details: Record<string, unknown>
  body: RichDoc
  variants: VariantInput[]
  mediaAssetIds: string[]
}

/**
 * Validates a whole resource at once, so a form shows every problem in one go: the common fields,
 * the placement in the taxonomy, the kind's own fields (as `details.<field>`) and the variants.
 */
export function parseResource(input: unknown): ParsedResource {
  const fields: FieldErrors = {}
  const base = resourceInput.safeParse(input)
  if (!base.success) Object.assign(fields, fieldErrorsOf(base.error))
  const raw = (input ?? {}) as Record<string, unknown>
  const kind = base.success ? base.data.kind : (raw.kind as ResourceKind)
  let details: Record<string, unknown> = {}
  if (kind in kindDetails) {
    const parsed = kindDetails[kind].safeParse(base.success ? base.data.details : (raw.details ?? {}))
    if (parsed.success) details = parsed.data
    else for (const [path, message] of Object.entries(fieldErrorsOf(parsed.error))) fields[`details.${path}`] ??= message
  }
  if (!base.success || Object.keys(fields).length) throw new AppError(400, { key: 'errors.badRequest' }, { fields })
  const data = base.data
  const placement = placementProblem({ schoolType: data.schoolType, subject: data.subject as Subject, stage: data.stage, grade: data.grade })
  if (placement) fields[placement.field] = { key: placement.key }
  const seen = new Set<string>()
  data.variants.forEach((variant, i) => {
    if (seen.has(variant.key)) fields[`variants.${i}.key`] = { key: 'library.errors.variantTwice' }
    seen.add(variant.key)
  })
  if (data.variants.length && !kindTraits[data.kind].variants) fields.variants = { key: 'library.errors.noVariantsForKind' }
  if (Object.keys(fields).length) throw new AppError(400, { key: 'errors.badRequest' }, { fields })
  // A variant for a disability category makes the resource found under that category too.
  const categories = new Set<DisabilityCategory>(data.disabilityCategories)
  for (const v of data.variants) {
    const category = categoryOfVariant(v.key)
    if (category) categories.add(category)
  }
  return {
    ...data,
    subject: data.subject as Subject,
    details,
    disabilityCategories: disabilityCategories.filter((c) => categories.has(c)),
    mediaAssetIds: [...new Set(data.mediaAssetIds)],
  }
}

export const reviewInput = z
  .object({
    decision: z.enum(['approve', 'changes_requested'], { message: 'library.errors.decision' }),
    accessibility: z.coerce.number({ message: 'library.errors.score' }).int('library.errors.score').min(1, 'library.errors.score').max(5, 'library.errors.score'),
    curriculum: z.coerce.number({ message: 'library.errors.score' }).int('library.errors.score').min(1, 'library.errors.score').max(5, 'library.errors.score'),
    differentiation: z.coerce.number({ message: 'library.errors.score' }).int('library.errors.score').min(1, 'library.errors.score').max(5, 'library.errors.score'),
    comments: z.string().trim().max(4000).default(''),
    /** The level the reviewer saw: a decision made on a stale page is refused instead of landing on the next level. */
    level: z.enum(['school', 'district']).optional(),
  })
  .superRefine((review, ctx) => {
    if (review.decision === 'changes_requested' && !review.comments) ctx.addIssue({ code: 'custom', path: ['comments'], message: 'library.errors.commentsNeeded' })
    if (review.decision === 'approve' && review.accessibility < minimumAccessibilityToPublish)
      ctx.addIssue({ code: 'custom', path: ['accessibility'], message: 'library.errors.accessibilityTooLow' })
  })
export type ReviewInput = z.infer<typeof reviewInput>

/** Below this accessibility score a reviewer must ask for changes instead of approving. */
export const minimumAccessibilityToPublish = 3

export const ratingInput = z.object({
  stars: z.coerce.number({ message: 'library.errors.stars' }).int('library.errors.stars').min(1, 'library.errors.stars').max(5, 'library.errors.stars'),
  comment: z.string().trim().max(1000).default(''),
})

export const browseInput = z.object({
  schoolType: z.enum(schoolTypes).optional().catch(undefined),
  subject: z.string().refine(isSubject).optional().catch(undefined),
  stage: z.enum(stages).optional().catch(undefined),
  grade: z.coerce.number().int().min(1).max(12).optional().catch(undefined),
  kind: z.enum(resourceKinds as [ResourceKind, ...ResourceKind[]]).optional().catch(undefined),
  category: z.enum(disabilityCategories).optional().catch(undefined),
  /** A collection: `exemplary` lists the exemplary lessons (优秀课例) lesson studies published. */
  collection: z.enum(['exemplary']).optional().catch(undefined),
  sort: z.enum(['newest', 'popular', 'rating']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
})
export type BrowseInput = z.infer<typeof browseInput>
