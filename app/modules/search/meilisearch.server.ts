import { Meilisearch, type Filter } from 'meilisearch'
import { facetNames, type FacetCount, type FacetName, type SearchDocument, type SearchQuery, type SearchResults, type Viewer } from './document'
import type { SearchIndex } from './port'
import { highlightsFor, planQuery } from './query.server'
import { documentWords, queryWords, synonymGroups } from './words.server'

export interface MeilisearchOptions {
  url: string
  key?: string
  /** Index uid; tests use their own. */
  index?: string
}

/** Facet → the document attribute Meilisearch filters and counts. */
const facetAttributes: Record<FacetName, string> = {
  kind: 'kind',
  schoolType: 'schoolType',
  stage: 'stage',
  subject: 'subject',
  disability: 'disabilities',
  tier: 'tiers',
  feature: 'features',
}

interface MeiliDocument {
  key: string
  id: string
  kind: string
  title: string
  summary: string
  body: string
  url: string
  /** Our segmentation, spaces between words, so Meilisearch's own agrees with the Postgres index. */
  titleWords: string
  summaryWords: string
  bodyWords: string
  pinyin: string
  schoolType: string | null
  stage: string | null
  subject: string | null
  disabilities: string[]
  tiers: string[]
  features: string[]
  districtId: string
  published: boolean
  ownerId: string | null
  groupIds: string[]
  updatedAt: number
}

/** Meilisearch document ids allow only [A-Za-z0-9_-]; ours carry a `source:` prefix. */
const keyOf = (id: string) => Buffer.from(id).toString('base64url')

/** A quoted Meilisearch filter value. */
const value = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

export function createMeilisearchIndex(options: MeilisearchOptions): SearchIndex {
  const client = new Meilisearch({ host: options.url, apiKey: options.key })
  const uid = options.index ?? 'tongxing_documents'
  const index = client.index<MeiliDocument>(uid)
  let configured: Promise<void> | undefined

  function configure(): Promise<void> {
    configured ??= (async () => {
      const synonyms: Record<string, string[]> = {}
      for (const group of synonymGroups()) for (const word of group) synonyms[word] = group.filter((w) => w !== word)
      await client.createIndex(uid, { primaryKey: 'key' }).waitTask()
      await index
        .updateSettings({
          searchableAttributes: ['titleWords', 'summaryWords', 'bodyWords', 'pinyin'],
          filterableAttributes: [...Object.values(facetAttributes), 'districtId', 'published', 'ownerId', 'groupIds'],
          sortableAttributes: ['updatedAt'],
          displayedAttributes: ['id', 'kind', 'title', 'summary', 'body', 'url', 'schoolType', 'stage', 'subject', 'disabilities', 'tiers', 'features', 'published'],
          synonyms,
          typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 3, twoTypos: 9 } },
          pagination: { maxTotalHits: 10_000 },
          faceting: { maxValuesPerFacet: 200 },
        })
        .waitTask()
    })().catch((error) => {
      configured = undefined
      throw error
    })
    return configured
  }

  function filterFor(query: SearchQuery, viewer: Viewer, except?: FacetName): Filter {
    const visible = [
      'published = true',
      `ownerId = ${value(viewer.userId)}`,
      ...(viewer.groupIds.length ? [`groupIds IN [${viewer.groupIds.map(value).join(', ')}]`] : []),
    ]
    const filters = [`districtId = ${value(viewer.districtId)}`, `(${visible.join(' OR ')})`]
    for (const name of facetNames) {
      const v = query.filters[name]
      if (v && name !== except) filters.push(`${facetAttributes[name]} = ${value(v)}`)
    }
    return filters
  }

  const segmentedQuery = (q: string) => queryWords(q).join(' ')

  return {
    kind: 'meilisearch',

    async upsert(documents) {
      if (!documents.length) return
      await configure()
      await index.addDocuments(documents.map(toMeili)).waitTask()
    },

    async remove(ids) {
      if (!ids.length) return
      await configure()
      await index.deleteDocuments(ids.map(keyOf)).waitTask()
    },

    async clear() {
      await configure()
      await index.deleteAllDocuments().waitTask()
    },

    async search(query, viewer) {
      await configure()
      const q = segmentedQuery(query.q)
      const response = await index.search(q, {
        filter: filterFor(query, viewer),
        facets: Object.values(facetAttributes),
        page: query.page,
        hitsPerPage: query.pageSize,
        ...(q ? {} : { sort: ['updatedAt:desc'] }),
      })
      const plan = planQuery(query.q, { typing: query.typing })
      const facets = Object.fromEntries(
        facetNames.map((name) => [
          name,
          Object.entries(response.facetDistribution?.[facetAttributes[name]] ?? {})
            .map(([v, count]): FacetCount => ({ value: v, count }))
            .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
        ]),
      ) as Record<FacetName, FacetCount[]>
      const withoutFilter: SearchResults['withoutFilter'] = []
      if (response.totalHits === 0) {
        for (const facet of facetNames) {
          const v = query.filters[facet]
          if (!v) continue
          const other = await index.search(q, { filter: filterFor(query, viewer, facet), page: 1, hitsPerPage: 0 })
          withoutFilter.push({ facet, value: v, total: other.totalHits })
        }
      }
      return {
        query,
        total: response.totalHits,
        hits: response.hits.map((hit) => {
          return {
            id: hit.id,
            kind: hit.kind,
            title: hit.title,
            summary: hit.summary,
            url: hit.url,
            schoolType: hit.schoolType,
            stage: hit.stage,
            subject: hit.subject,
            disabilities: hit.disabilities,
            tiers: hit.tiers,
            features: hit.features as SearchDocument['features'],
            published: hit.published,
            highlight: highlightsFor(plan, hit),
          }
        }),
        facets,
        facetsApproximate: false,
        corrections: [],
        withoutFilter,
      }
    },

    async check() {
      await client.health()
      await configure()
    },
  }
}

function toMeili(doc: SearchDocument): MeiliDocument {
  const words = documentWords(doc)
  return {
    key: keyOf(doc.id),
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    summary: doc.summary,
    body: doc.body.slice(0, 4000),
    url: doc.url,
    titleWords: words.title.join(' '),
    summaryWords: words.summary.join(' '),
    bodyWords: words.body.join(' '),
    pinyin: words.pinyin
      .map((k) => k.slice(3))
      .join(' '),
    schoolType: doc.schoolType,
    stage: doc.stage,
    subject: doc.subject,
    disabilities: doc.disabilities,
    tiers: doc.tiers,
    features: doc.features,
    districtId: doc.districtId,
    published: doc.published,
    ownerId: doc.ownerId,
    groupIds: doc.groupIds,
    updatedAt: doc.updatedAt.getTime(),
  }
}
