import { z } from 'zod'

/**
 * What the search index holds for one findable thing (a resource, a group's material …). Capabilities
 * turn their records into this shape; the index never reads their tables.
 */
export interface SearchDocument {
  /** `<source>:<id>`, e.g. `resource:6f1c…`; the source loads it again when it changes. */
  id: string
  kind: string
  title: string
  summary: string
  /** Plain text of the body: lesson parts, variants, steps … */
  body: string
  keywords: string[]
  url: string
  schoolType: string | null
  stage: string | null
  subject: string | null
  disabilities: string[]
  tiers: string[]
  features: Feature[]
  /** Found only by users of this district. */
  districtId: string
  /** Published things are found by everyone in the district; drafts by their owner; group material by the group's members. */
  published: boolean
  ownerId: string | null
  groupIds: string[]
  updatedAt: Date
}

export const features = ['video', 'captions', 'sign', 'braille'] as const
export type Feature = (typeof features)[number]

export const facetNames = ['kind', 'schoolType', 'stage', 'subject', 'disability', 'tier', 'feature'] as const
export type FacetName = (typeof facetNames)[number]
export type Filters = Partial<Record<FacetName, string>>

export const searchQuery = z.object({
  q: z.string().trim().max(200).default(''),
  kind: z.string().max(60).optional(),
  schoolType: z.string().max(60).optional(),
  stage: z.string().max(60).optional(),
  subject: z.string().max(60).optional(),
  disability: z.string().max(60).optional(),
  tier: z.string().max(60).optional(),
  feature: z.enum(features).optional(),
  /** `1` while the words are still being typed: the last one then matches as a prefix. */
  typing: z.enum(['1', '0']).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
})
export type SearchQueryInput = z.input<typeof searchQuery>

export interface SearchQuery {
  q: string
  typing?: boolean
  filters: Filters
  page: number
  pageSize: number
}

export function toSearchQuery(input: z.output<typeof searchQuery>): SearchQuery {
  const { q, page, pageSize, typing, ...rest } = input
  const filters: Filters = {}
  for (const name of facetNames) if (rest[name]) filters[name] = rest[name]
  return { q, typing: typing === '1', filters, page, pageSize }
}

/** Who is searching: what beyond published material they may find. */
export interface Viewer {
  userId: string
  districtId: string
  groupIds: string[]
}

/** A piece of text, marked where it matched the query. */
export interface Segment {
  text: string
  match: boolean
}

export interface SearchHit {
  id: string
  kind: string
  title: string
  summary: string
  url: string
  schoolType: string | null
  stage: string | null
  subject: string | null
  disabilities: string[]
  tiers: string[]
  features: Feature[]
  published: boolean
  highlight: { title: Segment[]; snippet: Segment[] }
}

export interface FacetCount {
  value: string
  count: number
}

export interface SearchResults {
  query: SearchQuery
  total: number
  hits: SearchHit[]
  facets: Record<FacetName, FacetCount[]>
  /** Counts estimated from a sample, when very many documents matched. */
  facetsApproximate: boolean
  /** Words read as another, close word (one character off): 孤读症 → 孤独症. */
  corrections: { from: string; to: string }[]
  /** When nothing matched with filters on: how many each filter's removal would find. */
  withoutFilter: { facet: FacetName; value: string; total: number }[]
}
