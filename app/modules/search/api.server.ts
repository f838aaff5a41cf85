import { z } from 'zod'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { facetNames, features, searchQuery } from './document'
import { searchFor } from './search.server'

const segment = z.object({ text: z.string(), match: z.boolean() })
const facetCount = z.object({ value: z.string(), count: z.number().int() })

const results = z.object({
  query: z.object({ q: z.string(), typing: z.boolean().optional(), filters: z.record(z.string(), z.string()), page: z.number().int(), pageSize: z.number().int() }),
  total: z.number().int(),
  hits: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      summary: z.string(),
      url: z.string(),
      schoolType: z.string().nullable(),
      stage: z.string().nullable(),
      subject: z.string().nullable(),
      disabilities: z.array(z.string()),
      tiers: z.array(z.string()),
      features: z.array(z.enum(features)),
      published: z.boolean(),
      highlight: z.object({ title: z.array(segment), snippet: z.array(segment) }),
    }),
  ),
  facetsApproximate: z.boolean(),
  facets: z.object(Object.fromEntries(facetNames.map((n) => [n, z.array(facetCount)])) as Record<(typeof facetNames)[number], z.ZodArray<typeof facetCount>>),
  corrections: z.array(z.object({ from: z.string(), to: z.string() })),
  withoutFilter: z.array(z.object({ facet: z.enum(facetNames), value: z.string(), total: z.number().int() })),
})

export const searchEndpoints: Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/search',
    tag: 'search',
    summary:
      "Search what the caller may see: their district's published material and their own drafts. Chinese words, synonyms, pinyin and initials; highlights as marked segments; facet counts.",
    query: searchQuery,
    response: results,
    handle: ({ rt, actor }, { query }) => searchFor(rt, actor, query),
  }),
]
