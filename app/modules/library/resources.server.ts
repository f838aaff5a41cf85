import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { markForIndexing } from '~/modules/search/sync.server'
import type { Database } from '#db/client'
import {
  districts,
  resourceFavourites,
  resourceFiles,
  resourceRatings,
  resourceReviews,
  resources,
  resourceVariants,
  resourceVersions,
  resourceViews,
  schools,
  users,
  type ResourceSnapshot,
} from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { record } from '~/modules/accounts/audit.server'
import { can, requirePermission } from '~/modules/accounts/permissions'
import { findAsset } from '~/modules/media/index.server'
import { AppError, notFound, parseInput } from '~/platform/errors'
import { kindTraits, type ResourceKind } from './kinds'
import { imagesWithoutAlt, isEmptyDoc, sanitizeDoc, type RichDoc } from './rich-text'
import { browseInput, parseResource, ratingInput, reviewInput, type ParsedResource } from './schemas'
import { variantKeys, type VariantKey } from './taxonomy'

/**
 * The resource library's rules: who may read, edit, submit, review, publish and archive what. Every
 * lookup is scoped to the actor's district; a resource out of reach is a 404, never a hint that it exists.
 */

export type ResourceRow = typeof resources.$inferSelect
export type ResourceStatus = ResourceRow['status']
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]
type Db = Database | Tx

const editableStatuses: ResourceStatus[] = ['draft', 'changes_requested', 'published']

async function findResource(db: Db, actor: Actor, id: string): Promise<ResourceRow> {
  const [row] = await db
    .select()
    .from(resources)
    .where(and(eq(resources.id, id), eq(resources.districtId, actor.districtId)))
  if (!row) throw notFound('library.errors.notFound')
  return row
}

const isAuthor = (actor: Actor, row: ResourceRow) => row.authorId === actor.id

/** Reviewers see what has been put forward; the author sees everything of their own. */
function maySeeWorkingCopy(actor: Actor, row: ResourceRow) {
  if (isAuthor(actor, row)) return true
  return can(actor.role, 'review:resource') && row.status !== 'draft'
}

/** Whether `actor` may judge the review `row` awaits: school level by the school's own reviewers or the district's, district level by the district's. */
function mayReview(actor: Actor, row: ResourceRow) {
  if (!can(actor.role, 'review:resource') || isAuthor(actor, row) || row.status !== 'submitted') return false
  if (row.reviewLevel === 'district') return actor.schoolId === null
  return actor.schoolId === null || actor.schoolId === row.schoolId
}

function requireAuthorCanEdit(actor: Actor, row: ResourceRow) {
  if (!isAuthor(actor, row)) throw new AppError(403, { key: 'errors.forbidden' })
  if (row.status === 'submitted') throw new AppError(409, { key: 'library.errors.underReview' })
  if (row.status === 'archived') throw new AppError(409, { key: 'library.errors.archived' })
}

function columnsOf(input: ParsedResource) {
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    schoolType: input.schoolType,
    subject: input.subject,
    stage: input.stage,
    grade: input.grade,
    disabilityCategories: input.disabilityCategories,
    licence: input.licence,
    attribution: input.attribution,
    details: input.details,
    body: input.body as unknown as Record<string, unknown>,
    mediaAssetIds: input.mediaAssetIds,
  }
}

async function replaceVariants(db: Db, resourceId: string, variants: ParsedResource['variants']) {
  await db.delete(resourceVariants).where(eq(resourceVariants.resourceId, resourceId))
  if (!variants.length) return
  const ordered = [...variants].sort((a, b) => variantKeys.indexOf(a.key) - variantKeys.indexOf(b.key))
  await db.insert(resourceVariants).values(
    ordered.map((v, position) => ({ resourceId, key: v.key, position, objectives: v.objectives, assessment: v.assessment, activities: v.activities as unknown as Record<string, unknown> })),
  )
}

/** Videos are the media module's assets: each id must name a main video the author may see. */
async function requireMediaAssets(db: Database, actor: Actor, ids: string[]) {
  for (const id of ids) {
    const asset = await findAsset(db, actor, id, 'view').catch(() => null)
    if (!asset || asset.role !== 'main') throw new AppError(400, { key: 'errors.badRequest' }, { fields: { mediaAssetIds: { key: 'library.errors.mediaAssetNotFound', params: { id } } } })
  }
}

export async function createResource(db: Database, actor: Actor, input: unknown, options: { contentKey?: string } = {}) {
  requirePermission(actor, 'author:resource')
  const parsed = parseResource(input)
  await requireMediaAssets(db, actor, parsed.mediaAssetIds)
  // A school-based course belongs to a school: its author's.
  if (parsed.kind === 'school_course' && !actor.schoolId) throw new AppError(400, { key: 'library.errors.courseNeedsSchool' }, { fields: { kind: { key: 'library.errors.courseNeedsSchool' } } })
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(resources)
      .values({ ...columnsOf(parsed), districtId: actor.districtId, schoolId: actor.schoolId, authorId: actor.id, contentKey: options.contentKey ?? null })
      .returning()
    await replaceVariants(tx, row!.id, parsed.variants)
    await markForIndexing(tx, [`resource:${row!.id}`])
    return { id: row!.id, status: row!.status }
  })
}

/** Saves the working copy. Editing a published resource starts a new draft; readers keep the published version. */
export async function updateResource(db: Database, actor: Actor, id: string, input: unknown) {
  requirePermission(actor, 'author:resource')
  const row = await findResource(db, actor, id)
  requireAuthorCanEdit(actor, row)
  const parsed = parseResource(input)
  if (parsed.kind !== row.kind) throw new AppError(400, { key: 'errors.badRequest' }, { fields: { kind: { key: 'library.errors.kindFixed' } } })
  await requireMediaAssets(db, actor, parsed.mediaAssetIds)
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(resources)
      .set({ ...columnsOf(parsed), status: row.status === 'changes_requested' ? 'changes_requested' : 'draft', updatedAt: new Date() })
      .where(and(eq(resources.id, id), inArray(resources.status, editableStatuses)))
      .returning({ id: resources.id, status: resources.status })
    if (!updated) throw new AppError(409, { key: 'library.errors.underReview' })
    await replaceVariants(tx, id, parsed.variants)
    await markForIndexing(tx, [`resource:${id}`])
    return updated
  })
}

async function activeFiles(db: Db, resourceId: string) {
  return db
    .select()
    .from(resourceFiles)
    .where(and(eq(resourceFiles.resourceId, resourceId), isNull(resourceFiles.removedAt)))
    .orderBy(asc(resourceFiles.createdAt))
}

/** What a resource needs before a reviewer sees it: the checks run again on submit, whatever the form allowed. */
async function readinessProblems(db: Db, row: ResourceRow) {
  const problems: Record<string, { key: string }> = {}
  const traits = kindTraits[row.kind as ResourceKind]
  const files = await activeFiles(db, row.id)
  if (traits.needsFile && files.length === 0) problems.files = { key: 'library.errors.needsFile' }
  if (row.kind === 'video' && files.length === 0 && row.mediaAssetIds.length === 0) problems.files = { key: 'library.errors.needsVideo' }
  if (row.kind === 'lesson' && isEmptyDoc(sanitizeDoc(row.body))) problems.body = { key: 'library.errors.needsProcedure' }
  if (!row.summary) problems.summary = { key: 'library.errors.needsSummary' }
  // Every picture needs a text alternative before anyone reviews it: screen-reader users read the lesson too.
  if (imagesWithoutAlt(sanitizeDoc(row.body)) > 0) problems.body = { key: 'library.errors.imageNeedsAlt' }
  const variants = await db.select().from(resourceVariants).where(eq(resourceVariants.resourceId, row.id))
  if (variants.some((v) => imagesWithoutAlt(sanitizeDoc(v.activities)) > 0)) problems.variants = { key: 'library.errors.imageNeedsAlt' }
  return problems
}

async function reviewLevelsOf(db: Db, districtId: string) {
  const [district] = await db.select({ reviewLevels: districts.reviewLevels }).from(districts).where(eq(districts.id, districtId))
  return district?.reviewLevels === 2 ? 2 : 1
}

export async function submitResource(db: Database, actor: Actor, id: string, ip?: string | null) {
  requirePermission(actor, 'author:resource')
  const row = await findResource(db, actor, id)
  requireAuthorCanEdit(actor, row)
  if (row.status === 'published') throw new AppError(409, { key: 'library.errors.nothingToSubmit' })
  const problems = await readinessProblems(db, row)
  if (Object.keys(problems).length) throw new AppError(400, { key: 'library.errors.notReady' }, { fields: problems })
  const [updated] = await db
    .update(resources)
    .set({ status: 'submitted', reviewLevel: 'school', updatedAt: new Date() })
    .where(and(eq(resources.id, id), inArray(resources.status, ['draft', 'changes_requested'])))
    .returning({ id: resources.id, status: resources.status, reviewLevel: resources.reviewLevel })
  if (!updated) throw new AppError(409, { key: 'library.errors.underReview' })
  await record(db, { action: 'resource.submitted', actorId: actor.id, districtId: actor.districtId, targetType: 'resource', targetId: id, detail: { title: row.title }, ip })
  return updated
}

/**
 * A reviewer's decision at the level the resource awaits. Approving at school level in a district
 * with two levels passes it on to the district; approving at the last level publishes it.
 */
export async function reviewResource(db: Database, actor: Actor, id: string, input: unknown, ip?: string | null) {
  requirePermission(actor, 'review:resource')
  const review = parseInput(reviewInput, input)
  const row = await findResource(db, actor, id)
  if (row.status !== 'submitted') throw new AppError(409, { key: 'library.errors.notSubmitted' })
  if (isAuthor(actor, row)) throw new AppError(403, { key: 'library.errors.ownResource' })
  if (!mayReview(actor, row)) throw new AppError(403, { key: 'library.errors.notYourLevel' })
  const level = row.reviewLevel ?? 'school'
  if (review.level && review.level !== level) throw new AppError(409, { key: 'library.errors.reviewMovedOn' })
  const levels = await reviewLevelsOf(db, row.districtId)
  return db.transaction(async (tx) => {
    // Claim the resource at the level it is at, so two reviewers deciding at once cannot both win.
    const claimed = await tx
      .update(resources)
      .set({ updatedAt: new Date() })
      .where(and(eq(resources.id, id), eq(resources.status, 'submitted'), eq(resources.reviewLevel, level)))
      .returning({ id: resources.id })
    if (!claimed.length) throw new AppError(409, { key: review.level ? 'library.errors.reviewMovedOn' : 'library.errors.notSubmitted' })
    await tx.insert(resourceReviews).values({
      resourceId: id,
      reviewerId: actor.id,
      level,
      decision: review.decision,
      scores: { accessibility: review.accessibility, curriculum: review.curriculum, differentiation: review.differentiation },
      comments: review.comments,
    })
    await record(tx, { action: 'resource.reviewed', actorId: actor.id, districtId: actor.districtId, targetType: 'resource', targetId: id, detail: { title: row.title, level, decision: review.decision, accessibility: review.accessibility }, ip })
    if (review.decision === 'changes_requested') {
      await tx.update(resources).set({ status: 'changes_requested', reviewLevel: null }).where(eq(resources.id, id))
      return { status: 'changes_requested' as const, reviewLevel: null, publishedVersion: row.publishedVersion }
    }
    if (level === 'school' && levels === 2) {
      await tx.update(resources).set({ reviewLevel: 'district' }).where(eq(resources.id, id))
      return { status: 'submitted' as const, reviewLevel: 'district' as const, publishedVersion: row.publishedVersion }
    }
    const version = await publishWorkingCopy(tx, id, actor.id)
    return { status: 'published' as const, reviewLevel: null, publishedVersion: version }
  })
}

/** Freezes the working copy as the next version and points readers at it. */
async function publishWorkingCopy(tx: Db, id: string, publishedById: string | null) {
  const [row] = await tx.select().from(resources).where(eq(resources.id, id))
  const variants = await tx.select().from(resourceVariants).where(eq(resourceVariants.resourceId, id)).orderBy(asc(resourceVariants.position))
  const files = await activeFiles(tx, id)
  const [last] = await tx.select({ n: sql<number>`coalesce(max(${resourceVersions.number}), 0)::int` }).from(resourceVersions).where(eq(resourceVersions.resourceId, id))
  const number = (last?.n ?? 0) + 1
  const snapshot: ResourceSnapshot = {
    kind: row!.kind,
    title: row!.title,
    summary: row!.summary,
    schoolType: row!.schoolType,
    subject: row!.subject,
    stage: row!.stage,
    grade: row!.grade,
    disabilityCategories: row!.disabilityCategories,
    licence: row!.licence,
    attribution: row!.attribution,
    details: row!.details,
    body: row!.body,
    mediaAssetIds: row!.mediaAssetIds,
    variants: variants.map((v) => ({ key: v.key, objectives: v.objectives, activities: v.activities, assessment: v.assessment })),
    fileIds: files.map((f) => f.id),
  }
  await tx.insert(resourceVersions).values({ resourceId: id, number, snapshot, publishedById })
  await tx.update(resources).set({ status: 'published', reviewLevel: null, publishedVersion: number }).where(eq(resources.id, id))
  await markForIndexing(tx, [`resource:${id}`])
  return number
}

/** Takes a resource out of the library (its author or an administrator); its versions stay readable by link. */
export async function archiveResource(db: Database, actor: Actor, id: string, ip?: string | null) {
  const row = await findResource(db, actor, id)
  if (!isAuthor(actor, row) && !can(actor.role, 'archive:resource')) throw new AppError(403, { key: 'errors.forbidden' })
  if (row.status === 'archived') return { id, status: 'archived' as const }
  await db.transaction(async (tx) => {
    await tx.update(resources).set({ status: 'archived', reviewLevel: null, updatedAt: new Date() }).where(eq(resources.id, id))
    await markForIndexing(tx, [`resource:${id}`])
  })
  await record(db, { action: 'resource.archived', actorId: actor.id, districtId: actor.districtId, targetType: 'resource', targetId: id, detail: { title: row.title }, ip })
  return { id, status: 'archived' as const }
}

/** Licences that let another teacher change the work; "all rights reserved" lets them use it only as it is. */
const adaptableLicences = new Set(['cc-by', 'cc-by-sa', 'cc-by-nc', 'cc-by-nc-sa'])

/**
 * A new draft of `actor`'s own made from the published version of someone's resource, to adapt for
 * their class: its variants, text and files come along, and the attribution names the original.
 */
export async function adaptResource(db: Database, actor: Actor, id: string) {
  requirePermission(actor, 'author:resource')
  const row = await findResource(db, actor, id)
  if (row.publishedVersion === null || row.status === 'archived') throw notFound('library.errors.notFound')
  const [version] = await db
    .select()
    .from(resourceVersions)
    .where(and(eq(resourceVersions.resourceId, id), eq(resourceVersions.number, row.publishedVersion)))
  const original = version!.snapshot
  if (!adaptableLicences.has(original.licence)) throw new AppError(403, { key: 'library.errors.notAdaptable' })
  if (original.kind === 'school_course' && !actor.schoolId) throw new AppError(400, { key: 'library.errors.courseNeedsSchool' })
  const files = original.fileIds.length ? await db.select().from(resourceFiles).where(inArray(resourceFiles.id, original.fileIds)) : []
  return db.transaction(async (tx) => {
    const [copy] = await tx
      .insert(resources)
      .values({
        districtId: actor.districtId,
        schoolId: actor.schoolId,
        authorId: actor.id,
        kind: original.kind as ResourceKind,
        title: original.title,
        summary: original.summary,
        schoolType: original.schoolType,
        subject: original.subject,
        stage: original.stage,
        grade: original.grade,
        disabilityCategories: original.disabilityCategories,
        // Share-alike stays share-alike; the original's terms carry over.
        licence: original.licence,
        attribution: `${actor.displayName}（改编自《${original.title}》，${original.attribution}）`.slice(0, 200),
        details: original.details,
        body: original.body,
        mediaAssetIds: original.mediaAssetIds,
      })
      .returning({ id: resources.id, status: resources.status })
    await replaceVariants(
      tx,
      copy!.id,
      original.variants.map((v) => ({ key: v.key as VariantKey, objectives: v.objectives, activities: sanitizeDoc(v.activities), assessment: v.assessment })),
    )
    // Stored files never change, so the copy points at the same objects.
    for (const f of files) {
      await tx.insert(resourceFiles).values({ resourceId: copy!.id, uploaderId: actor.id, storageKey: f.storageKey, fileName: f.fileName, contentType: f.contentType, size: f.size, thumbnailKey: f.thumbnailKey, thumbnailState: f.thumbnailState })
    }
    await markForIndexing(tx, [`resource:${copy!.id}`])
    return copy!
  })
}

/**
 * A lesson study's final plan, published as an exemplary lesson (优秀课例) by the study's teacher. It
 * keeps the library's rules: the readiness checks of a submission, and a reviewer who is not the author.
 * When the one finishing the study may review it at the last level (a district reviewer; in a
 * one-level district, a reviewer of the teacher's school too), their scored approval publishes it at
 * once; a school-level approval in a two-level district passes it on to the district; anyone else's
 * study waits in the review queue like any submission. It carries the exemplary flag throughout.
 */
export async function createExemplaryLesson(
  tx: Tx,
  actor: Actor,
  input: {
    authorId: string
    schoolId: string | null
    title: string
    summary: string
    schoolType: string
    subject: string
    stage: string
    grade: number | null
    disabilityCategories: string[]
    attribution: string
    body: RichDoc
    review: { accessibility: number; curriculum: number; differentiation: number } | null
  },
  ip?: string | null,
): Promise<{ id: string; status: ResourceStatus; publishedVersion: number | null }> {
  const parsed = parseResource({ ...input, kind: 'lesson', licence: 'cc-by', details: {}, variants: [], mediaAssetIds: [] })
  const [row] = await tx
    .insert(resources)
    .values({ ...columnsOf(parsed), districtId: actor.districtId, schoolId: input.schoolId, authorId: input.authorId, exemplary: true })
    .returning()
  const problems = await readinessProblems(tx, row!)
  if (Object.keys(problems).length) throw new AppError(400, { key: 'library.errors.notReady' }, { fields: problems })
  const levels = await reviewLevelsOf(tx, actor.districtId)
  const reviewing = input.review && can(actor.role, 'review:resource') && actor.id !== input.authorId && (actor.schoolId === null || actor.schoolId === input.schoolId)
  let status: ResourceStatus = 'submitted'
  let reviewLevel: 'school' | 'district' | null = 'school'
  let publishedVersion: number | null = null
  if (reviewing) {
    const scores = parseInput(reviewInput, { ...input.review, decision: 'approve' })
    const level = actor.schoolId === null && levels === 2 ? 'district' : 'school'
    await tx.insert(resourceReviews).values({ resourceId: row!.id, reviewerId: actor.id, level, decision: 'approve', scores: { accessibility: scores.accessibility, curriculum: scores.curriculum, differentiation: scores.differentiation }, comments: '' })
    await record(tx, { action: 'resource.reviewed', actorId: actor.id, districtId: actor.districtId, targetType: 'resource', targetId: row!.id, detail: { title: row!.title, level, decision: 'approve', accessibility: scores.accessibility, exemplary: true }, ip })
    if (level === 'district' || levels === 1) {
      publishedVersion = await publishWorkingCopy(tx, row!.id, actor.id)
      status = 'published'
      reviewLevel = null
    } else reviewLevel = 'district'
  }
  if (status === 'submitted') {
    await tx.update(resources).set({ status, reviewLevel }).where(eq(resources.id, row!.id))
    await record(tx, { action: 'resource.submitted', actorId: actor.id, districtId: actor.districtId, targetType: 'resource', targetId: row!.id, detail: { title: row!.title, exemplary: true }, ip })
    await markForIndexing(tx, [`resource:${row!.id}`])
  }
  return { id: row!.id, status, publishedVersion }
}

/** The starter corpus arrives reviewed: it is published straight away, as its own first version. */
export async function publishDirectly(db: Database, id: string) {
  return db.transaction((tx) => publishWorkingCopy(tx, id, null))
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface FileView {
  id: string
  fileName: string
  contentType: string
  size: number
  thumbnail: boolean
}

export interface VariantView {
  key: VariantKey
  objectives: string
  activities: RichDoc
  assessment: string
}

export interface ResourceView {
  id: string
  kind: ResourceKind
  status: ResourceStatus
  reviewLevel: 'school' | 'district' | null
  /** The version shown, or null for the working copy. */
  version: number | null
  publishedVersion: number | null
  title: string
  summary: string
  /** An exemplary lesson (优秀课例) published by a lesson study. */
  exemplary: boolean
  schoolType: string
  subject: string
  stage: string
  grade: number | null
  disabilityCategories: string[]
  licence: string
  attribution: string
  details: Record<string, unknown>
  body: RichDoc
  mediaAssetIds: string[]
  variants: VariantView[]
  files: FileView[]
  author: { id: string; displayName: string }
  schoolName: string | null
  updatedAt: string
  counts: { views: number; downloads: number; favourites: number; ratings: number; averageRating: number | null }
  accessibilityScore: number | null
  /** For a working copy of a published resource: the parts that differ from the published version, for its reviewers. */
  changedSincePublished: ChangedPart[]
  versions: { number: number; publishedAt: string }[]
  reviews: { level: 'school' | 'district'; decision: 'approve' | 'changes_requested'; scores: { accessibility: number; curriculum: number; differentiation: number }; comments: string; reviewer: string | null; at: string }[]
  ratings: { displayName: string; stars: number; comment: string; at: string }[]
  mine: { favourite: boolean; stars: number | null; comment: string }
  can: { edit: boolean; submit: boolean; review: boolean; archive: boolean; rate: boolean; adapt: boolean }
}

export const changeableParts = ['title', 'summary', 'placement', 'licence', 'details', 'body', 'variants', 'files', 'videos'] as const
export type ChangedPart = (typeof changeableParts)[number]

/** Which parts of a resource differ between two states of it (compared as stored JSON). */
function changedParts(before: ResourceSnapshot, after: ResourceSnapshot): ChangedPart[] {
  // jsonb does not keep key order, so both sides are compared with their keys sorted.
  const sorted = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(sorted) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => [k, sorted(v)])) : value
  const same = (a: unknown, b: unknown) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b))
  const parts: Record<ChangedPart, [unknown, unknown]> = {
    title: [before.title, after.title],
    summary: [before.summary, after.summary],
    placement: [[before.schoolType, before.subject, before.stage, before.grade, before.disabilityCategories], [after.schoolType, after.subject, after.stage, after.grade, after.disabilityCategories]],
    licence: [[before.licence, before.attribution], [after.licence, after.attribution]],
    details: [before.details, after.details],
    body: [sanitizeDoc(before.body), sanitizeDoc(after.body)],
    variants: [before.variants.map((v) => ({ ...v, activities: sanitizeDoc(v.activities) })), after.variants.map((v) => ({ ...v, activities: sanitizeDoc(v.activities) }))],
    files: [before.fileIds, after.fileIds],
    videos: [before.mediaAssetIds, after.mediaAssetIds],
  }
  return changeableParts.filter((part) => !same(...parts[part]))
}

const fileView = (f: typeof resourceFiles.$inferSelect): FileView => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size, thumbnail: f.thumbnailState === 'ready' })

/**
 * A resource as `actor` may see it. Readers get the published version (or an older one by number);
 * the author and reviewers get the working copy unless they ask for a version.
 */
export async function getResource(db: Database, actor: Actor, id: string, options: { version?: number | 'published' | 'working' } = {}): Promise<ResourceView> {
  requirePermission(actor, 'read:library')
  const row = await findResource(db, actor, id)
  const seesWorking = maySeeWorkingCopy(actor, row)
  // The working copy is shown by default only while it differs from what readers get.
  const pending = isAuthor(actor, row) ? row.status !== 'published' && row.status !== 'archived' : row.status === 'submitted' || row.status === 'changes_requested'
  let wanted: number | null = null
  if (typeof options.version === 'number') wanted = options.version
  else if (options.version === 'published' || !seesWorking || (options.version !== 'working' && !pending && row.publishedVersion !== null)) wanted = row.publishedVersion
  if (wanted === null && !seesWorking) throw notFound('library.errors.notFound')

  let content: ResourceSnapshot
  let files: FileView[]
  if (wanted === null) {
    const variants = await db.select().from(resourceVariants).where(eq(resourceVariants.resourceId, id)).orderBy(asc(resourceVariants.position))
    content = { ...row, variants: variants.map((v) => ({ key: v.key, objectives: v.objectives, activities: v.activities, assessment: v.assessment })), fileIds: [] }
    files = (await activeFiles(db, id)).map(fileView)
  } else {
    const [version] = await db
      .select()
      .from(resourceVersions)
      .where(and(eq(resourceVersions.resourceId, id), eq(resourceVersions.number, wanted)))
    if (!version) throw notFound('library.errors.versionNotFound')
    content = version.snapshot
    const rows = content.fileIds.length ? await db.select().from(resourceFiles).where(inArray(resourceFiles.id, content.fileIds)) : []
    files = content.fileIds.map((fid) => rows.find((r) => r.id === fid)).filter((f) => f !== undefined).map(fileView)
  }

  const [author] = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, row.authorId))
  const [school] = row.schoolId ? await db.select({ name: schools.name }).from(schools).where(eq(schools.id, row.schoolId)) : []
  const [favourites] = await db.select({ n: count() }).from(resourceFavourites).where(eq(resourceFavourites.resourceId, id))
  const [ratingSummary] = await db
    .select({ n: count(), avg: sql<string | null>`avg(${resourceRatings.stars})` })
    .from(resourceRatings)
    .where(eq(resourceRatings.resourceId, id))
  const ratings = await db
    .select({ displayName: users.displayName, stars: resourceRatings.stars, comment: resourceRatings.comment, at: resourceRatings.updatedAt })
    .from(resourceRatings)
    .innerJoin(users, eq(users.id, resourceRatings.userId))
    .where(eq(resourceRatings.resourceId, id))
    .orderBy(desc(resourceRatings.updatedAt))
    .limit(50)
  const [myFavourite] = await db
    .select({ at: resourceFavourites.createdAt })
    .from(resourceFavourites)
    .where(and(eq(resourceFavourites.resourceId, id), eq(resourceFavourites.userId, actor.id)))
  const [myRating] = await db
    .select()
    .from(resourceRatings)
    .where(and(eq(resourceRatings.resourceId, id), eq(resourceRatings.userId, actor.id)))
  const versions = await db
    .select({ number: resourceVersions.number, publishedAt: resourceVersions.publishedAt })
    .from(resourceVersions)
    .where(eq(resourceVersions.resourceId, id))
    .orderBy(desc(resourceVersions.number))
  const reviewRows = await db
    .select({ level: resourceReviews.level, decision: resourceReviews.decision, scores: resourceReviews.scores, comments: resourceReviews.comments, reviewer: users.displayName, at: resourceReviews.createdAt })
    .from(resourceReviews)
    .leftJoin(users, eq(users.id, resourceReviews.reviewerId))
    .where(eq(resourceReviews.resourceId, id))
    .orderBy(desc(resourceReviews.createdAt))
  const lastApproval = reviewRows.find((r) => r.decision === 'approve')
  let changedSincePublished: ChangedPart[] = []
  if (wanted === null && row.publishedVersion !== null) {
    const [published] = await db
      .select({ snapshot: resourceVersions.snapshot })
      .from(resourceVersions)
      .where(and(eq(resourceVersions.resourceId, id), eq(resourceVersions.number, row.publishedVersion)))
    if (published) changedSincePublished = changedParts(published.snapshot, { ...content, fileIds: files.map((f) => f.id) })
  }

  const published = row.publishedVersion !== null
  return {
    id,
    kind: content.kind as ResourceKind,
    status: row.status,
    reviewLevel: row.reviewLevel,
    version: wanted,
    publishedVersion: row.publishedVersion,
    title: content.title,
    summary: content.summary,
    exemplary: row.exemplary,
    schoolType: content.schoolType,
    subject: content.subject,
    stage: content.stage,
    grade: content.grade,
    disabilityCategories: content.disabilityCategories,
    licence: content.licence,
    attribution: content.attribution,
    details: content.details,
    body: sanitizeDoc(content.body),
    mediaAssetIds: content.mediaAssetIds,
    variants: content.variants.map((v) => ({ key: v.key as VariantKey, objectives: v.objectives, activities: sanitizeDoc(v.activities), assessment: v.assessment })),
    files,
    author: author ?? { id: row.authorId, displayName: '' },
    schoolName: school?.name ?? null,
    updatedAt: row.updatedAt.toISOString(),
    counts: {
      views: row.viewCount,
      downloads: row.downloadCount,
      favourites: favourites?.n ?? 0,
      ratings: ratingSummary?.n ?? 0,
      averageRating: ratingSummary?.avg ? Math.round(Number(ratingSummary.avg) * 10) / 10 : null,
    },
    accessibilityScore: lastApproval?.scores.accessibility ?? null,
    changedSincePublished,
    versions: versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt.toISOString() })),
    // Reviewers' comments are for the author and the reviewers, not for every reader.
    reviews: seesWorking ? reviewRows.map((r) => ({ ...r, at: r.at.toISOString() })) : [],
    ratings: ratings.map((r) => ({ ...r, at: r.at.toISOString() })),
    mine: { favourite: !!myFavourite, stars: myRating?.stars ?? null, comment: myRating?.comment ?? '' },
    can: {
      edit: isAuthor(actor, row) && editableStatuses.includes(row.status),
      submit: isAuthor(actor, row) && (row.status === 'draft' || row.status === 'changes_requested'),
      review: mayReview(actor, row),
      archive: row.status !== 'archived' && (isAuthor(actor, row) || can(actor.role, 'archive:resource')),
      rate: published && row.status !== 'archived' && !isAuthor(actor, row),
      adapt: published && row.status !== 'archived' && can(actor.role, 'author:resource') && adaptableLicences.has(content.licence),
    },
  }
}

/**
 * Counts a reader's visit to the published version: once per reader and day, so reloads (and the
 * page refreshing itself after a favourite or a rating) do not inflate it; authors' own visits not at all.
 */
export async function recordView(db: Database, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [readable] = await tx
      .select({ id: resources.id })
      .from(resources)
      .where(and(eq(resources.id, id), eq(resources.districtId, actor.districtId), ne(resources.authorId, actor.id), isNotNull(resources.publishedVersion)))
    if (!readable) return
    const first = await tx.insert(resourceViews).values({ resourceId: id, userId: actor.id }).onConflictDoNothing().returning({ id: resourceViews.resourceId })
    if (first.length) await tx.update(resources).set({ viewCount: sql`${resources.viewCount} + 1` }).where(eq(resources.id, id))
  })
}

export async function recordDownload(db: Database, resourceId: string) {
  await db
    .update(resources)
    .set({ downloadCount: sql`${resources.downloadCount} + 1` })
    .where(eq(resources.id, resourceId))
}

// ---------------------------------------------------------------------------------------------
// Lists

export interface ResourceCard {
  id: string
  kind: ResourceKind
  status: ResourceStatus
  reviewLevel: 'school' | 'district' | null
  title: string
  summary: string
  exemplary: boolean
  schoolType: string
  subject: string
  stage: string
  grade: number | null
  disabilityCategories: string[]
  author: string
  views: number
  downloads: number
  averageRating: number | null
  ratings: number
  publishedVersion: number | null
  thumbnailFileId: string | null
  /** The latest reviewer's comments while changes are requested, so authors see why at a glance. */
  reviewComments: string | null
  updatedAt: string
}

const ratingAvg = sql<string | null>`(select avg(stars) from resource_ratings r where r.resource_id = ${resources.id})`
const ratingCount = sql<number>`(select count(*)::int from resource_ratings r where r.resource_id = ${resources.id})`

const cardColumns = {
  id: resources.id,
  kind: resources.kind,
  status: resources.status,
  reviewLevel: resources.reviewLevel,
  title: resources.title,
  summary: resources.summary,
  exemplary: resources.exemplary,
  schoolType: resources.schoolType,
  subject: resources.subject,
  stage: resources.stage,
  grade: resources.grade,
  disabilityCategories: resources.disabilityCategories,
  author: users.displayName,
  views: resources.viewCount,
  downloads: resources.downloadCount,
  averageRating: ratingAvg,
  ratings: ratingCount,
  publishedVersion: resources.publishedVersion,
  updatedAt: resources.updatedAt,
  publishedTitle: sql<string | null>`(select v.snapshot->>'title' from resource_versions v where v.resource_id = ${resources.id} and v.number = ${resources.publishedVersion})`,
  publishedSummary: sql<string | null>`(select v.snapshot->>'summary' from resource_versions v where v.resource_id = ${resources.id} and v.number = ${resources.publishedVersion})`,
  lastReviewComments: sql<string | null>`(select r.comments from resource_reviews r where r.resource_id = ${resources.id} order by r.created_at desc limit 1)`,
  // The first file with a thumbnail: of the published version for readers, of the working copy before that.
  thumbnailFileId: sql<string | null>`(select f.id from resource_files f where f.resource_id = ${resources.id} and f.thumbnail_state = 'ready' and (${resources.publishedVersion} is null and f.removed_at is null or exists (select 1 from resource_versions v where v.resource_id = ${resources.id} and v.number = ${resources.publishedVersion} and v.snapshot->'fileIds' ? f.id::text)) order by f.created_at limit 1)`,
}

/**
 * What readers browse is the published version: its placement (school type, subject, stage, grade),
 * kind and categories, read from its snapshot, so a pending edit never moves a resource in the tree.
 */
const published = alias(resourceVersions, 'published')
const shown = {
  kind: sql<string>`${published.snapshot}->>'kind'`,
  schoolType: sql<string>`${published.snapshot}->>'schoolType'`,
  subject: sql<string>`${published.snapshot}->>'subject'`,
  stage: sql<string>`${published.snapshot}->>'stage'`,
  grade: sql<number | null>`(${published.snapshot}->>'grade')::int`,
  categories: sql<string[]>`array(select jsonb_array_elements_text(${published.snapshot}->'disabilityCategories'))`,
}
const isShownVersion = and(eq(published.resourceId, resources.id), eq(published.number, resources.publishedVersion))

function publishedCardQuery(db: Database, where: SQL | undefined) {
  return db
    .select({ ...cardColumns, kind: shown.kind, schoolType: shown.schoolType, subject: shown.subject, stage: shown.stage, grade: shown.grade, disabilityCategories: shown.categories })
    .from(resources)
    .innerJoin(users, eq(users.id, resources.authorId))
    .innerJoin(published, isShownVersion)
    .where(where)
}

function cardQuery(db: Database, where: SQL | undefined) {
  return db.select(cardColumns).from(resources).innerJoin(users, eq(users.id, resources.authorId)).where(where)
}


type CardRow = Awaited<ReturnType<typeof cardQuery>>[number] | Awaited<ReturnType<typeof publishedCardQuery>>[number]
const toCard = (r: CardRow, published: boolean): ResourceCard => ({
  id: r.id,
  kind: r.kind as ResourceKind,
  status: r.status,
  reviewLevel: r.reviewLevel,
  title: (published && r.publishedTitle) || r.title,
  summary: (published && r.publishedSummary) || r.summary,
  exemplary: r.exemplary,
  schoolType: r.schoolType,
  subject: r.subject,
  stage: r.stage,
  grade: r.grade,
  disabilityCategories: r.disabilityCategories,
  author: r.author,
  views: r.views,
  downloads: r.downloads,
  averageRating: r.averageRating ? Math.round(Number(r.averageRating) * 10) / 10 : null,
  ratings: r.ratings,
  publishedVersion: r.publishedVersion,
  thumbnailFileId: r.thumbnailFileId,
  reviewComments: r.status === 'changes_requested' ? r.lastReviewComments || null : null,
  updatedAt: r.updatedAt.toISOString(),
})

export const browsePageSize = 24

/** The published library, narrowed by school type → subject → stage/grade, kind and disability category. */
export async function browseResources(db: Database, actor: Actor, filters: unknown) {
  requirePermission(actor, 'read:library')
  const f = browseInput.parse(filters ?? {})
  const conditions: SQL[] = [eq(resources.districtId, actor.districtId), ne(resources.status, 'archived')]
  if (f.schoolType) conditions.push(eq(shown.schoolType, f.schoolType))
  if (f.subject) conditions.push(eq(shown.subject, f.subject))
  if (f.stage) conditions.push(eq(shown.stage, f.stage))
  if (f.grade) conditions.push(eq(shown.grade, f.grade))
  if (f.kind) conditions.push(eq(shown.kind, f.kind))
  if (f.category) conditions.push(sql`${f.category} = any(${shown.categories})`)
  if (f.collection === 'exemplary') conditions.push(eq(resources.exemplary, true))
  const where = and(...conditions)
  const [total] = await db.select({ n: count() }).from(resources).innerJoin(published, isShownVersion).where(where)
  const page = f.page ?? 1
  const order =
    f.sort === 'popular' ? [desc(resources.viewCount), desc(resources.downloadCount)] : f.sort === 'rating' ? [sql`${ratingAvg} desc nulls last`, desc(resources.updatedAt)] : [desc(resources.updatedAt)]
  const rows = await publishedCardQuery(db, where)
    .orderBy(...order, asc(resources.id))
    .limit(browsePageSize)
    .offset((page - 1) * browsePageSize)
  const n = total?.n ?? 0
  return { filters: f, items: rows.map((r) => toCard(r, true)), total: n, page, pageCount: Math.max(1, Math.ceil(n / browsePageSize)) }
}

/** How many published resources each value of a facet has, under the other filters: for the browse tree. */
export async function browseCounts(db: Database, actor: Actor, filters: unknown) {
  requirePermission(actor, 'read:library')
  const f = browseInput.parse(filters ?? {})
  const base = [eq(resources.districtId, actor.districtId), ne(resources.status, 'archived')]
  const tally = (value: SQL<string>, where: SQL | undefined) => db.select({ value, n: count() }).from(resources).innerJoin(published, isShownVersion).where(where).groupBy(value)
  const bySchoolType = await tally(shown.schoolType, and(...base))
  const bySubject = await tally(shown.subject, f.schoolType ? and(...base, eq(shown.schoolType, f.schoolType)) : and(...base))
  const byKind = await tally(shown.kind, and(...base))
  // The third level of the tree: stages and grades of the chosen school type and subject.
  const placed = f.schoolType && f.subject ? and(...base, eq(shown.schoolType, f.schoolType), eq(shown.subject, f.subject)) : undefined
  const byStage = placed ? await tally(shown.stage, placed) : []
  const byGrade = placed && f.stage ? await tally(sql<string>`${shown.grade}::text`, and(placed, eq(shown.stage, f.stage), isNotNull(shown.grade))) : []
  const toRecord = (rows: { value: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.value, r.n])) as Record<string, number>
  return { schoolType: toRecord(bySchoolType), subject: toRecord(bySubject), kind: toRecord(byKind), stage: toRecord(byStage), grade: toRecord(byGrade) }
}

/** An author's own resources and where each stands. */
export async function myResources(db: Database, actor: Actor) {
  requirePermission(actor, 'author:resource')
  const rows = await cardQuery(db, and(eq(resources.districtId, actor.districtId), eq(resources.authorId, actor.id))).orderBy(desc(resources.updatedAt))
  return rows.map((r) => toCard(r, false))
}

/** What waits for `actor`'s review, oldest first. */
export async function reviewQueue(db: Database, actor: Actor) {
  requirePermission(actor, 'review:resource')
  const conditions: SQL[] = [eq(resources.districtId, actor.districtId), eq(resources.status, 'submitted'), ne(resources.authorId, actor.id)]
  if (actor.schoolId) conditions.push(eq(resources.reviewLevel, 'school'), eq(resources.schoolId, actor.schoolId))
  const rows = await cardQuery(db, and(...conditions)).orderBy(asc(resources.updatedAt))
  return rows.map((r) => toCard(r, false))
}

export async function myFavourites(db: Database, actor: Actor) {
  requirePermission(actor, 'read:library')
  const rows = await publishedCardQuery(
    db,
    and(eq(resources.districtId, actor.districtId), sql`exists (select 1 from resource_favourites f where f.resource_id = ${resources.id} and f.user_id = ${actor.id})`),
  ).orderBy(desc(resources.updatedAt))
  return rows.map((r) => toCard(r, true))
}

// ---------------------------------------------------------------------------------------------
// Community

async function findReadablePublished(db: Database, actor: Actor, id: string) {
  requirePermission(actor, 'read:library')
  const row = await findResource(db, actor, id)
  if (row.publishedVersion === null) throw notFound('library.errors.notFound')
  return row
}

export async function setFavourite(db: Database, actor: Actor, id: string, favourite: boolean) {
  await findReadablePublished(db, actor, id)
  if (favourite) await db.insert(resourceFavourites).values({ userId: actor.id, resourceId: id }).onConflictDoNothing()
  else await db.delete(resourceFavourites).where(and(eq(resourceFavourites.userId, actor.id), eq(resourceFavourites.resourceId, id)))
  return { favourite }
}

/** One rating per reader, which they can change; authors do not rate their own work. */
export async function rateResource(db: Database, actor: Actor, id: string, input: unknown) {
  const rating = parseInput(ratingInput, input)
  const row = await findReadablePublished(db, actor, id)
  if (isAuthor(actor, row)) throw new AppError(403, { key: 'library.errors.rateOwn' })
  if (row.status === 'archived') throw new AppError(409, { key: 'library.errors.archived' })
  await db
    .insert(resourceRatings)
    .values({ userId: actor.id, resourceId: id, stars: rating.stars, comment: rating.comment })
    .onConflictDoUpdate({ target: [resourceRatings.userId, resourceRatings.resourceId], set: { stars: rating.stars, comment: rating.comment, updatedAt: new Date() } })
  return rating
}

/**
 * The last approval, named as such for API clients: it publishes or, when the resource still awaits
 * an earlier level, refuses (409) instead of quietly passing it on.
 */
export async function publishResource(db: Database, actor: Actor, id: string, scores: unknown, ip?: string | null) {
  const row = await findResource(db, actor, id)
  if (row.status === 'submitted' && row.reviewLevel === 'school' && (await reviewLevelsOf(db, row.districtId)) === 2) throw new AppError(409, { key: 'library.errors.districtReviewPending' })
  return reviewResource(db, actor, id, { ...(scores as object), decision: 'approve' }, ip)
}
