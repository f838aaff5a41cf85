import { z } from 'zod'
import { sanitizeDoc, type RichDoc } from '~/modules/library/rich-text'
import { schoolTypes, stages, isSubject, disabilityCategories } from '~/modules/library/taxonomy'
import { maxScore, minScore } from './studies/rubric'

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value)
  } catch {
    return null
  }
}

/** Tiptap JSON from a form's hidden field (a string) or the API (an object), sanitized against the library's allow-list. */
export const docInput = z.unknown().transform((value): RichDoc => sanitizeDoc(typeof value === 'string' ? safeJson(value) : value))

const uuid = (message = 'errors.badRequest') => z.uuid({ message })
/** One label per line in a form, or an array from the API. */
const labelList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/\r?\n/) : v),
  z
    .array(z.string().trim())
    .transform((labels) => labels.filter(Boolean))
    // Checked as a whole, so the message lands on the one field the form has.
    .superRefine((labels, ctx) => {
      if (labels.length === 0) ctx.addIssue({ code: 'custom', message: 'studies.errors.dimensionsNeeded' })
      else if (labels.length > 12) ctx.addIssue({ code: 'custom', message: 'studies.errors.tooManyDimensions' })
      else if (labels.some((label) => Array.from(label).length > 60)) ctx.addIssue({ code: 'custom', message: 'studies.errors.dimensionTooLong' })
    }),
)

export const studyInput = z.object({
  groupId: uuid('studies.errors.groupNeeded'),
  title: z.string().trim().min(1, 'studies.errors.titleNeeded').max(120),
  /** Who teaches the lesson; the creator when left out. */
  teacherId: z.preprocess((v) => (v === '' ? undefined : v), uuid().optional()),
  dimensions: labelList.optional(),
  plan: docInput.optional(),
})

export const dimensionsInput = z.object({ dimensions: labelList })

export const planInput = z.object({
  doc: docInput,
  /** The version the editor started from: a newer one saved meanwhile is a conflict, never overwritten. */
  baseVersion: z.coerce.number({ message: 'errors.badRequest' }).int().min(1),
})

export const reflectionInput = z.object({ doc: docInput })

export const videoInput = z.object({ assetId: uuid('studies.errors.videoNotFound') })

export const noteInput = z.object({
  atSeconds: z.coerce.number({ message: 'studies.errors.noteTime' }).int('studies.errors.noteTime').min(0, 'studies.errors.noteTime').max(24 * 3600, 'studies.errors.noteTime'),
  body: z.string().trim().min(1, 'studies.errors.noteBody').max(2000),
})

const score = z.coerce.number({ message: 'studies.errors.score' }).int('studies.errors.score').min(minScore, 'studies.errors.score').max(maxScore, 'studies.errors.score')
export const scoresInput = z.object({
  scores: z
    .array(z.object({ dimension: z.string().min(1).max(40), score, comment: z.string().trim().max(2000).default('') }))
    .max(12),
})

const reviewScore = z.coerce.number({ message: 'library.errors.score' }).int('library.errors.score').min(1, 'library.errors.score').max(5, 'library.errors.score')
const nullableInt = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number({ message: 'errors.invalidNumber' }).int('errors.invalidNumber').nullable())

/** What finishing a study needs: where the lesson sits in the library and, from a reviewer, the review scores. */
export const finishInput = z.object({
  title: z.string().trim().min(1, 'library.errors.title').max(120),
  summary: z.string().trim().min(1, 'library.errors.needsSummary').max(600),
  schoolType: z.enum(schoolTypes, { message: 'library.errors.schoolType' }),
  subject: z.string().refine(isSubject, 'library.errors.subject'),
  stage: z.enum(stages, { message: 'library.errors.stage' }),
  grade: nullableInt.default(null),
  disabilityCategories: z
    .preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(disabilityCategories, { message: 'errors.invalidChoice' })))
    .default([]),
  accessibility: reviewScore.optional(),
  curriculum: reviewScore.optional(),
  differentiation: reviewScore.optional(),
})
export type FinishInput = z.infer<typeof finishInput>
