import { parse } from 'csv-parse/sync'
import { and, eq } from 'drizzle-orm'
import type { Database } from '#db/client'
import { signTerms } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { requirePermission } from '~/modules/accounts/permissions'
import { AppError, fieldErrorsOf, type FieldErrors, type Message } from '~/platform/errors'
import { isSignCategory, signCategories, type SignCategory } from './categories'
import { signsEn } from './i18n/en'
import { signsZhCN } from './i18n/zh-CN'
import { signTermInput } from './schemas'
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
 * Rows are tried in file order and a row failing only because it names a word of a later row is
 * tried again after it, so a file may list related words in any order.
 */
export async function importSignTerms(
  db: Database,
  actor: Actor,
  csv: string,
  options: { existing?: 'update' | 'skip'; contentKeyPrefix?: string } = {},
): Promise<SignImportReport> {
  requirePermission(actor, 'edit:signs')
  const rows = parseCsv(csv)
  const report: SignImportReport = { imported: [], skipped: [], failed: [] }
  const firstRowOf = new Map<string, number>()
  let pending: { row: number; word: string; raw: Record<string, string | undefined> }[] = []

  rows.forEach((raw, index) => {
    const row = index + 2
    const word = (raw.word ?? '').trim()
    const first = firstRowOf.get(word)
    if (word && first !== undefined) {
      report.failed.push({ row, word, fields: { word: { key: 'signs.errors.duplicateInFile', params: { word, first } } } })
      return
    }
    if (word) firstRowOf.set(word, row)
    pending.push({ row, word, raw })
  })

  let progress = true
  let lastFailures = new Map<number, FieldErrors>()
  while (pending.length && progress) {
    progress = false
    const retry: typeof pending = []
    lastFailures = new Map()
    for (const item of pending) {
      const outcome = await importRow(db, actor, item.raw, options, item.row)
      if (outcome.ok) {
        if (outcome.skipped) report.skipped.push({ row: item.row, word: item.word })
        else report.imported.push({ row: item.row, word: item.word, created: outcome.created })
        progress = true
      } else {
        lastFailures.set(item.row, outcome.fields)
        // Only a missing related word can be cured by a later row going in.
        if (Object.keys(outcome.fields).every((f) => f === 'related')) retry.push(item)
        else report.failed.push({ row: item.row, word: item.word, fields: outcome.fields })
      }
    }
    pending = retry
  }
  for (const item of pending) report.failed.push({ row: item.row, word: item.word, fields: lastFailures.get(item.row) ?? {} })

  report.failed.sort((a, b) => a.row - b.row)
  report.imported.sort((a, b) => a.row - b.row)
  report.skipped.sort((a, b) => a.row - b.row)
  return report
}

type RowOutcome = { ok: true; created: boolean; skipped: boolean } | { ok: false; fields: FieldErrors }

async function importRow(db: Database, actor: Actor, raw: Record<string, string | undefined>, options: { existing?: 'update' | 'skip'; contentKeyPrefix?: string }, row: number): Promise<RowOutcome> {
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
  if (!parsed.success || Object.keys(fields).length) return { ok: false, fields: renameFields(fields) }

  const input = parsed.data
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx
        .select()
        .from(signTerms)
        .where(and(eq(signTerms.districtId, actor.districtId), eq(signTerms.word, input.word)))
      if (existing && options.existing === 'skip') return { ok: true as const, created: false, skipped: true }
      const contentKey = options.contentKeyPrefix ? `${options.contentKeyPrefix}${input.word}` : undefined
      await saveTerm(tx, actor, input, existing ?? null, { contentKey })
      return { ok: true as const, created: !existing, skipped: false }
    })
  } catch (error) {
    if (error instanceof AppError) return { ok: false, fields: renameFields(error.options.fields ?? { _: error.userMessage }) }
    throw new Error(`sign glossary import failed on row ${row}`, { cause: error })
  }
}

/** The report names the CSV's columns, not the form's fields. */
const renameFields = (fields: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(fields).map(([field, message]) => [field === 'videoAssetId' ? 'video' : field, message]))

function parseCsv(csv: string): Record<string, string | undefined>[] {
  let rows: Record<string, string>[]
  try {
    rows = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, relax_column_count: true })
  } catch (error) {
    throw csvError({ key: 'errors.csvParse', params: { reason: error instanceof Error ? error.message : String(error) } })
  }
  if (rows.length === 0) throw csvError({ key: 'errors.csvEmpty' })
  if (rows.length > maxImportRows) throw csvError({ key: 'errors.csvTooLarge', params: { max: maxImportRows } })
  const missing = requiredColumns.filter((column) => !(column in rows[0]!))
  if (missing.length) throw csvError({ key: 'errors.csvHeader', params: { columns: missing.join(', ') } })
  return rows
}

const csvError = (message: Message) => new AppError(400, message, { fields: { file: message } })
