import { and, asc, count, desc, eq, inArray, max, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { lessonPlanVersions, lessonStudies, lessonStudyNotes, lessonStudyRounds, lessonStudyScores, researchGroupMembers, researchGroups, resources, users } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { requirePermission } from '~/modules/accounts/permissions'
import { createExemplaryLesson } from '~/modules/library/resources.server'
import { emptyDoc, sanitizeDoc, type RichDoc } from '~/modules/library/rich-text'
import { findAsset } from '~/modules/media/index.server'
import { notify } from '~/modules/notifications/index.server'
import { AppError, badInput, notFound, parseInput } from '~/platform/errors'
import { groupIdsOf, requireGroupMember } from './groups.server'
import { isUuid } from './schemas'
import { dimensionsInput, finishInput, noteInput, planInput, reflectionInput, scoresInput, studyInput, videoInput } from './studies-schemas'
import { diffPlans, type PlanDiff, type Segmenter } from './studies/plan-diff'
import { defaultDimensions, summariseRound, type RoundSummary, type RubricDimension } from './studies/rubric'
import { formatTime } from './studies/timeline'

/**
 * Lesson studies (课例研究) of a 教研组. Everything is scoped to the study's group: a study, round,
 * version or note of a group the actor is not an active member of is a 404, whatever the id.
 * Roles inside a study: its teacher (teaches the lesson, uploads the video, writes the reflection),
 * the group's leader (runs the study with the teacher), and every member (edits the plan together,
 * leaves notes); observers — members other than the teacher — score the rubric.
 */

type StudyRow = typeof lessonStudies.$inferSelect
type RoundRow = typeof lessonStudyRounds.$inferSelect
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]
type Db = Database | Tx

interface StudyAccess {
  study: StudyRow
  group: { id: string; name: string; leaderId: string }
  isTeacher: boolean
  isLeader: boolean
}

async function findStudy(db: Db, actor: Actor, studyId: string): Promise<StudyAccess> {
  if (!isUuid(studyId)) throw notFound('studies.errors.notFound')
  const [study] = await db
    .select()
    .from(lessonStudies)
    .where(and(eq(lessonStudies.id, studyId), eq(lessonStudies.districtId, actor.districtId)))
  if (!study) throw notFound('studies.errors.notFound')
  const group = await requireGroupMember(db as Database, actor, study.groupId).catch(() => {
    throw notFound('studies.errors.notFound')
  })
  return { study, group: { id: group.id, name: group.name, leaderId: group.leaderId }, isTeacher: study.teacherId === actor.id, isLeader: group.leaderId === actor.id }
}

async function findRound(db: Db, actor: Actor, studyId: string, number: number) {
  const access = await findStudy(db, actor, studyId)
  if (!Number.isInteger(number) || number < 1) throw notFound('studies.errors.roundNotFound')
  const [round] = await db
    .select()
    .from(lessonStudyRounds)
    .where(and(eq(lessonStudyRounds.studyId, access.study.id), eq(lessonStudyRounds.number, number)))
  if (!round) throw notFound('studies.errors.roundNotFound')
  return { ...access, round }
}

function requireActive(study: StudyRow) {
  if (study.status !== 'active') throw new AppError(409, { key: 'studies.errors.finished' })
}

function requireTeacherOrLeader(access: StudyAccess) {
  if (!access.isTeacher && !access.isLeader) throw new AppError(403, { key: 'studies.errors.teacherOrLeader' })
}

async function activeMember(db: Db, groupId: string, userId: string) {
  const [row] = await db
    .select({ userId: researchGroupMembers.userId })
    .from(researchGroupMembers)
    .where(and(eq(researchGroupMembers.groupId, groupId), eq(researchGroupMembers.userId, userId), eq(researchGroupMembers.status, 'active')))
  return Boolean(row)
}

/** Labels into dimensions: a default label keeps its default key, an existing label its key, a new one the next free `dN`. */
function dimensionsFromLabels(labels: string[], existing: RubricDimension[] = []): RubricDimension[] {
  const unique = [...new Set(labels)]
  const used = new Set<string>()
  const result: RubricDimension[] = []
  let n = 1
  for (const label of unique) {
    let key = existing.find((d) => d.label === label)?.key ?? defaultDimensions.find((d) => d.label === label)?.key
    if (!key || used.has(key)) {
      while (used.has(`d${n}`) || existing.some((d) => d.key === `d${n}` && d.label !== label)) n++
      key = `d${n}`
    }
    used.add(key)
    result.push({ key, label })
  }
  return result
}

const nameOf = async (db: Db, userId: string | null) => {
  if (!userId) return ''
  const [row] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId))
  return row?.displayName ?? ''
}

export const studyPath = (studyId: string, round?: number) => (round ? `/research/studies/${studyId}/rounds/${round}` : `/research/studies/${studyId}`)

// ---------------------------------------------------------------------------------------------
// Studies

export interface StudySummary {
  id: string
  title: string
  group: { id: string; name: string }
  teacher: string
  status: 'active' | 'finished'
  rounds: number
  resourceId: string | null
  createdAt: string
}

/** The studies of the groups the actor belongs to (one group's when asked). */
export async function listStudies(db: Database, actor: Actor, options: { groupId?: string } = {}): Promise<StudySummary[]> {
  let groupIds: string[]
  if (options.groupId) {
    await requireGroupMember(db, actor, options.groupId)
    groupIds = [options.groupId]
  } else {
    groupIds = await groupIdsOf(db, actor)
  }
  if (groupIds.length === 0) return []
  const rows = await db
    .select({
      id: lessonStudies.id,
      title: lessonStudies.title,
      groupId: researchGroups.id,
      groupName: researchGroups.name,
      teacher: users.displayName,
      status: lessonStudies.status,
      resourceId: lessonStudies.resourceId,
      createdAt: lessonStudies.createdAt,
      rounds: sql<number>`(select count(*)::int from lesson_study_rounds r where r.study_id = ${lessonStudies.id})`,
    })
    .from(lessonStudies)
    .innerJoin(researchGroups, eq(researchGroups.id, lessonStudies.groupId))
    .innerJoin(users, eq(users.id, lessonStudies.teacherId))
    .where(and(eq(lessonStudies.districtId, actor.districtId), inArray(lessonStudies.groupId, groupIds)))
    .orderBy(desc(lessonStudies.createdAt))
  return rows.map((r) => ({ id: r.id, title: r.title, group: { id: r.groupId, name: r.groupName }, teacher: r.teacher, status: r.status, rounds: r.rounds, resourceId: r.resourceId, createdAt: r.createdAt.toISOString() }))
}

/** Starts a study in a group the actor belongs to, with its first round and the plan's first version. */
export async function createStudy(db: Database, actor: Actor, input: unknown) {
  requirePermission(actor, 'author:resource')
  const parsed = parseInput(studyInput, input)
  const group = await requireGroupMember(db, actor, parsed.groupId).catch(() => {
    throw badInput({ groupId: { key: 'studies.errors.groupNeeded' } })
  })
  if (group.archivedAt) throw badInput({ groupId: { key: 'studies.errors.groupArchived' } })
  const teacherId = parsed.teacherId ?? actor.id
  if (!(await activeMember(db, group.id, teacherId))) throw badInput({ teacherId: { key: 'studies.errors.teacherNotMember' } })
  const dimensions = parsed.dimensions ? dimensionsFromLabels(parsed.dimensions) : defaultDimensions
  return db.transaction(async (tx) => {
    const [study] = await tx
      .insert(lessonStudies)
      .values({ districtId: actor.districtId, groupId: group.id, title: parsed.title, teacherId, createdById: actor.id, dimensions })
      .returning()
    const [round] = await tx.insert(lessonStudyRounds).values({ studyId: study!.id, number: 1 }).returning()
    await tx.insert(lessonPlanVersions).values({ studyId: study!.id, roundId: round!.id, number: 1, baseNumber: null, doc: (parsed.plan ?? emptyDoc()) as unknown as Record<string, unknown>, authorId: actor.id })
    return { id: study!.id }
  })
}

export interface RoundOverview {
  number: number
  hasVideo: boolean
  notes: number
  planVersion: number
  summary: RoundSummary
}

export interface StudyView {
  id: string
  title: string
  status: 'active' | 'finished'
  group: { id: string; name: string }
  teacher: { id: string; displayName: string }
  dimensions: RubricDimension[]
  rounds: RoundOverview[]
  resource: { id: string; title: string } | null
  finishedAt: string | null
  createdAt: string
  can: { configure: boolean; addRound: boolean; finish: boolean; reviewOnFinish: boolean }
}

async function scoresOf(db: Db, roundIds: string[]) {
  if (roundIds.length === 0) return []
  return db
    .select({ roundId: lessonStudyScores.roundId, observerId: lessonStudyScores.observerId, dimension: lessonStudyScores.dimension, score: lessonStudyScores.score, comment: lessonStudyScores.comment, observer: users.displayName })
    .from(lessonStudyScores)
    .innerJoin(users, eq(users.id, lessonStudyScores.observerId))
    .where(inArray(lessonStudyScores.roundId, roundIds))
    .orderBy(asc(users.displayName))
}

export async function getStudy(db: Database, actor: Actor, studyId: string): Promise<StudyView> {
  const access = await findStudy(db, actor, studyId)
  const { study } = access
  const rounds = await db.select().from(lessonStudyRounds).where(eq(lessonStudyRounds.studyId, study.id)).orderBy(asc(lessonStudyRounds.number))
  const roundIds = rounds.map((r) => r.id)
  const scores = await scoresOf(db, roundIds)
  const noteCounts = roundIds.length
    ? await db.select({ roundId: lessonStudyNotes.roundId, n: count() }).from(lessonStudyNotes).where(inArray(lessonStudyNotes.roundId, roundIds)).groupBy(lessonStudyNotes.roundId)
    : []
  const versions = roundIds.length
    ? await db.select({ roundId: lessonPlanVersions.roundId, n: max(lessonPlanVersions.number) }).from(lessonPlanVersions).where(inArray(lessonPlanVersions.roundId, roundIds)).groupBy(lessonPlanVersions.roundId)
    : []
  const [resource] = study.resourceId ? await db.select({ id: resources.id, title: resources.title }).from(resources).where(eq(resources.id, study.resourceId)) : []
  const active = study.status === 'active'
  return {
    id: study.id,
    title: study.title,
    status: study.status,
    group: { id: access.group.id, name: access.group.name },
    teacher: { id: study.teacherId, displayName: await nameOf(db, study.teacherId) },
    dimensions: study.dimensions,
    rounds: rounds.map((round, i) => ({
      number: round.number,
      hasVideo: round.videoAssetId !== null,
      notes: noteCounts.find((c) => c.roundId === round.id)?.n ?? 0,
      planVersion: versions.find((v) => v.roundId === round.id)?.n ?? 0,
      summary: summariseRound(
        study.dimensions,
        scores.filter((s) => s.roundId === round.id),
        i > 0 ? scores.filter((s) => s.roundId === rounds[i - 1]!.id) : null,
      ),
    })),
    resource: resource ?? null,
    finishedAt: study.finishedAt?.toISOString() ?? null,
    createdAt: study.createdAt.toISOString(),
    can: {
      configure: active && (access.isLeader || study.createdById === actor.id),
      addRound: active && (access.isTeacher || access.isLeader),
      finish: active && (access.isTeacher || access.isLeader),
      reviewOnFinish: actor.role === 'researcher' || actor.role === 'admin',
    },
  }
}

/** Renames, adds or removes rubric dimensions; one that already has scores cannot be removed. */
export async function updateDimensions(db: Database, actor: Actor, studyId: string, input: unknown) {
  const access = await findStudy(db, actor, studyId)
  requireActive(access.study)
  if (!access.isLeader && access.study.createdById !== actor.id) throw new AppError(403, { key: 'studies.errors.leaderOnly' })
  const { dimensions: labels } = parseInput(dimensionsInput, input)
  const next = dimensionsFromLabels(labels, access.study.dimensions)
  const removed = access.study.dimensions.filter((d) => !next.some((n) => n.key === d.key))
  if (removed.length) {
    const [used] = await db
      .select({ dimension: lessonStudyScores.dimension })
      .from(lessonStudyScores)
      .innerJoin(lessonStudyRounds, eq(lessonStudyRounds.id, lessonStudyScores.roundId))
      .where(and(eq(lessonStudyRounds.studyId, access.study.id), inArray(lessonStudyScores.dimension, removed.map((d) => d.key))))
      .limit(1)
    if (used) {
      const label = removed.find((d) => d.key === used.dimension)!.label
      throw new AppError(409, { key: 'studies.errors.dimensionScored', params: { label } }, { fields: { dimensions: { key: 'studies.errors.dimensionScored', params: { label } } } })
    }
  }
  await db.update(lessonStudies).set({ dimensions: next, updatedAt: new Date() }).where(eq(lessonStudies.id, access.study.id))
  return next
}

/** The next round teaches the revised lesson: its plan starts as the last round's final version. */
export async function addRound(db: Database, actor: Actor, studyId: string) {
  const access = await findStudy(db, actor, studyId)
  requireActive(access.study)
  requireTeacherOrLeader(access)
  return db.transaction(async (tx) => {
    // Lock the study so two clicks cannot make two rounds with one number.
    await tx.execute(sql`select id from lesson_studies where id = ${access.study.id} for update`)
    const [last] = await tx.select().from(lessonStudyRounds).where(eq(lessonStudyRounds.studyId, access.study.id)).orderBy(desc(lessonStudyRounds.number)).limit(1)
    const [latest] = await tx.select().from(lessonPlanVersions).where(eq(lessonPlanVersions.studyId, access.study.id)).orderBy(desc(lessonPlanVersions.number)).limit(1)
    const [lastOfRound] = await tx.select().from(lessonPlanVersions).where(eq(lessonPlanVersions.roundId, last!.id)).orderBy(desc(lessonPlanVersions.number)).limit(1)
    const [round] = await tx
      .insert(lessonStudyRounds)
      .values({ studyId: access.study.id, number: last!.number + 1 })
      .returning()
    await tx.insert(lessonPlanVersions).values({
      studyId: access.study.id,
      roundId: round!.id,
      number: (latest?.number ?? 0) + 1,
      baseNumber: lastOfRound?.number ?? null,
      doc: lastOfRound?.doc ?? (emptyDoc() as unknown as Record<string, unknown>),
      authorId: actor.id,
    })
    await tx.update(lessonStudies).set({ updatedAt: new Date() }).where(eq(lessonStudies.id, access.study.id))
    return { number: round!.number }
  })
}

// ---------------------------------------------------------------------------------------------
// Rounds

export interface PlanVersionView {
  number: number
  baseNumber: number | null
  round: number
  author: string
  createdAt: string
}

export interface NoteView {
  id: string
  atSeconds: number
  body: string
  author: { id: string; displayName: string }
  createdAt: string
  canDelete: boolean
}

export interface RoundView {
  study: { id: string; title: string; status: 'active' | 'finished'; group: { id: string; name: string }; teacher: { id: string; displayName: string }; dimensions: RubricDimension[] }
  number: number
  rounds: number[]
  plan: { number: number; doc: RichDoc; author: string; createdAt: string }
  /** The final plan of the round before, to compare with. */
  previousPlan: number | null
  versions: PlanVersionView[]
  videoAssetId: string | null
  notes: NoteView[]
  scores: { observer: string; observerId: string; dimension: string; score: number; comment: string }[]
  myScores: Record<string, { score: number; comment: string }>
  summary: RoundSummary
  reflection: RichDoc | null
  reflectionUpdatedAt: string | null
  can: { editPlan: boolean; attachVideo: boolean; note: boolean; score: boolean; reflect: boolean }
}

async function versionsOf(db: Db, studyId: string): Promise<(PlanVersionView & { roundId: string })[]> {
  const rows = await db
    .select({ number: lessonPlanVersions.number, baseNumber: lessonPlanVersions.baseNumber, roundId: lessonPlanVersions.roundId, round: lessonStudyRounds.number, author: users.displayName, createdAt: lessonPlanVersions.createdAt })
    .from(lessonPlanVersions)
    .innerJoin(lessonStudyRounds, eq(lessonStudyRounds.id, lessonPlanVersions.roundId))
    .leftJoin(users, eq(users.id, lessonPlanVersions.authorId))
    .where(eq(lessonPlanVersions.studyId, studyId))
    .orderBy(desc(lessonPlanVersions.number))
  return rows.map((r) => ({ number: r.number, baseNumber: r.baseNumber, roundId: r.roundId, round: r.round, author: r.author ?? '', createdAt: r.createdAt.toISOString() }))
}

async function latestVersionOf(db: Db, roundId: string) {
  const [row] = await db.select().from(lessonPlanVersions).where(eq(lessonPlanVersions.roundId, roundId)).orderBy(desc(lessonPlanVersions.number)).limit(1)
  return row!
}

export async function getRound(db: Database, actor: Actor, studyId: string, number: number): Promise<RoundView> {
  const access = await findRound(db, actor, studyId, number)
  const { study, round } = access
  const rounds = await db.select().from(lessonStudyRounds).where(eq(lessonStudyRounds.studyId, study.id)).orderBy(asc(lessonStudyRounds.number))
  const previous = rounds.find((r) => r.number === round.number - 1) ?? null
  const versions = await versionsOf(db, study.id)
  const plan = await latestVersionOf(db, round.id)
  const noteRows = await db
    .select({ id: lessonStudyNotes.id, atSeconds: lessonStudyNotes.atSeconds, body: lessonStudyNotes.body, authorId: lessonStudyNotes.authorId, author: users.displayName, createdAt: lessonStudyNotes.createdAt })
    .from(lessonStudyNotes)
    .innerJoin(users, eq(users.id, lessonStudyNotes.authorId))
    .where(eq(lessonStudyNotes.roundId, round.id))
    .orderBy(asc(lessonStudyNotes.atSeconds), asc(lessonStudyNotes.createdAt))
  const scores = await scoresOf(db, [round.id])
  const previousScores = previous ? await scoresOf(db, [previous.id]) : null
  const active = study.status === 'active'
  const myScores: RoundView['myScores'] = {}
  for (const s of scores) if (s.observerId === actor.id) myScores[s.dimension] = { score: s.score, comment: s.comment }
  const latestRound = rounds.at(-1)!.number === round.number
  return {
    study: { id: study.id, title: study.title, status: study.status, group: { id: access.group.id, name: access.group.name }, teacher: { id: study.teacherId, displayName: await nameOf(db, study.teacherId) }, dimensions: study.dimensions },
    number: round.number,
    rounds: rounds.map((r) => r.number),
    plan: { number: plan.number, doc: sanitizeDoc(plan.doc), author: await nameOf(db, plan.authorId), createdAt: plan.createdAt.toISOString() },
    previousPlan: previous ? (await latestVersionOf(db, previous.id)).number : null,
    versions: versions.filter((v) => v.roundId === round.id).map(({ roundId: _, ...v }) => v),
    videoAssetId: round.videoAssetId,
    notes: noteRows.map((n) => ({ id: n.id, atSeconds: n.atSeconds, body: n.body, author: { id: n.authorId, displayName: n.author }, createdAt: n.createdAt.toISOString(), canDelete: active && (n.authorId === actor.id || access.isLeader) })),
    scores: scores.map((s) => ({ observer: s.observer, observerId: s.observerId, dimension: s.dimension, score: s.score, comment: s.comment })),
    myScores,
    summary: summariseRound(study.dimensions, scores, previousScores),
    reflection: round.reflection ? sanitizeDoc(round.reflection) : null,
    reflectionUpdatedAt: round.reflectionUpdatedAt?.toISOString() ?? null,
    can: {
      // Earlier rounds are the record of what was taught: only the latest round's plan changes.
      editPlan: active && latestRound,
      attachVideo: active && (access.isTeacher || access.isLeader),
      note: active,
      score: active && !access.isTeacher,
      reflect: active && access.isTeacher,
    },
  }
}

/** A plan version newer than the one the editor started from: the save is refused and both are shown to merge. */
export class PlanConflictError extends AppError {
  constructor(readonly theirs: { number: number; doc: RichDoc; author: string; createdAt: string }) {
    super(409, { key: 'studies.errors.planConflict', params: { version: theirs.number, author: theirs.author } }, { fields: { doc: { key: 'studies.errors.planConflict', params: { version: theirs.number, author: theirs.author } } } })
  }
}

/**
 * Saves the plan as a new version. The round row is locked while the latest version is compared with
 * `baseVersion`, so of two editors who started from the same version only the first saves; the
 * second gets a PlanConflictError with the version that beat them and loses nothing.
 */
export async function savePlan(db: Database, actor: Actor, studyId: string, roundNumber: number, input: unknown) {
  const access = await findRound(db, actor, studyId, roundNumber)
  requireActive(access.study)
  const parsed = parseInput(planInput, input)
  const rounds = await db.select({ number: lessonStudyRounds.number }).from(lessonStudyRounds).where(eq(lessonStudyRounds.studyId, access.study.id)).orderBy(desc(lessonStudyRounds.number)).limit(1)
  if (rounds[0]!.number !== access.round.number) throw new AppError(409, { key: 'studies.errors.pastRound' })
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from lesson_study_rounds where id = ${access.round.id} for update`)
    const latest = await latestVersionOf(tx, access.round.id)
    if (latest.number !== parsed.baseVersion) {
      throw new PlanConflictError({ number: latest.number, doc: sanitizeDoc(latest.doc), author: await nameOf(tx, latest.authorId), createdAt: latest.createdAt.toISOString() })
    }
    const [top] = await tx.select({ n: max(lessonPlanVersions.number) }).from(lessonPlanVersions).where(eq(lessonPlanVersions.studyId, access.study.id))
    const [saved] = await tx
      .insert(lessonPlanVersions)
      .values({ studyId: access.study.id, roundId: access.round.id, number: (top?.n ?? 0) + 1, baseNumber: parsed.baseVersion, doc: parsed.doc as unknown as Record<string, unknown>, authorId: actor.id })
      .returning({ number: lessonPlanVersions.number })
    await tx.update(lessonStudies).set({ updatedAt: new Date() }).where(eq(lessonStudies.id, access.study.id))
    return { number: saved!.number }
  })
}

export async function getPlanVersion(db: Database, actor: Actor, studyId: string, number: number) {
  const access = await findStudy(db, actor, studyId)
  const [row] = Number.isInteger(number)
    ? await db
        .select({ number: lessonPlanVersions.number, baseNumber: lessonPlanVersions.baseNumber, doc: lessonPlanVersions.doc, authorId: lessonPlanVersions.authorId, createdAt: lessonPlanVersions.createdAt, round: lessonStudyRounds.number })
        .from(lessonPlanVersions)
        .innerJoin(lessonStudyRounds, eq(lessonStudyRounds.id, lessonPlanVersions.roundId))
        .where(and(eq(lessonPlanVersions.studyId, access.study.id), eq(lessonPlanVersions.number, number)))
    : []
  if (!row) throw notFound('studies.errors.versionNotFound')
  return { number: row.number, baseNumber: row.baseNumber, round: row.round, doc: sanitizeDoc(row.doc), author: await nameOf(db, row.authorId), createdAt: row.createdAt.toISOString() }
}

export async function listPlanVersions(db: Database, actor: Actor, studyId: string) {
  const access = await findStudy(db, actor, studyId)
  return (await versionsOf(db, access.study.id)).map(({ roundId: _, ...v }) => v)
}

/**
 * What changed between two versions of the plan. Without numbers: the last round's final plan
 * against the round before's final plan (round 2 against round 1).
 */
export async function comparePlans(db: Database, actor: Actor, studyId: string, options: { from?: number; to?: number }, segment?: Segmenter) {
  const access = await findStudy(db, actor, studyId)
  const versions = await versionsOf(db, access.study.id)
  const finals = new Map<number, number>()
  for (const v of versions) if (!finals.has(v.round)) finals.set(v.round, v.number)
  const roundNumbers = [...finals.keys()].sort((a, b) => a - b)
  const lastRound = roundNumbers.at(-1)!
  const to = options.to ?? finals.get(lastRound)!
  const from = options.from ?? (roundNumbers.length > 1 ? finals.get(roundNumbers.at(-2)!)! : (versions.find((v) => v.number < to)?.number ?? to))
  const [before, after] = await Promise.all([getPlanVersion(db, actor, studyId, from), getPlanVersion(db, actor, studyId, to)])
  const diff: PlanDiff = diffPlans(before.doc, after.doc, segment)
  return {
    study: { id: access.study.id, title: access.study.title, group: { id: access.group.id, name: access.group.name } },
    from: { number: before.number, round: before.round, author: before.author, createdAt: before.createdAt },
    to: { number: after.number, round: after.round, author: after.author, createdAt: after.createdAt },
    versions: versions.map(({ roundId: _, ...v }) => v),
    diff,
  }
}

/** The teacher (or the leader) attaches the classroom video they uploaded; from then on only the group may watch it. */
export async function attachVideo(db: Database, actor: Actor, studyId: string, roundNumber: number, input: unknown) {
  const access = await findRound(db, actor, studyId, roundNumber)
  requireActive(access.study)
  requireTeacherOrLeader(access)
  const { assetId } = parseInput(videoInput, input)
  const asset = await findAsset(db, actor, assetId, 'manage').catch(() => null)
  if (!asset || asset.role !== 'main' || asset.kind === 'audio') throw badInput({ assetId: { key: 'studies.errors.videoNotFound' } })
  await db.update(lessonStudyRounds).set({ videoAssetId: asset.id }).where(eq(lessonStudyRounds.id, access.round.id))
  return { assetId: asset.id }
}

export async function saveReflection(db: Database, actor: Actor, studyId: string, roundNumber: number, input: unknown) {
  const access = await findRound(db, actor, studyId, roundNumber)
  requireActive(access.study)
  if (!access.isTeacher) throw new AppError(403, { key: 'studies.errors.teacherOnly' })
  const { doc } = parseInput(reflectionInput, input)
  await db.update(lessonStudyRounds).set({ reflection: doc as unknown as Record<string, unknown>, reflectionUpdatedAt: new Date() }).where(eq(lessonStudyRounds.id, access.round.id))
  return { ok: true }
}

/** A note pinned to a second of the round's video; the lesson's teacher hears of it when someone else writes it. */
export async function addNote(db: Database, actor: Actor, studyId: string, roundNumber: number, input: unknown) {
  const access = await findRound(db, actor, studyId, roundNumber)
  requireActive(access.study)
  const parsed = parseInput(noteInput, input)
  return db.transaction(async (tx) => {
    const [note] = await tx.insert(lessonStudyNotes).values({ roundId: access.round.id, authorId: actor.id, atSeconds: parsed.atSeconds, body: parsed.body }).returning()
    if (access.study.teacherId !== actor.id) {
      await notify(tx, {
        userIds: [access.study.teacherId],
        kind: 'studies.newNote',
        params: { author: actor.displayName, study: access.study.title, round: access.round.number, time: formatTime(parsed.atSeconds) },
        link: `${studyPath(access.study.id, access.round.number)}#note-${note!.id}`,
      })
    }
    return { id: note!.id, atSeconds: note!.atSeconds, body: note!.body }
  })
}

export async function deleteNote(db: Database, actor: Actor, studyId: string, roundNumber: number, noteId: string) {
  const access = await findRound(db, actor, studyId, roundNumber)
  requireActive(access.study)
  const [note] = isUuid(noteId) ? await db.select().from(lessonStudyNotes).where(and(eq(lessonStudyNotes.id, noteId), eq(lessonStudyNotes.roundId, access.round.id))) : []
  if (!note) throw notFound('studies.errors.noteNotFound')
  if (note.authorId !== actor.id && !access.isLeader) throw new AppError(403, { key: 'studies.errors.notYourNote' })
  await db.delete(lessonStudyNotes).where(eq(lessonStudyNotes.id, note.id))
}

/**
 * An observer's scores for the round, all dimensions at once: each sent dimension is set, each left
 * out is cleared. The lesson's own teacher does not score.
 */
export async function saveScores(db: Database, actor: Actor, studyId: string, roundNumber: number, input: unknown) {
  const access = await findRound(db, actor, studyId, roundNumber)
  requireActive(access.study)
  if (access.isTeacher) throw new AppError(403, { key: 'studies.errors.teacherScores' })
  const { scores } = parseInput(scoresInput, input)
  const keys = new Set(access.study.dimensions.map((d) => d.key))
  const unknown = scores.findIndex((s) => !keys.has(s.dimension))
  if (unknown !== -1) throw badInput({ [`scores.${unknown}.dimension`]: { key: 'studies.errors.unknownDimension' } })
  if (new Set(scores.map((s) => s.dimension)).size !== scores.length) throw badInput({ scores: { key: 'studies.errors.dimensionTwice' } })
  await db.transaction(async (tx) => {
    await tx.delete(lessonStudyScores).where(and(eq(lessonStudyScores.roundId, access.round.id), eq(lessonStudyScores.observerId, actor.id)))
    if (scores.length) await tx.insert(lessonStudyScores).values(scores.map((s) => ({ roundId: access.round.id, observerId: actor.id, dimension: s.dimension, score: s.score, comment: s.comment })))
  })
  return { saved: scores.length }
}

/**
 * Finishing the study publishes the last round's final plan to the library as an exemplary lesson
 * (优秀课例) by the study's teacher. It goes through the library's rules: the readiness checks, and a
 * reviewer's approval — the finisher's own when they review for the district, else the review queue.
 */
export async function finishStudy(db: Database, actor: Actor, studyId: string, input: unknown, ip?: string | null) {
  const access = await findStudy(db, actor, studyId)
  requireActive(access.study)
  requireTeacherOrLeader(access)
  const parsed = parseInput(finishInput, input)
  const [lastRound] = await db.select().from(lessonStudyRounds).where(eq(lessonStudyRounds.studyId, access.study.id)).orderBy(desc(lessonStudyRounds.number)).limit(1)
  const plan = await latestVersionOf(db, lastRound!.id)
  const [teacher] = await db.select({ displayName: users.displayName, schoolId: users.schoolId }).from(users).where(eq(users.id, access.study.teacherId))
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(lessonStudies)
      .set({ status: 'finished', finishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(lessonStudies.id, access.study.id), eq(lessonStudies.status, 'active')))
      .returning({ id: lessonStudies.id })
    if (!claimed.length) throw new AppError(409, { key: 'studies.errors.finished' })
    const review = parsed.accessibility && parsed.curriculum && parsed.differentiation ? { accessibility: parsed.accessibility, curriculum: parsed.curriculum, differentiation: parsed.differentiation } : null
    const resource = await createExemplaryLesson(
      tx,
      actor,
      {
        authorId: access.study.teacherId,
        schoolId: teacher?.schoolId ?? null,
        title: parsed.title,
        summary: parsed.summary,
        schoolType: parsed.schoolType,
        subject: parsed.subject,
        stage: parsed.stage,
        grade: parsed.grade,
        disabilityCategories: parsed.disabilityCategories,
        attribution: `${teacher?.displayName ?? ''}（${access.group.name}课例研究）`.slice(0, 200),
        body: sanitizeDoc(plan.doc),
        review,
      },
      ip,
    )
    await tx.update(lessonStudies).set({ resourceId: resource.id }).where(eq(lessonStudies.id, access.study.id))
    return resource
  })
}

/**
 * For the library's page of an exemplary lesson: the study behind it, for members of its group only.
 * Everyone else gets null and sees the lesson alone.
 */
export async function studyOfResource(db: Database, actor: Actor, resourceId: string): Promise<{ id: string; title: string } | null> {
  if (!isUuid(resourceId)) return null
  const [study] = await db
    .select({ id: lessonStudies.id, title: lessonStudies.title, groupId: lessonStudies.groupId })
    .from(lessonStudies)
    .where(and(eq(lessonStudies.resourceId, resourceId), eq(lessonStudies.districtId, actor.districtId)))
  if (!study) return null
  const member = await requireGroupMember(db, actor, study.groupId).then(
    () => true,
    () => false,
  )
  return member ? { id: study.id, title: study.title } : null
}

/** Members of the study's group, to choose the lesson's teacher from. */
export async function teacherCandidates(db: Database, actor: Actor, groupId: string) {
  await requireGroupMember(db, actor, groupId)
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(researchGroupMembers)
    .innerJoin(users, eq(users.id, researchGroupMembers.userId))
    .where(and(eq(researchGroupMembers.groupId, groupId), eq(researchGroupMembers.status, 'active')))
    .orderBy(asc(users.displayName))
}
