import { and, asc, eq, inArray, or, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { signTermLinks, signTerms } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { isUniqueViolation } from '~/modules/accounts/db-errors'
import { can, requirePermission } from '~/modules/accounts/permissions'
import { findAsset, getPlayerSource, type PlayerSource } from '~/modules/media/index.server'
import { AppError, notFound, parseInput, type FieldErrors } from '~/platform/errors'
import { signCategories, type SignCategory } from './categories'
import { normaliseQuery, pinyinOf, searchKeysOf } from './pinyin.server'
import { isTermId } from './marks'
import { signSearchInput, signTermInput, type SignTermInput } from './schemas'
import { searchDocumentId } from './search-source.server'
import { markForIndexing } from '~/modules/search/sync.server'

type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>
type TermRow = typeof signTerms.$inferSelect

export interface SignTermSummary {
  id: string
  word: string
  pinyin: string
  category: SignCategory
  hasVideo: boolean
}

export interface SignTermView extends SignTermSummary {
  handshape: string
  movement: string
  notes: string
  videoAssetId: string | null
  related: { id: string; word: string }[]
  updatedAt: string
}

const summaryOf = (row: TermRow): SignTermSummary => ({
  id: row.id,
  word: row.word,
  pinyin: pinyinOf(row.word),
  category: row.category as SignCategory,
  hasVideo: row.videoAssetId !== null,
})

/**
 * The glossary of the actor's district, searched by word (any part) or pinyin (from the start of a
 * syllable run, or the initials): exact words first, then words that begin with the query.
 */
export async function listTerms(db: Database, actor: Actor, filters: unknown): Promise<{ terms: SignTermSummary[]; counts: Record<SignCategory, number> }> {
  const { q, category } = parseInput(signSearchInput, filters)
  const conditions = [eq(signTerms.districtId, actor.districtId)]
  if (category) conditions.push(eq(signTerms.category, category))
  const key = normaliseQuery(q)
  if (key) {
    const like = `%${escapeLike(q)}%`
    const prefix = `${escapeLike(key)}%`
    conditions.push(or(sql`${signTerms.word} ilike ${like}`, sql`${signTerms.pinyin} like ${prefix}`, sql`${signTerms.initials} like ${prefix}`)!)
  }
  const rows = await db
    .select()
    .from(signTerms)
    .where(and(...conditions))
    .orderBy(
      ...(key ? [sql`case when ${signTerms.word} = ${q} then 0 when ${signTerms.word} like ${`${escapeLike(q)}%`} then 1 else 2 end`] : []),
      asc(signTerms.pinyin),
      asc(signTerms.word),
    )
    .limit(500)
  const countRows = await db
    .select({ category: signTerms.category, count: sql<number>`count(*)::int` })
    .from(signTerms)
    .where(eq(signTerms.districtId, actor.districtId))
    .groupBy(signTerms.category)
  const counts = Object.fromEntries(signCategories.map((c) => [c, countRows.find((r) => r.category === c)?.count ?? 0])) as Record<SignCategory, number>
  return { terms: rows.map(summaryOf), counts }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** A term of the actor's district, else 404 (a term elsewhere is not revealed). */
export async function findTerm(db: Pick<Database, 'select'>, actor: Actor, id: string): Promise<TermRow> {
  if (!isTermId(id)) throw notFound('signs.errors.notFound')
  const [row] = await db
    .select()
    .from(signTerms)
    .where(and(eq(signTerms.id, id), eq(signTerms.districtId, actor.districtId)))
  if (!row) throw notFound('signs.errors.notFound')
  return row
}

export async function getTerm(db: Database, actor: Actor, id: string): Promise<SignTermView> {
  const row = await findTerm(db, actor, id)
  return { ...viewOf(row), related: await relatedOf(db, row.id) }
}

function viewOf(row: TermRow): Omit<SignTermView, 'related'> {
  return {
    ...summaryOf(row),
    handshape: row.handshape,
    movement: row.movement,
    notes: row.notes,
    videoAssetId: row.videoAssetId,
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** Links are stored once and read both ways. */
async function relatedOf(db: Pick<Database, 'select'>, termId: string) {
  const links = await db
    .select({ termId: signTermLinks.termId, relatedId: signTermLinks.relatedId })
    .from(signTermLinks)
    .where(or(eq(signTermLinks.termId, termId), eq(signTermLinks.relatedId, termId)))
  const ids = [...new Set(links.map((l) => (l.termId === termId ? l.relatedId : l.termId)))]
  if (ids.length === 0) return []
  const rows = await db.select({ id: signTerms.id, word: signTerms.word }).from(signTerms).where(inArray(signTerms.id, ids)).orderBy(asc(signTerms.pinyin))
  return rows
}

export async function createTerm(db: Database, actor: Actor, input: unknown): Promise<SignTermView> {
  requirePermission(actor, 'edit:signs')
  const parsed = parseInput(signTermInput, input)
  const id = await db.transaction((tx) => saveTerm(tx, actor, parsed, null)).catch(wordTakenOnRace(parsed.word))
  return getTerm(db, actor, id)
}

export async function updateTerm(db: Database, actor: Actor, id: string, input: unknown): Promise<SignTermView> {
  requirePermission(actor, 'edit:signs')
  const existing = await findTerm(db, actor, id)
  const parsed = parseInput(signTermInput, input)
  await db.transaction((tx) => saveTerm(tx, actor, parsed, existing)).catch(wordTakenOnRace(parsed.word))
  return getTerm(db, actor, id)
}

/** Two editors saving the same new word at once: the second hears what the check would have said. */
const wordTakenOnRace = (word: string) => (error: unknown): never => {
  if (isUniqueViolation(error)) throw new AppError(400, { key: 'errors.badRequest' }, { fields: { word: { key: 'signs.errors.wordTaken', params: { word } } } })
  throw error
}

export async function deleteTerm(db: Database, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'edit:signs')
  const existing = await findTerm(db, actor, id)
  await db.transaction(async (tx) => {
    await tx.delete(signTerms).where(eq(signTerms.id, existing.id))
    await markForIndexing(tx, [searchDocumentId(existing.id)])
  })
}

/**
 * Writes one term and replaces its links, after checking what the input names: the word is free in
 * the district, the related words are terms of it, the video is a main asset the actor may watch.
 * Every problem is reported at once, per field, and nothing is written.
 */
export async function saveTerm(tx: Executor, actor: Actor, input: SignTermInput, existing: TermRow | null, options: { contentKey?: string } = {}): Promise<string> {
  const fields: FieldErrors = {}
  const [clash] = await tx
    .select({ id: signTerms.id })
    .from(signTerms)
    .where(and(eq(signTerms.districtId, actor.districtId), eq(signTerms.word, input.word)))
  if (clash && clash.id !== existing?.id) fields.word = { key: 'signs.errors.wordTaken', params: { word: input.word } }

  const relatedWords = input.related.filter((w) => w !== input.word)
  const relatedRows = relatedWords.length
    ? await tx
        .select({ id: signTerms.id, word: signTerms.word })
        .from(signTerms)
        .where(and(eq(signTerms.districtId, actor.districtId), inArray(signTerms.word, relatedWords)))
    : []
  const unknown = relatedWords.filter((w) => !relatedRows.some((r) => r.word === w))
  if (unknown.length) fields.related = { key: 'signs.errors.unknownRelated', params: { words: unknown.join('、') } }

  if (input.videoAssetId && input.videoAssetId !== existing?.videoAssetId) {
    const asset = await findAsset(tx as Database, actor, input.videoAssetId, 'view').catch(() => null)
    if (!asset || asset.role !== 'main') fields.videoAssetId = { key: 'signs.errors.videoNotFound' }
  }
  if (Object.keys(fields).length) throw new AppError(400, { key: 'errors.badRequest' }, { fields })

  const values = {
    word: input.word,
    ...searchKeysOf(input.word),
    category: input.category,
    handshape: input.handshape,
    movement: input.movement,
    notes: input.notes,
    videoAssetId: input.videoAssetId,
    updatedBy: actor.id,
    updatedAt: new Date(),
  }
  let id: string
  if (existing) {
    await tx.update(signTerms).set(values).where(eq(signTerms.id, existing.id))
    id = existing.id
    await tx.delete(signTermLinks).where(or(eq(signTermLinks.termId, id), eq(signTermLinks.relatedId, id)))
  } else {
    const [row] = await tx
      .insert(signTerms)
      .values({ ...values, districtId: actor.districtId, createdBy: actor.id, contentKey: options.contentKey ?? null })
      .returning({ id: signTerms.id })
    id = row!.id
  }
  await markForIndexing(tx, [searchDocumentId(id)])
  if (relatedRows.length) await tx.insert(signTermLinks).values(relatedRows.map((r) => ({ termId: id, relatedId: r.id }))).onConflictDoNothing()
  return id
}

export type SignVideo = { state: 'none' } | { state: 'pending' } | { state: 'ready'; source: PlayerSource }

/**
 * A term with what its reader can watch: the player's source once the media module has published a
 * version, 'pending' until then, 'none' without a video or when the asset is gone or out of reach.
 */
export async function getTermForReader(db: Database, actor: Actor, id: string): Promise<{ term: SignTermView; video: SignVideo }> {
  const term = await getTerm(db, actor, id)
  if (!term.videoAssetId) return { term, video: { state: 'none' } }
  const source = await getPlayerSource(db, actor, term.videoAssetId).catch(() => undefined)
  if (source === undefined) return { term, video: { state: 'none' } }
  return { term, video: source ? { state: 'ready', source } : { state: 'pending' } }
}

/** The glossary entries these marked term ids name, for a resource package (ids of other districts are skipped). */
export async function termsForPackage(db: Database, actor: Actor, ids: string[]): Promise<TermRow[]> {
  const valid = ids.filter(isTermId)
  if (valid.length === 0) return []
  return db
    .select()
    .from(signTerms)
    .where(and(eq(signTerms.districtId, actor.districtId), inArray(signTerms.id, valid)))
    .orderBy(asc(signTerms.pinyin))
}

/**
 * Links a package's sign terms to this district's glossary by word. A word the glossary lacks is
 * added (without its video, which stays with the sender) when the importer may edit the glossary;
 * otherwise its marks are dropped and the words are reported, the text itself stays.
 */
export async function linkPackageTerms(db: Database, actor: Actor, packed: { ref: string; word: string; category: string; handshape: string; movement: string; notes: string }[]) {
  const ids = new Map<string, string>()
  const dropped: string[] = []
  const createdIds: string[] = []
  let linked = 0
  if (packed.length === 0) return { ids, linked, created: 0, createdIds, dropped }
  const existing = await db
    .select({ id: signTerms.id, word: signTerms.word })
    .from(signTerms)
    .where(and(eq(signTerms.districtId, actor.districtId), inArray(signTerms.word, packed.map((t) => t.word))))
  for (const term of packed) {
    const found = existing.find((e) => e.word === term.word)
    if (found) {
      ids.set(term.ref, found.id)
      linked++
      continue
    }
    const input = signTermInput.safeParse({ word: term.word, category: term.category, handshape: term.handshape, movement: term.movement, notes: term.notes })
    if (!input.success || !can(actor.role, 'edit:signs')) {
      dropped.push(term.word)
      continue
    }
    const id = await db.transaction((tx) => saveTerm(tx, actor, input.data, null)).catch(wordTakenOnRace(term.word))
    ids.set(term.ref, id)
    createdIds.push(id)
  }
  return { ids, linked, created: createdIds.length, createdIds, dropped }
}
