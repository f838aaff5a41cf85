import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client'
import { signTermLinks, signTerms } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { requirePermission } from '~/modules/accounts/permissions'
import { readCsvRows } from '~/platform/csv.server'
import { AppError, fieldErrorsOf, type FieldErrors } from '~/platform/errors'
import { isSignCategory, signCategories, type SignCategory } from './categories'
import { signsEn } from './i18n/en'
import { signsZhCN } from './i18n/zh-CN'
import { signTermInput, type SignTermInput } from './schemas'
import { saveTerm } from './terms.server'

export const maxImportRows = 2000
const requiredColumns = ['word', 'category'] as const

export interface SignImportRowError {
  row: number
  word: string
  fields: FieldErrors
}

export interface SignImportReport {
  imported: { row: number; word: string; created: boolean }[]
  skipped: { row: number; word: string }[]
  failed: SignImportRowError[]
}

/** A category as a CSV names it: its code, or its label in either language. */
export function categoryFromCsv(value: string | undefined): SignCategory | null {
  const name = (value ?? '').trim()
  if (isSignCategory(name.toLowerCase())) return name.toLowerCase() as SignCategory
  for (const category of signCategories) {
    if (signsZhCN.categories[category] === name || signsEn.categories[category].toLowerCase() === name.toLowerCase()) return category
  }
  return null
}

/**
 * Imports a glossary from CSV. Each row stands alone: a bad row is reported with its line number and
 * writes nothing of itself; the others go in. A word already in the district is updated, or left as
 * it is with `existing: 'skip'` (the starter glossary, so a teacher's corrections survive reloading).
 * Related words may name the glossary or any good row of the file, in any order (two rows may name
 * each other): each row is written with the links it can have at that moment, and the links to rows
 * further down are added once those are in.
 */
export async function importSignTerms(
  db: Database,
  actor: Actor,
  csv: string,
  options: { existing?: 'update' | 'skip'; contentKeyPrefix?: string } = {},
): Promise<SignImportReport> {
  requirePermission(actor, 'edit:signs')
  const rows = readCsvRows(csv, { required: requiredColumns, maxRows: maxImportRows })
  const report: SignImportReport = { imported: [], skipped: [], failed: [] }
  const fail = (row: number, word: string, fields: FieldErrors) => report.failed.push({ row, word, fields: renameFields(fields) })

  const firstRowOf = new Map<string, number>()
  let good: { row: number; input: SignTermInput }[] = []
  rows.forEach((raw, index) => {
    const row = index + 2
    const word = (raw.word ?? '').trim()
    const first = firstRowOf.get(word)
    if (word && first !== undefined) return fail(row, word, { word: { key: 'signs.errors.duplicateInFile', params: { word, first } } })
    if (word) firstRowOf.set(word, row)
    const parsed = parseRow(raw)
    if (parsed.ok) good.push({ row, input: parsed.input })
    else fail(row, word, parsed.fields)
  })

  // A related word must be in the glossary or on a good row; dropping a row can orphan others, so repeat until stable.
  const glossary = new Set((await db.select({ word: signTerms.word }).from(signTerms).where(eq(signTerms.districtId, actor.districtId))).map((r) => r.word))
  for (let changed = true; changed; ) {
    changed = false
    const known = new Set([...glossary, ...good.map((g) => g.input.word)])
    good = good.filter(({ row, input }) => {
      const unknown = input.related.filter((w) => !known.has(w))
      if (unknown.length === 0) return true
      fail(row, input.word, { related: { key: 'signs.errors.unknownRelated', params: { words: unknown.join('、') } } })
      changed = true
      return false
    })
  }

  const deferred: { termId: string; words: string[] }[] = []
  for (const { row, input } of good) {
    try {
      await db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(signTerms)
          .where(and(eq(signTerms.districtId, actor.districtId), eq(signTerms.word, input.word)))
        if (existing && options.existing === 'skip') {
          report.skipped.push({ row, word: input.word })
          return
        }
        const present = new Set((input.related.length ? await tx.select({ word: signTerms.word }).from(signTerms).where(and(eq(signTerms.districtId, actor.districtId), inArray(signTerms.word, input.related))) : []).map((r) => r.word))
        const contentKey = options.contentKeyPrefix ? `${options.contentKeyPrefix}${input.word}` : undefined
        const termId = await saveTerm(tx, actor, { ...input, related: input.related.filter((w) => present.has(w)) }, existing ?? null, { contentKey })
        const later = input.related.filter((w) => !present.has(w))
        if (later.length) deferred.push({ termId, words: later })
        report.imported.push({ row, word: input.word, created: !existing })
      })
    } catch (error) {
      if (!(error instanceof AppError)) throw new Error(`sign glossary import failed on row ${row}`, { cause: error })
      fail(row, input.word, error.options.fields ?? { _: error.userMessage })
    }
  }
  for (const { termId, words } of deferred) {
    const targets = await db
      .select({ id: signTerms.id })
      .from(signTerms)
      .where(and(eq(signTerms.districtId, actor.districtId), inArray(signTerms.word, words)))
    if (targets.length) await db.insert(signTermLinks).values(targets.map((t) => ({ termId, relatedId: t.id }))).onConflictDoNothing()
  }

  report.failed.sort((a, b) => a.row - b.row)
  report.imported.sort((a, b) => a.row - b.row)
  report.skipped.sort((a, b) => a.row - b.row)
  return report
}

function parseRow(raw: Record<string, string | undefined>): { ok: true; input: SignTermInput } | { ok: false; fields: FieldErrors } {
  const categoryText = raw.category?.trim() ?? ''
  const category = categoryFromCsv(categoryText)
  const parsed = signTermInput.safeParse({
    word: raw.word,
    category: category ?? undefined,
    handshape: raw.handshape,
    movement: raw.movement,
    notes: raw.notes,
    related: raw.related,
    videoAssetId: raw.video?.trim() ?? '',
  })
  const fields: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error)
  if (!category && categoryText) fields.category = { key: 'signs.errors.unknownCategory', params: { name: categoryText } }
  if (!parsed.success || Object.keys(fields).length) return { ok: false, fields }
  return { ok: true, input: { ...parsed.data, related: parsed.data.related.filter((w) => w !== parsed.data.word) } }
}

/** The report names the CSV's columns, not the form's fields. */
const renameFields = (fields: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(fields).map(([field, message]) => [field === 'videoAssetId' ? 'video' : field, message]))
