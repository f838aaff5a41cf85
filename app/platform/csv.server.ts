import { parse } from 'csv-parse/sync'
import { AppError, type Message } from './errors'

/**
 * The rows of an uploaded CSV file keyed by lower-cased header, for the per-row imports (accounts,
 * sign glossary). A file that cannot be read at all — not CSV, empty, too long, without a required
 * column — is refused as a whole with one message on the `file` field; what each row holds is the
 * importer's to judge.
 */
export function readCsvRows(csv: string, options: { required: readonly string[]; maxRows: number }): Record<string, string | undefined>[] {
  let rows: Record<string, string>[]
  try {
    rows = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, relax_column_count: true })
  } catch (error) {
    throw csvError({ key: 'errors.csvParse', params: { reason: error instanceof Error ? error.message : String(error) } })
  }
  if (rows.length === 0) throw csvError({ key: 'errors.csvEmpty' })
  if (rows.length > options.maxRows) throw csvError({ key: 'errors.csvTooLarge', params: { max: options.maxRows } })
  const missing = options.required.filter((column) => !(column in rows[0]!))
  if (missing.length) throw csvError({ key: 'errors.csvHeader', params: { columns: missing.join(', ') } })
  return rows
}

const csvError = (message: Message) => new AppError(400, message, { fields: { file: message } })
