import { Readable } from 'node:stream'
import { z } from 'zod'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { AppError, notFound } from '~/platform/errors'
import { contentDisposition, fileResponse, removeFile, uploadFile } from './files.server'
import { exportPackage, importUploadedPackage } from './package.server'
import { packageContentType } from './package-format'
import { requirePermission } from '~/modules/accounts/permissions'
import { resourceKinds, kindTraits } from './kinds'
import { adaptResource, archiveResource, browseResources, createResource, getResource, myResources, publishResource, rateResource, reviewQueue, reviewResource, setFavourite, submitResource, updateResource } from './resources.server'
import { browseInput, ratingInput, resourceInput, reviewInput } from './schemas'
import { disabilityCategories, gradesOfStage, licences, schoolTypes, stages, subjectCodes, subjects, variantKeys } from './taxonomy'

const tag = 'library'
const importReport = z.object({
  id: z.uuid(),
  title: z.string(),
  files: z.number().int(),
  videos: z.number().int(),
  tracks: z.number().int(),
  signTerms: z.object({ linked: z.number().int(), created: z.number().int(), dropped: z.array(z.string()) }),
  braille: z.number().int(),
})
const id = z.uuid()
const timestamp = z.iso.datetime()
const richDoc = z.object({ type: z.literal('doc'), content: z.array(z.unknown()) }).describe('Tiptap JSON; only the allow-listed nodes and marks are kept')
const status = z.enum(['draft', 'submitted', 'changes_requested', 'published', 'archived'])
const level = z.enum(['school', 'district'])

const card = z.object({
  id,
  kind: z.enum(resourceKinds),
  status,
  reviewLevel: level.nullable(),
  title: z.string(),
  summary: z.string(),
  exemplary: z.boolean().describe('An exemplary lesson (优秀课例) published by a lesson study; browse them with collection=exemplary'),
  schoolType: z.string(),
  subject: z.string(),
  stage: z.string(),
  grade: z.number().int().nullable(),
  disabilityCategories: z.array(z.string()),
  author: z.string(),
  views: z.number().int(),
  downloads: z.number().int(),
  averageRating: z.number().nullable(),
  ratings: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  thumbnailFileId: id.nullable().describe('A file whose thumbnail is at /library/files/{id}/thumbnail'),
  reviewComments: z.string().nullable().describe("The latest reviewer's comments while changes are requested"),
  updatedAt: timestamp,
})
const file = z.object({ id, fileName: z.string(), contentType: z.string(), size: z.number().int(), thumbnail: z.boolean() })
const resource = z.object({
  id,
  kind: z.enum(resourceKinds),
  status,
  reviewLevel: level.nullable(),
  version: z.number().int().nullable().describe('The version shown; null for the working copy'),
  publishedVersion: z.number().int().nullable(),
  title: z.string(),
  summary: z.string(),
  exemplary: z.boolean(),
  schoolType: z.string(),
  subject: z.string(),
  stage: z.string(),
  grade: z.number().int().nullable(),
  disabilityCategories: z.array(z.string()),
  licence: z.string(),
  attribution: z.string(),
  details: z.record(z.string(), z.unknown()).describe("The kind's own fields"),
  body: richDoc,
  mediaAssetIds: z.array(id).describe('Video assets of the media module'),
  variants: z.array(z.object({ key: z.enum(variantKeys as [string, ...string[]]), objectives: z.string(), activities: richDoc, assessment: z.string() })),
  files: z.array(file),
  author: z.object({ id, displayName: z.string() }),
  schoolName: z.string().nullable(),
  updatedAt: timestamp,
  counts: z.object({ views: z.number().int(), downloads: z.number().int(), favourites: z.number().int(), ratings: z.number().int(), averageRating: z.number().nullable() }),
  accessibilityScore: z.number().int().nullable(),
  changedSincePublished: z.array(z.enum(['title', 'summary', 'placement', 'licence', 'details', 'body', 'variants', 'files', 'videos'])).describe('For a working copy of a published resource: what differs from the published version'),
  versions: z.array(z.object({ number: z.number().int(), publishedAt: timestamp })),
  reviews: z.array(z.object({ level, decision: z.enum(['approve', 'changes_requested']), scores: z.object({ accessibility: z.number().int(), curriculum: z.number().int(), differentiation: z.number().int() }), comments: z.string(), reviewer: z.string().nullable(), at: timestamp })),
  ratings: z.array(z.object({ displayName: z.string(), stars: z.number().int(), comment: z.string(), at: timestamp })),
  mine: z.object({ favourite: z.boolean(), stars: z.number().int().nullable(), comment: z.string() }),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), archive: z.boolean(), rate: z.boolean(), adapt: z.boolean() }),
})
const transition = z.object({ status, reviewLevel: level.nullable().optional(), publishedVersion: z.number().int().nullable().optional() })
const scoresBody = z.object({ accessibility: z.number().int().min(1).max(5), curriculum: z.number().int().min(1).max(5), differentiation: z.number().int().min(1).max(5), comments: z.string().optional() })

export const libraryEndpoints: Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/taxonomy',
    tag,
    summary: 'The curriculum taxonomy: school types, stages and grades, subjects per school type and stage, disability categories, kinds, variants, licences',
    response: z.object({
      schoolTypes: z.array(z.string()),
      stages: z.array(z.object({ code: z.string(), grades: z.array(z.number().int()) })),
      subjects: z.array(z.object({ code: z.string(), schoolTypes: z.array(z.string()), stages: z.array(z.string()), optional: z.boolean() })),
      disabilityCategories: z.array(z.string()),
      kinds: z.array(z.object({ code: z.string(), variants: z.boolean(), needsFile: z.boolean() })),
      variantKeys: z.array(z.string()),
      licences: z.array(z.string()),
    }),
    handle: async () => ({
      schoolTypes: [...schoolTypes],
      stages: stages.map((code) => ({ code, grades: [...gradesOfStage[code]] })),
      subjects: subjectCodes.map((code) => {
        const rule = subjects[code] as { schoolTypes: readonly string[]; stages: readonly string[]; optional?: boolean }
        return { code, schoolTypes: [...rule.schoolTypes], stages: [...rule.stages], optional: rule.optional === true }
      }),
      disabilityCategories: [...disabilityCategories],
      kinds: resourceKinds.map((code) => ({ code, ...kindTraits[code] })),
      variantKeys: [...variantKeys],
      licences: [...licences],
    }),
  }),
  endpoint({
    method: 'GET',
    path: '/resources',
    tag,
    summary: 'Published resources of the district, by school type, subject, stage, grade, kind and disability category; 24 a page',
    query: browseInput,
    response: z.object({ items: z.array(card), total: z.number().int(), page: z.number().int(), pageCount: z.number().int() }),
    handle: async ({ rt, actor }, { query }) => {
      const { items, total, page, pageCount } = await browseResources(rt.db, actor, query)
      return { items, total, page, pageCount }
    },
  }),
  endpoint({ method: 'GET', path: '/resources/mine', tag, summary: "The signed-in author's resources and where each stands", response: z.array(card), handle: ({ rt, actor }) => myResources(rt.db, actor) }),
  endpoint({ method: 'GET', path: '/resources/review-queue', tag, summary: "What awaits the signed-in reviewer's decision, oldest first", response: z.array(card), handle: ({ rt, actor }) => reviewQueue(rt.db, actor) }),
  endpoint({
    method: 'POST',
    path: '/resources',
    tag,
    summary: 'Create a draft resource (details as the kind requires; variants for lessons, strategies and worksheets)',
    body: resourceInput,
    response: resource,
    status: 201,
    handle: async ({ rt, actor }, { body }) => getResource(rt.db, actor, (await createResource(rt.db, actor, body)).id),
  }),
  endpoint({
    method: 'GET',
    path: '/resources/{id}',
    tag,
    summary: 'A resource: the published version for readers, the working copy for its author and reviewers (?version=working), or an older version by number',
    query: z.object({ version: z.union([z.literal('published'), z.literal('working'), z.coerce.number().int().min(1)]).optional() }),
    response: resource,
    handle: ({ rt, actor }, { params, query }) => getResource(rt.db, actor, uuidParam(params.id), { version: query.version }),
  }),
  endpoint({
    method: 'PUT',
    path: '/resources/{id}',
    tag,
    summary: "Save the working copy (its author); a published resource stays published until the change is",
    body: resourceInput,
    response: resource,
    handle: async ({ rt, actor }, { params, body }) => {
      await updateResource(rt.db, actor, uuidParam(params.id), body)
      return getResource(rt.db, actor, uuidParam(params.id))
    },
  }),
  endpoint({ method: 'POST', path: '/resources/{id}/submit', tag, summary: 'Submit for review (its author)', response: transition, handle: ({ rt, actor, ip }, { params }) => submitResource(rt.db, actor, uuidParam(params.id), ip) }),
  endpoint({
    method: 'POST',
    path: '/resources/{id}/review',
    tag,
    summary: 'Approve or request changes at the level the resource awaits, with scores for accessibility, curriculum alignment and differentiation',
    body: reviewInput,
    response: transition,
    handle: ({ rt, actor, ip }, { params, body }) => reviewResource(rt.db, actor, uuidParam(params.id), body, ip),
  }),
  endpoint({
    method: 'POST',
    path: '/resources/{id}/publish',
    tag,
    summary: 'The final approval: publishes a new version, or 409 while an earlier review level is pending',
    body: scoresBody,
    response: transition,
    handle: ({ rt, actor, ip }, { params, body }) => publishResource(rt.db, actor, uuidParam(params.id), body, ip),
  }),
  endpoint({ method: 'POST', path: '/resources/{id}/archive', tag, summary: 'Archive (its author or an administrator); versions stay readable by link', response: transition, handle: ({ rt, actor, ip }, { params }) => archiveResource(rt.db, actor, uuidParam(params.id), ip) }),
  endpoint({
    method: 'POST',
    path: '/resources/{id}/adapt',
    tag,
    summary: "Copy the published version into a new draft of the caller's own, to adapt (not for 'all rights reserved')",
    response: resource,
    status: 201,
    handle: async ({ rt, actor }, { params }) => getResource(rt.db, actor, (await adaptResource(rt.db, actor, uuidParam(params.id))).id),
  }),
  endpoint({ method: 'PUT', path: '/resources/{id}/favourite', tag, summary: 'Add to my favourites', response: z.object({ favourite: z.boolean() }), handle: ({ rt, actor }, { params }) => setFavourite(rt.db, actor, uuidParam(params.id), true) }),
  endpoint({ method: 'DELETE', path: '/resources/{id}/favourite', tag, summary: 'Remove from my favourites', status: 204, handle: async ({ rt, actor }, { params }) => void (await setFavourite(rt.db, actor, uuidParam(params.id), false)) }),
  endpoint({
    method: 'PUT',
    path: '/resources/{id}/rating',
    tag,
    summary: 'Rate (1–5 stars) and comment; one rating per reader, which they can change',
    body: ratingInput,
    response: ratingInput,
    handle: ({ rt, actor }, { params, body }) => rateResource(rt.db, actor, uuidParam(params.id), body),
  }),
  endpoint({
    method: 'POST',
    path: '/resources/{id}/files',
    tag,
    summary: 'Upload a file to the working copy: send the raw bytes, the file name in ?name=. The type is judged from the bytes',
    query: z.object({ name: z.string().min(1, 'library.errors.noFile').max(255) }),
    upload: true,
    response: file,
    status: 201,
    handle: async ({ rt, actor, request }, { params, query }) => {
      if (!request.body) throw new AppError(400, { key: 'library.errors.noFile' }, { fields: { file: { key: 'library.errors.noFile' } } })
      return uploadFile(rt, actor, uuidParam(params.id), { fileName: query.name, body: Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>) })
    },
  }),
  endpoint({ method: 'DELETE', path: '/resources/{id}/files/{fileId}', tag, summary: 'Take a file off the working copy (published versions keep it)', status: 204, handle: ({ rt, actor }, { params }) => removeFile(rt.db, actor, uuidParam(params.id), uuidParam(params.fileId)) }),
  endpoint({
    method: 'GET',
    path: '/resources/{id}/package',
    tag,
    summary: 'The resource as a package (application/zip: manifest.json with SHA-256 of every entry, files, video originals with caption tracks) that another Tongxing installation imports unchanged; ?version=n for a published version',
    query: z.object({ version: z.coerce.number().int().min(1).optional() }),
    handle: async ({ rt, actor }, { params, query }) => {
      const { fileName, body } = await exportPackage(rt, actor, uuidParam(params.id), { version: query.version })
      return new Response(Readable.toWeb(body) as ReadableStream, { headers: { 'Content-Type': packageContentType, 'Content-Disposition': contentDisposition('attachment', fileName) } })
    },
  }),
  endpoint({
    method: 'POST',
    path: '/resources/import',
    tag,
    summary: 'Import a resource package: send the .zip as the raw body. It becomes a draft of the caller, checked entry by entry before anything is stored; videos are transcoded here',
    upload: true,
    response: importReport,
    status: 201,
    handle: async ({ rt, actor, request, ip }) => {
      requirePermission(actor, 'author:resource')
      if (!request.body) throw new AppError(400, { key: 'library.package.errors.noFile' }, { fields: { file: { key: 'library.package.errors.noFile' } } })
      return importUploadedPackage(rt, actor, Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>), ip)
    },
  }),
  endpoint({
    method: 'GET',
    path: '/files/{id}',
    tag,
    summary: 'A file of a resource the caller may read (byte ranges accepted; ?download=1 saves and counts it)',
    query: z.object({ download: z.enum(['0', '1']).optional() }),
    handle: ({ rt, actor, request }, { params, query }) => fileResponse(rt, actor, uuidParam(params.id), request, { download: query.download === '1' }),
  }),
]

function uuidParam(value: string | undefined): string {
  if (!value || !id.safeParse(value).success) throw notFound('library.errors.notFound')
  return value
}
