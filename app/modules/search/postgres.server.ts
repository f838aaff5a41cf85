import type { DatabaseHandle } from '#db/client'
import { facetNames, type FacetCount, type FacetName, type Filters, type SearchDocument, type SearchHit, type SearchQuery, type SearchResults, type Viewer } from './document'
import { correctQuery, type TermLookup } from './correct.server'
import { highlightsFor, planQuery, toTsquery, type PlannedWord } from './query.server'
import type { SearchIndex } from './port'
import { documentWords } from './words.server'

/** Facet → the column it reads, and whether the column is an array. */
const facetColumns: Record<FacetName, { column: string; array: boolean }> = {
  kind: { column: 'kind', array: false },
  schoolType: { column: 'school_type', array: false },
  stage: { column: 'stage', array: false },
  subject: { column: 'subject', array: false },
  disability: { column: 'disabilities', array: true },
  tier: { column: 'tiers', array: true },
  feature: { column: 'features', array: true },
}

/** Past this many matches, totals and facet counts are estimated from a sample. */
const exactUpTo = 5000
const samplePercent = 5
/** Below this many documents a sample would say little, and exact counting is cheap anyway. */
const sampleFromSize = 20_000

/** Builds a WHERE clause with numbered parameters. */
class Where {
  readonly parts: string[] = []
  constructor(readonly values: unknown[] = []) {}
  param(value: unknown) {
    this.values.push(value)
    return `$${this.values.length}`
  }
  add(part: string) {
    this.parts.push(part)
    return this
  }
  get sql() {
    return this.parts.length ? `where ${this.parts.join(' and ')}` : ''
  }
}

/**
 * Search in PostgreSQL (and PGlite): words in a weighted tsvector matched with a tsquery built from
 * lexemes, facets counted in SQL, one-character-off words corrected against the index's own terms.
 */
export function createPostgresSearchIndex(database: DatabaseHandle): SearchIndex {
  const run = async <T>(text: string, values: unknown[] = []) => (await database.executeSql(text, values)).rows as T[]

  const terms: TermLookup = {
    async existing(words) {
      if (!words.length) return new Set()
      return new Set((await run<{ term: string }>('select term from search_terms where term = any($1::text[])', [words])).map((r) => r.term))
    },
    async like(patterns, lengths) {
      if (!patterns.length) return []
      const rows = await run<{ term: string }>('select term from search_terms where length = any($1::int[]) and term like any($2::text[]) order by term limit 200', [lengths, patterns])
      return rows.map((r) => r.term)
    },
  }

  function where(query: SearchQuery, viewer: Viewer, plan: PlannedWord[], except?: FacetName): Where {
    const w = new Where()
    w.add(`district_id = ${w.param(viewer.districtId)}::uuid`)
    w.add(`(published or owner_id = ${w.param(viewer.userId)}::uuid or group_ids && ${w.param(viewer.groupIds)}::uuid[])`)
    if (plan.length) w.add(`words @@ ${w.param(toTsquery(plan))}::tsquery`)
    for (const name of facetNames) {
      const value = query.filters[name]
      if (!value || name === except) continue
      const { column, array } = facetColumns[name]
      w.add(array ? `${w.param(value)} = any(${column})` : `${column} = ${w.param(value)}`)
    }
    return w
  }

  /**
   * One page of hits: documents whose title matches first (ranked by how well it matches), then the
   * rest, newest first. Each part is cheap on its own even when half the index matches: titles are
   * few and have their own index; the rest, when very many match, walks the newest documents until
   * the page is full, and otherwise sorts the few that match (walking the newest documents for rare
   * words would read the whole index before giving up).
   */
  async function find(query: SearchQuery, viewer: Viewer, plan: PlannedWord[]) {
    const counted = await countFacets(query, viewer, plan)
    const newest = counted.approximate ? 'updated_at desc' : `(updated_at + interval '0 seconds') desc`
    const start = (query.page - 1) * query.pageSize
    let ids: string[]
    if (!plan.length) {
      const w = where(query, viewer, plan)
      ids = (await run<{ id: string }>(`select id from search_documents ${w.sql} order by ${newest}, id limit ${w.param(query.pageSize)} offset ${w.param(start)}`, w.values)).map((r) => r.id)
    } else {
      const tsquery = toTsquery(plan)
      const inTitle = where(query, viewer, plan)
      const q = inTitle.param(tsquery)
      inTitle.add(`title_words @@ ${q}::tsquery`)
      const titleIds = (
        await run<{ id: string }>(
          `select id from search_documents ${inTitle.sql} order by ts_rank(title_words, ${q}::tsquery) desc, updated_at desc, id limit ${inTitle.param(start + query.pageSize)}`,
          inTitle.values,
        )
      ).map((r) => r.id)
      ids = titleIds.slice(start)
      if (ids.length < query.pageSize) {
        const titleCount = titleIds.length < start + query.pageSize ? titleIds.length : await count(inTitle)
        const rest = where(query, viewer, plan)
        rest.add(`not (title_words @@ ${rest.param(tsquery)}::tsquery)`)
        const restIds = await run<{ id: string }>(
          `select id from search_documents ${rest.sql} order by ${newest}, id limit ${rest.param(query.pageSize - ids.length)} offset ${rest.param(Math.max(0, start - titleCount))}`,
          rest.values,
        )
        ids = [...ids, ...restIds.map((r) => r.id)]
      }
    }
    const rows = ids.length
      ? await run<Row>(
          `select d.id, d.kind, d.school_type, d.stage, d.subject, d.disabilities, d.tiers, d.features, d.published,
                  t.title, t.summary, left(t.body, 4000) as body, t.url
             from search_documents d join search_texts t on t.id = d.id
            where d.id = any($1::text[])`,
          [ids],
        )
      : []
    const byId = new Map(rows.map((r) => [r.id, r]))
    return { rows: ids.flatMap((id) => byId.get(id) ?? []), ...counted }
  }

  const count = async (w: Where) => Number((await run<{ n: number }>(`select count(*)::int as n from search_documents ${w.sql}`, w.values))[0]?.n ?? 0)

  /** Facet counts over one source of rows (the whole index, or a sample of its pages), with their total. */
  async function facetRows(source: string, w: Where) {
    const facetSql = facetNames
      .map((name) => {
        const { column, array } = facetColumns[name]
        return `select '${name}' as facet, ${array ? `unnest(${column})` : column} as value, count(*)::int as count from matched group by 2`
      })
      .join(' union all ')
    const rows = await run<{ facet: FacetName | 'total'; value: string | null; count: number }>(
      `with matched as materialized (select kind, school_type, stage, subject, disabilities, tiers, features from ${source} ${w.sql})
       select 'total' as facet, null as value, count(*)::int as count from matched union all ${facetSql}`,
      w.values,
    )
    return { total: Number(rows.find((r) => r.facet === 'total')?.count ?? 0), rows: rows.filter((r) => r.facet !== 'total' && r.value !== null) as { facet: FacetName; value: string; count: number }[] }
  }

  /**
   * The total and facet counts. On a big index a 5% sample of its pages comes first: when it shows
   * that very many documents match, total and counts are estimated from it and marked approximate
   * (exact counts over half of 100,000 documents would cost more than the whole search may take);
   * otherwise they are counted exactly.
   */
  async function countFacets(query: SearchQuery, viewer: Viewer, plan: PlannedWord[]) {
    const facets = Object.fromEntries(facetNames.map((n) => [n, [] as FacetCount[]])) as Record<FacetName, FacetCount[]>
    const fill = (rows: { facet: FacetName; value: string; count: number }[], scale: number, total: number) => {
      for (const row of rows) facets[row.facet].push({ value: row.value, count: Math.min(total, Math.max(1, Math.round(row.count * scale))) })
      for (const name of facetNames) facets[name].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    }
    const [size] = await run<{ n: number }>(`select reltuples::float8 as n from pg_class where relname = 'search_documents'`)
    if (Number(size?.n ?? 0) >= sampleFromSize) {
      const sample = await facetRows(`search_documents tablesample system (${samplePercent}) repeatable (1)`, where(query, viewer, plan))
      const estimate = sample.total * (100 / samplePercent)
      if (estimate >= exactUpTo) {
        const total = Number(estimate.toPrecision(2))
        fill(sample.rows, total / sample.total, total)
        return { total, facets, approximate: true }
      }
    }
    const exact = await facetRows('search_documents', where(query, viewer, plan))
    fill(exact.rows, 1, exact.total)
    return { total: exact.total, facets, approximate: false }
  }

  const countWithout = (query: SearchQuery, viewer: Viewer, plan: PlannedWord[], facet: FacetName) => count(where(query, viewer, plan, facet))

  return {
    kind: 'postgres',

    async upsert(documents) {
      for (const doc of documents) {
        const { title: titleWords, summary: summaryWords, body: bodyWords, pinyin } = documentWords(doc)
        await run(
          `insert into search_documents (id, kind, school_type, stage, subject, disabilities, tiers, features,
                                         published, owner_id, group_ids, updated_at, district_id, words, title_words)
           values ($1, $2, $3, $4, $5, $6::text[], $7::text[], $8::text[], $9, $10::uuid, $11::uuid[], $12, $13::uuid,
                   setweight(array_to_tsvector($14::text[]), 'A') || setweight(array_to_tsvector($15::text[]), 'B')
                   || setweight(array_to_tsvector($16::text[]), 'C') || setweight(array_to_tsvector($17::text[]), 'D'),
                   array_to_tsvector($14::text[]) || array_to_tsvector($17::text[]))
           on conflict (id) do update set kind = excluded.kind, school_type = excluded.school_type, stage = excluded.stage,
             subject = excluded.subject, disabilities = excluded.disabilities, tiers = excluded.tiers, features = excluded.features,
             published = excluded.published, owner_id = excluded.owner_id, group_ids = excluded.group_ids,
             updated_at = excluded.updated_at, district_id = excluded.district_id, words = excluded.words, title_words = excluded.title_words`,
          [
            doc.id,
            doc.kind,
            doc.schoolType,
            doc.stage,
            doc.subject,
            doc.disabilities,
            doc.tiers,
            doc.features,
            doc.published,
            doc.ownerId,
            doc.groupIds,
            doc.updatedAt.toISOString(),
            doc.districtId,
            distinct(titleWords),
            distinct(summaryWords),
            distinct(bodyWords),
            pinyin,
          ],
        )
        await run(
          `insert into search_texts (id, title, summary, body, keywords, url) values ($1, $2, $3, $4, $5::text[], $6)
           on conflict (id) do update set title = excluded.title, summary = excluded.summary, body = excluded.body,
             keywords = excluded.keywords, url = excluded.url`,
          [doc.id, doc.title, doc.summary, doc.body, doc.keywords, doc.url],
        )
        const longWords = distinct([...titleWords, ...summaryWords, ...bodyWords]).filter((t) => [...t].length >= 3)
        if (longWords.length) {
          await run('insert into search_terms (term, length) select t, char_length(t) from unnest($1::text[]) as t on conflict do nothing', [longWords])
        }
      }
    },

    async remove(ids) {
      if (!ids.length) return
      await run('delete from search_texts where id = any($1::text[])', [ids])
      await run('delete from search_documents where id = any($1::text[])', [ids])
    },

    async clear() {
      await run('delete from search_texts')
      await run('delete from search_documents')
      await run('delete from search_terms')
    },

    async search(query, viewer) {
      let plan = planQuery(query.q, { typing: query.typing })
      let corrections: SearchResults['corrections'] = []
      let found = await find(query, viewer, plan)
      if (found.total === 0 && plan.length) {
        const corrected = await correctQuery(query.q, terms)
        if (corrected.corrections.length) {
          const retry = planQuery(corrected.q, { typing: query.typing })
          const again = await find(query, viewer, retry)
          if (again.total > 0) {
            plan = retry
            found = again
            corrections = corrected.corrections
          }
        }
      }
      const withoutFilter: SearchResults['withoutFilter'] = []
      if (found.total === 0) {
        for (const facet of facetNames) {
          const value = query.filters[facet]
          if (value) withoutFilter.push({ facet, value, total: await countWithout(query, viewer, plan, facet) })
        }
      }
      return { query, total: found.total, hits: found.rows.map((row) => toHit(row, plan)), facets: found.facets, facetsApproximate: found.approximate, corrections, withoutFilter }
    },

    async check() {
      await run('select 1 from search_documents limit 1')
    },
  }
}

interface Row {
  id: string
  kind: string
  title: string
  summary: string
  body: string
  url: string
  school_type: string | null
  stage: string | null
  subject: string | null
  disabilities: string[]
  tiers: string[]
  features: SearchDocument['features']
  published: boolean
}

function toHit(row: Row, plan: PlannedWord[]): SearchHit {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    url: row.url,
    schoolType: row.school_type,
    stage: row.stage,
    subject: row.subject,
    disabilities: row.disabilities,
    tiers: row.tiers,
    features: row.features,
    published: row.published,
    highlight: highlightsFor(plan, row),
  }
}

const distinct = (words: string[]) => [...new Set(words.filter(Boolean))]

export type { Filters }
