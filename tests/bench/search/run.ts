/**
 * Search benchmark: `npx tsx tests/bench/search/run.ts [count]` (default 100,000 documents).
 * Builds the corpus on the embedded default (PGlite), replays the mixed queries through our index
 * and through an ILIKE '%q%' scan of the same rows in the same run, and prints p50/p95 of each and
 * their ratio. Targets: our p95 ≤ 50 ms, and at least 20× faster than the scan at p95.
 */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { newPglite, openDatabase } from '../../../db/client'
import { createPostgresSearchIndex } from '../../../app/modules/search/postgres.server'
import { generateCorpus, generateQueries } from './corpus'

const count = Number(process.argv[2] ?? 100_000)
// BENCH_DATA_DIR keeps the indexed corpus on disk between runs (indexing 100,000 takes a minute or two).
const dataDir = process.env.BENCH_DATA_DIR
const reuse = dataDir !== undefined && existsSync(dataDir)
const database = await openDatabase({ kind: 'pglite', client: await newPglite(dataDir) })
await database.migrate()
const index = createPostgresSearchIndex(database)
const districtId = '7b0c5c8e-0000-4000-8000-000000000001'
const viewer = { userId: randomUUID(), districtId, groupIds: [] }

if (!reuse) {
  const started = performance.now()
  const corpus = generateCorpus(count, districtId, randomUUID())
  for (let i = 0; i < corpus.length; i += 500) {
    await database.executeSql('begin')
    await index.upsert(corpus.slice(i, i + 500))
    await database.executeSql('commit')
    if ((i / 500) % 20 === 0) process.stdout.write(`\rindexed ${i + 500} / ${count}`)
  }
  await database.executeSql('vacuum analyze')
  console.log(`\nindexed ${count} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

const queries = generateQueries()
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!

async function measure(run: (q: { q: string; filters: Record<string, string> }) => Promise<unknown>) {
  for (const q of queries.slice(0, 10)) await run(q) // warm up
  const times: number[] = []
  for (const q of queries) {
    const t = performance.now()
    await run(q)
    times.push(performance.now() - t)
  }
  if (process.env.BENCH_SLOWEST) {
    const slowest = queries.map((q, i) => ({ ...q, ms: times[i]! })).sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.BENCH_SLOWEST))
    for (const s of slowest) console.log(`  ${s.ms.toFixed(1)} ms  ${s.q} ${JSON.stringify(s.filters)}`)
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

const ours = await measure((q) => index.search({ q: q.q, filters: q.filters, page: 1, pageSize: 20 }, viewer))

const facetColumn: Record<string, string> = { kind: 'kind', schoolType: 'school_type', stage: 'stage', subject: 'subject' }
const arrayColumn: Record<string, string> = { disability: 'disabilities', tier: 'tiers', feature: 'features' }
if (process.env.BENCH_ONLY_OURS) {
  console.log(`search p50 ${ours.p50.toFixed(1)} ms  p95 ${ours.p95.toFixed(1)} ms`)
  process.exit(0)
}
const scan = await measure(async ({ q, filters }) => {
  const values: unknown[] = [districtId, viewer.userId, `%${q}%`]
  const where = [`district_id = $1`, `(published or owner_id = $2)`, `(t.title ilike $3 or t.summary ilike $3 or t.body ilike $3)`]
  for (const [name, value] of Object.entries(filters)) {
    values.push(value)
    where.push(facetColumn[name] ? `${facetColumn[name]} = $${values.length}` : `$${values.length} = any(${arrayColumn[name]})`)
  }
  const sql = `from search_documents d join search_texts t using (id) where ${where.join(' and ')}`
  await database.executeSql(`select id, t.title, t.summary ${sql} order by updated_at desc limit 20`, values)
  await database.executeSql(`select count(*) ${sql}`, values)
})

const ms = (n: number) => `${n.toFixed(1)} ms`
console.log(`${queries.length} queries over ${count} documents (PGlite)`)
console.log(`search       p50 ${ms(ours.p50)}  p95 ${ms(ours.p95)}   (target p95 ≤ 50 ms)`)
console.log(`ILIKE scan   p50 ${ms(scan.p50)}  p95 ${ms(scan.p95)}`)
console.log(`ratio        p50 ${(scan.p50 / ours.p50).toFixed(1)}×  p95 ${(scan.p95 / ours.p95).toFixed(1)}×   (target ≥ 20× at p95)`)
await database.close()
