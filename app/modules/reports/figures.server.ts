import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '#db/client'
import { researchSessionKinds } from '#db/schema'
import { resourceKinds, type ResourceKind } from '~/modules/library/kinds'
import { disabilityCategories, schoolTypes, subjectCodes, subjects, type SchoolType, type Stage, type Subject } from '~/modules/library/taxonomy'
import { fromShanghai } from '~/modules/research/time'
import { topicTarget } from '~/modules/research/semester'
import type { Period } from './periods'

/**
 * The figures of quality monitoring, each read straight from the capability's own tables for one
 * district (optionally one school) over one period. Every figure counts things, never people's
 * details: the reports carry no name of a student.
 *
 * What counts where:
 * - Resources: those with a version published before the period's end and not archived since, as
 *   that version places them; a school's are the ones it owns.
 * - Videos: the main videos those versions show; a sign-language or audio-description companion counts
 *   once it has a published rendition, captions and timed descriptions as soon as they are stored.
 * - 教研: sessions not cancelled that begin in the period, of the district's groups (a school's own groups
 *   for a school); 专题教研 against the plan's target of two a term.
 * - Lesson studies: of those groups, begun and finished in the period.
 * - Assignments: given in the period, per student; a school's are its students'.
 * - Home visits: made in the period, to the school's students for a school.
 */
export interface Scope {
  districtId: string
  /** One school's figures, or the whole district's. */
  school: { id: string; kind: string } | null
  period: Period
}

export interface CoverageCell {
  subject: Subject
  stage: Stage
  count: number
  /** A 选择性 (optional) subject or a vocational programme: no gap when it has nothing. */
  optional: boolean
}

export interface CoverageTable {
  schoolType: SchoolType
  cells: CoverageCell[]
  /** Required cells with at least one resource, of all required cells. */
  covered: number
  required: number
}

export interface Figures {
  library: {
    published: number
    newInPeriod: number
    byKind: { kind: ResourceKind; count: number }[]
    byDisability: { category: string; count: number }[]
    coverage: CoverageTable[]
  }
  videos: { total: number; captions: number; signLanguage: number; audioDescription: number }
  research: {
    groups: { id: string; name: string; sessions: number; topic: number; target: number; met: boolean; invited: number; attended: number }[]
    sessionsByKind: { kind: (typeof researchSessionKinds)[number]; count: number }[]
    studies: { begun: number; finished: number; exemplary: number }
  }
  learning: { assignments: number; assigned: number; done: number; students: number }
  homeVisits: { visits: number; minutes: number; students: number; teachers: number }
}

async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] }
  return Array.isArray(result) ? result : result.rows
}

const bounds = (scope: Scope) => ({ start: fromShanghai(scope.period.start).toISOString(), end: fromShanghai(scope.period.end).toISOString() })

/** The latest version of each resource published before the period's end (the versions readers had then). */
function publishedAsOfEnd(scope: Scope) {
  const { end } = bounds(scope)
  return sql`
    select distinct on (v.resource_id) v.resource_id, v.snapshot, min(v.published_at) over (partition by v.resource_id) as first_published
    from resource_versions v
    join resources r on r.id = v.resource_id
    where r.district_id = ${scope.districtId}
      and r.status <> 'archived'
      and v.published_at < ${end}::timestamptz
      ${scope.school ? sql`and r.school_id = ${scope.school.id}` : sql``}
    order by v.resource_id, v.number desc`
}

/** The school types whose curriculum a school's coverage is read against. */
function schoolTypesOf(scope: Scope): readonly SchoolType[] {
  const kind = scope.school?.kind
  return kind && (schoolTypes as readonly string[]).includes(kind) ? [kind as SchoolType] : schoolTypes
}

export async function libraryFigures(db: Database, scope: Scope): Promise<Figures['library']> {
  const { start } = bounds(scope)
  const latest = publishedAsOfEnd(scope)
  const [totals] = await rows<{ published: number; fresh: number }>(
    db,
    sql`with latest as (${latest}) select count(*)::int as published, count(*) filter (where first_published >= ${start}::timestamptz)::int as fresh from latest`,
  )
  const kinds = await rows<{ kind: string; count: number }>(db, sql`with latest as (${latest}) select snapshot->>'kind' as kind, count(*)::int as count from latest group by 1`)
  const disabilities = await rows<{ category: string; count: number }>(
    db,
    sql`with latest as (${latest}) select c as category, count(*)::int as count from latest, jsonb_array_elements_text(coalesce(snapshot->'disabilityCategories', '[]'::jsonb)) as c group by 1`,
  )
  const placed = await rows<{ school_type: string; subject: string; stage: string; count: number }>(
    db,
    sql`with latest as (${latest}) select snapshot->>'schoolType' as school_type, snapshot->>'subject' as subject, snapshot->>'stage' as stage, count(*)::int as count from latest group by 1, 2, 3`,
  )
  const countOf = (schoolType: string, subject: string, stage: string) => placed.find((p) => p.school_type === schoolType && p.subject === subject && p.stage === stage)?.count ?? 0
  const coverage = schoolTypesOf(scope).map((schoolType): CoverageTable => {
    const cells = subjectCodes.flatMap((subject) => {
      const rule = subjects[subject] as { schoolTypes: readonly string[]; stages: readonly Stage[]; optional?: boolean }
      if (!rule.schoolTypes.includes(schoolType)) return []
      // A vocational programme is one a school chooses to run, not one every school must have.
      return rule.stages.map((stage) => ({ subject, stage, count: countOf(schoolType, subject, stage), optional: rule.optional === true || stage === 'vocational' }))
    })
    const required = cells.filter((c) => !c.optional)
    return { schoolType, cells, covered: required.filter((c) => c.count > 0).length, required: required.length }
  })
  return {
    published: totals?.published ?? 0,
    newInPeriod: totals?.fresh ?? 0,
    byKind: resourceKinds.map((kind) => ({ kind, count: kinds.find((k) => k.kind === kind)?.count ?? 0 })),
    byDisability: disabilityCategories.map((category) => ({ category, count: disabilities.find((d) => d.category === category)?.count ?? 0 })),
    coverage,
  }
}

export async function videoFigures(db: Database, scope: Scope): Promise<Figures['videos']> {
  const [row] = await rows<Figures['videos']>(
    db,
    sql`with latest as (${publishedAsOfEnd(scope)}),
      shown as (select distinct (jsonb_array_elements_text(coalesce(snapshot->'mediaAssetIds', '[]'::jsonb)))::uuid as id from latest)
    select
      count(*)::int as total,
      count(*) filter (where exists (select 1 from media_text_tracks t where t.asset_id = a.id and t.kind = 'captions'))::int as captions,
      count(*) filter (where exists (select 1 from media_assets c where c.parent_id = a.id and c.role = 'sign_language' and c.current_version is not null))::int as "signLanguage",
      count(*) filter (where exists (select 1 from media_assets c where c.parent_id = a.id and c.role = 'audio_description' and c.current_version is not null)
                          or exists (select 1 from media_text_tracks t where t.asset_id = a.id and t.kind = 'descriptions'))::int as "audioDescription"
    from media_assets a join shown on shown.id = a.id
    where a.role = 'main'`,
  )
  return row ?? { total: 0, captions: 0, signLanguage: 0, audioDescription: 0 }
}

export async function researchFigures(db: Database, scope: Scope): Promise<Figures['research']> {
  const { start, end } = bounds(scope)
  const groupScope = sql`g.district_id = ${scope.districtId} and ${scope.school ? sql`g.school_id = ${scope.school.id}` : sql`true`}`
  const inPeriod = sql`s.cancelled_at is null and s.starts_at >= ${start}::timestamptz and s.starts_at < ${end}::timestamptz`
  const groups = await rows<{ id: string; name: string; sessions: number; topic: number; invited: number; attended: number }>(
    db,
    sql`select g.id, g.name,
        count(distinct s.id)::int as sessions,
        count(distinct s.id) filter (where s.kind = 'topic')::int as topic,
        count(i.user_id)::int as invited,
        count(i.checked_in_at)::int as attended
      from research_groups g
      left join research_sessions s on s.group_id = g.id and ${inPeriod}
      left join research_session_invitees i on i.session_id = s.id
      where ${groupScope} and (g.archived_at is null or g.archived_at >= ${start}::timestamptz) and g.created_at < ${end}::timestamptz
      group by g.id, g.name
      order by g.name`,
  )
  const kinds = await rows<{ kind: string; count: number }>(
    db,
    sql`select s.kind, count(*)::int as count from research_sessions s join research_groups g on g.id = s.group_id where ${groupScope} and ${inPeriod} group by 1`,
  )
  const [studies] = await rows<Figures['research']['studies']>(
    db,
    sql`select
        count(*) filter (where l.created_at >= ${start}::timestamptz and l.created_at < ${end}::timestamptz)::int as begun,
        count(*) filter (where l.finished_at >= ${start}::timestamptz and l.finished_at < ${end}::timestamptz)::int as finished,
        count(*) filter (where l.finished_at >= ${start}::timestamptz and l.finished_at < ${end}::timestamptz and l.resource_id is not null)::int as exemplary
      from lesson_studies l join research_groups g on g.id = l.group_id
      where ${groupScope}`,
  )
  const target = topicTarget * scope.period.terms
  return {
    groups: groups.map((g) => ({ ...g, target, met: g.topic >= target })),
    sessionsByKind: researchSessionKinds.map((kind) => ({ kind, count: kinds.find((k) => k.kind === kind)?.count ?? 0 })),
    studies: studies ?? { begun: 0, finished: 0, exemplary: 0 },
  }
}

export async function learningFigures(db: Database, scope: Scope): Promise<Figures['learning']> {
  const { start, end } = bounds(scope)
  const [row] = await rows<Figures['learning']>(
    db,
    sql`select count(distinct a.id)::int as assignments, count(*)::int as assigned,
        count(*) filter (where s.status = 'done')::int as done, count(distinct s.student_id)::int as students
      from assignments a
      join assignment_students s on s.assignment_id = a.id
      join users u on u.id = s.student_id
      where a.district_id = ${scope.districtId} and a.created_at >= ${start}::timestamptz and a.created_at < ${end}::timestamptz
        ${scope.school ? sql`and u.school_id = ${scope.school.id}` : sql``}`,
  )
  return row ?? { assignments: 0, assigned: 0, done: 0, students: 0 }
}

export async function homeVisitFigures(db: Database, scope: Scope): Promise<Figures['homeVisits']> {
  const [row] = await rows<Figures['homeVisits']>(
    db,
    sql`select count(*)::int as visits, coalesce(sum(v.duration_minutes), 0)::int as minutes,
        count(distinct v.student_id)::int as students, count(distinct v.teacher_id)::int as teachers
      from home_visits v join users u on u.id = v.student_id
      where v.district_id = ${scope.districtId} and v.visited_on >= ${scope.period.start}::date and v.visited_on < ${scope.period.end}::date
        ${scope.school ? sql`and u.school_id = ${scope.school.id}` : sql``}`,
  )
  return row ?? { visits: 0, minutes: 0, students: 0, teachers: 0 }
}

export async function figuresFor(db: Database, scope: Scope): Promise<Figures> {
  const [library, videos, research, learning, homeVisits] = await Promise.all([
    libraryFigures(db, scope),
    videoFigures(db, scope),
    researchFigures(db, scope),
    learningFigures(db, scope),
    homeVisitFigures(db, scope),
  ])
  return { library, videos, research, learning, homeVisits }
}
