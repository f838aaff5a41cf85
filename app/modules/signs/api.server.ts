import { z } from 'zod'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { parseInput } from '~/platform/errors'
import { signCategories } from './categories'
import { importSignTerms } from './import.server'
import { signSearchInput, signTermInput } from './schemas'
import { createTerm, deleteTerm, getTerm, listTerms, updateTerm } from './terms.server'

const id = z.uuid()
const category = z.enum(signCategories)
const summary = z.object({ id, word: z.string(), pinyin: z.string(), category, hasVideo: z.boolean() })
const term = summary.extend({
  handshape: z.string(),
  movement: z.string(),
  notes: z.string(),
  videoAssetId: id.nullable(),
  related: z.array(z.object({ id, word: z.string() })),
  updatedAt: z.iso.datetime(),
})
const fieldMessage = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
const csvBody = z.object({ csv: z.string() })
const tag = 'signs'

export const signsEndpoints: Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/signs',
    tag,
    summary: 'The sign-language glossary of your district: search by word or pinyin (q), filter by category; with the number of terms per category',
    query: signSearchInput,
    response: z.object({ terms: z.array(summary), counts: z.record(category, z.number().int()) }),
    handle: ({ rt, actor }, { query }) => listTerms(rt.db, actor, query),
  }),
  endpoint({ method: 'GET', path: '/signs/{id}', tag, summary: 'A glossary term with its description, video asset and related terms', response: term, handle: ({ rt, actor }, { params }) => getTerm(rt.db, actor, params.id ?? '') }),
  endpoint({
    method: 'POST',
    path: '/signs',
    tag,
    summary: 'Add a term (teachers, researchers, administrators); related words must already be in the glossary',
    body: signTermInput,
    response: term,
    status: 201,
    handle: ({ rt, actor }, { body }) => createTerm(rt.db, actor, body),
  }),
  endpoint({ method: 'PUT', path: '/signs/{id}', tag, summary: 'Change a term (its related terms are replaced)', body: signTermInput, response: term, handle: ({ rt, actor }, { params, body }) => updateTerm(rt.db, actor, params.id ?? '', body) }),
  endpoint({ method: 'DELETE', path: '/signs/{id}', tag, summary: 'Delete a term; words marked with it in lessons become plain text', status: 204, handle: ({ rt, actor }, { params }) => deleteTerm(rt.db, actor, params.id ?? '') }),
  endpoint({
    method: 'POST',
    path: '/signs/import',
    tag,
    summary: 'Import a glossary from CSV (send text/csv, or JSON {"csv": "..."}), columns word,category,handshape,movement,notes,related,video; existing words are updated; a per-row report',
    body: csvBody,
    response: z.object({
      imported: z.array(z.object({ row: z.number().int(), word: z.string(), created: z.boolean() })),
      skipped: z.array(z.object({ row: z.number().int(), word: z.string() })),
      failed: z.array(z.object({ row: z.number().int(), word: z.string(), fields: z.record(z.string(), fieldMessage) })),
    }),
    handle: ({ rt, actor }, { body }) => importSignTerms(rt.db, actor, parseInput(csvBody, body).csv),
  }),
]
