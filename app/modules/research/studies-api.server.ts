import { z } from 'zod'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { cutWords } from '~/modules/search/words.server'
import { addNote, addRound, attachVideo, comparePlans, createStudy, deleteNote, finishStudy, getPlanVersion, getRound, getStudy, listPlanVersions, listStudies, saveReflection, savePlan, saveScores, updateDimensions } from './studies.server'
import { dimensionsInput, finishInput, noteInput, planInput, reflectionInput, scoresInput, studyInput, videoInput } from './studies-schemas'

const tag = 'lesson studies'
const id = z.uuid()
const doc = z.record(z.string(), z.unknown())
const dimension = z.object({ key: z.string(), label: z.string() })
const summary = z.object({
  dimensions: z.array(dimension.extend({ count: z.number().int(), mean: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(), change: z.number().nullable() })),
  overall: z.object({ mean: z.number().nullable(), change: z.number().nullable() }),
  observers: z.number().int(),
})
const studySummary = z.object({ id, title: z.string(), group: z.object({ id, name: z.string() }), teacher: z.string(), status: z.enum(['active', 'finished']), rounds: z.number().int(), resourceId: id.nullable(), createdAt: z.iso.datetime() })
const person = z.object({ id, displayName: z.string() })
const study = z.object({
  id,
  title: z.string(),
  status: z.enum(['active', 'finished']),
  group: z.object({ id, name: z.string() }),
  teacher: person,
  dimensions: z.array(dimension),
  rounds: z.array(z.object({ number: z.number().int(), hasVideo: z.boolean(), notes: z.number().int(), planVersion: z.number().int(), summary })),
  resource: z.object({ id, title: z.string() }).nullable(),
  finishedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
})
const version = z.object({ number: z.number().int(), baseNumber: z.number().int().nullable(), round: z.number().int(), author: z.string(), createdAt: z.iso.datetime() })
const note = z.object({ id, atSeconds: z.number().int(), body: z.string(), author: person, createdAt: z.iso.datetime() })
const round = z.object({
  number: z.number().int(),
  rounds: z.array(z.number().int()),
  plan: z.object({ number: z.number().int(), doc, author: z.string(), createdAt: z.iso.datetime() }),
  previousPlan: z.number().int().nullable(),
  versions: z.array(version),
  videoAssetId: id.nullable(),
  notes: z.array(note),
  scores: z.array(z.object({ observer: z.string(), observerId: id, dimension: z.string(), score: z.number().int(), comment: z.string() })),
  summary,
  reflection: doc.nullable(),
})
const segment = z.object({ op: z.enum(['same', 'ins', 'del']), text: z.string() })
const roundNumber = (params: Record<string, string>) => Number(params.round)

/** Lesson studies for API clients: the same module functions and permissions as the pages (non-members get 404). */
export const studiesEndpoints: Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/research/studies',
    tag,
    summary: 'Lesson studies of the groups you are a member of (or of one group: groupId)',
    query: z.object({ groupId: id.optional() }),
    response: z.object({ studies: z.array(studySummary) }),
    handle: async ({ rt, actor }, { query }) => ({ studies: await listStudies(rt.db, actor, { groupId: query.groupId }) }),
  }),
  endpoint({
    method: 'POST',
    path: '/research/studies',
    tag,
    summary: 'Start a lesson study in your group: title, teacher (a member; you by default), rubric dimension labels, the first plan (Tiptap JSON)',
    body: studyInput,
    response: z.object({ id }),
    status: 201,
    handle: ({ rt, actor }, { body }) => createStudy(rt.db, actor, body),
  }),
  endpoint({ method: 'GET', path: '/research/studies/{id}', tag, summary: 'A lesson study: its rounds with their rubric summaries (per-dimension mean, count, min/max, change since the round before)', response: study, handle: ({ rt, actor }, { params }) => getStudy(rt.db, actor, params.id ?? '') }),
  endpoint({
    method: 'PUT',
    path: '/research/studies/{id}/dimensions',
    tag,
    summary: 'Set the rubric dimensions by label (leader or starter); one that has scores cannot be removed (409)',
    body: dimensionsInput,
    response: z.array(dimension),
    handle: ({ rt, actor }, { params, body }) => updateDimensions(rt.db, actor, params.id ?? '', body),
  }),
  endpoint({ method: 'POST', path: '/research/studies/{id}/rounds', tag, summary: 'Start the next round; its plan starts as the last round’s final version (teacher or leader)', response: z.object({ number: z.number().int() }), status: 201, handle: ({ rt, actor }, { params }) => addRound(rt.db, actor, params.id ?? '') }),
  endpoint({ method: 'GET', path: '/research/studies/{id}/rounds/{round}', tag, summary: 'A round: current plan, versions, video asset, notes, scores, summary, reflection', response: round, handle: ({ rt, actor }, { params }) => getRound(rt.db, actor, params.id ?? '', roundNumber(params)) }),
  endpoint({
    method: 'POST',
    path: '/research/studies/{id}/rounds/{round}/plan',
    tag,
    summary: 'Save the latest round’s plan as a new version; baseVersion is the version you edited — if another was saved since, 409 and nothing is overwritten',
    body: planInput,
    response: z.object({ number: z.number().int() }),
    status: 201,
    handle: ({ rt, actor }, { params, body }) => savePlan(rt.db, actor, params.id ?? '', roundNumber(params), body),
  }),
  endpoint({
    method: 'PUT',
    path: '/research/studies/{id}/rounds/{round}/video',
    tag,
    summary: 'Attach a classroom video you uploaded (a media asset id); from then on only the group’s members may watch it',
    body: videoInput,
    response: z.object({ assetId: id }),
    handle: ({ rt, actor }, { params, body }) => attachVideo(rt.db, actor, params.id ?? '', roundNumber(params), body),
  }),
  endpoint({
    method: 'PUT',
    path: '/research/studies/{id}/rounds/{round}/reflection',
    tag,
    summary: 'The teacher’s reflection on the round (Tiptap JSON)',
    body: reflectionInput,
    response: z.object({ ok: z.boolean() }),
    handle: ({ rt, actor }, { params, body }) => saveReflection(rt.db, actor, params.id ?? '', roundNumber(params), body),
  }),
  endpoint({
    method: 'POST',
    path: '/research/studies/{id}/rounds/{round}/notes',
    tag,
    summary: 'An observation note pinned to a second of the round’s video; the lesson’s teacher is notified',
    body: noteInput,
    response: z.object({ id, atSeconds: z.number().int(), body: z.string() }),
    status: 201,
    handle: ({ rt, actor }, { params, body }) => addNote(rt.db, actor, params.id ?? '', roundNumber(params), body),
  }),
  endpoint({
    method: 'DELETE',
    path: '/research/studies/{id}/rounds/{round}/notes/{noteId}',
    tag,
    summary: 'Delete your note (the leader any)',
    status: 204,
    handle: ({ rt, actor }, { params }) => deleteNote(rt.db, actor, params.id ?? '', roundNumber(params), params.noteId ?? ''),
  }),
  endpoint({
    method: 'PUT',
    path: '/research/studies/{id}/rounds/{round}/scores',
    tag,
    summary: 'Your rubric scores for the round (1–5 and a comment per dimension); dimensions left out are cleared. Not for the lesson’s teacher',
    body: scoresInput,
    response: z.object({ saved: z.number().int() }),
    handle: ({ rt, actor }, { params, body }) => saveScores(rt.db, actor, params.id ?? '', roundNumber(params), body),
  }),
  endpoint({ method: 'GET', path: '/research/studies/{id}/versions', tag, summary: 'Every version of the plan, newest first', response: z.object({ versions: z.array(version) }), handle: async ({ rt, actor }, { params }) => ({ versions: await listPlanVersions(rt.db, actor, params.id ?? '') }) }),
  endpoint({
    method: 'GET',
    path: '/research/studies/{id}/versions/{number}',
    tag,
    summary: 'One version of the plan',
    response: version.extend({ doc }),
    handle: ({ rt, actor }, { params }) => getPlanVersion(rt.db, actor, params.id ?? '', Number(params.number)),
  }),
  endpoint({
    method: 'GET',
    path: '/research/studies/{id}/diff',
    tag,
    summary: 'What changed between two plan versions (from, to); by default the last round’s final plan against the round before’s. Blocks, then words',
    query: z.object({ from: z.coerce.number().int().optional(), to: z.coerce.number().int().optional() }),
    response: z.object({
      from: version.omit({ baseNumber: true }),
      to: version.omit({ baseNumber: true }),
      diff: z.object({ blocks: z.array(z.object({ change: z.enum(['same', 'added', 'removed', 'changed']), kind: z.string(), segments: z.array(segment) })), counts: z.object({ added: z.number(), removed: z.number(), changed: z.number(), same: z.number() }) }),
    }),
    handle: async ({ rt, actor }, { params, query }) => {
      const result = await comparePlans(rt.db, actor, params.id ?? '', { from: query.from, to: query.to }, cutWords)
      return { from: result.from, to: result.to, diff: result.diff }
    },
  }),
  endpoint({
    method: 'POST',
    path: '/research/studies/{id}/finish',
    tag,
    summary: 'Finish the study (teacher or leader): the final plan becomes an exemplary lesson (优秀课例) in the library — published at once with a district reviewer’s scores, else submitted for review',
    body: finishInput,
    response: z.object({ id, status: z.string(), publishedVersion: z.number().int().nullable() }),
    handle: ({ rt, actor, ip }, { params, body }) => finishStudy(rt.db, actor, params.id ?? '', body, ip),
  }),
]
