import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Database } from '#db/client'
import type { Actor } from '~/modules/accounts/actor'
import { importSignTerms } from './import.server'

/**
 * The starter glossary, content/signs/glossary.csv, loaded through the CSV import by the corpus's
 * author. Words already in the district are left as they are, so loading twice changes nothing and
 * a teacher's corrections survive. A bad row in our own content is a bug: it stops the load loudly.
 */
export async function loadSignGlossary(db: Database, author: Actor, contentDir: string): Promise<{ loaded: number; skipped: number }> {
  const file = path.join(contentDir, 'signs', 'glossary.csv')
  const csv = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (csv === null) return { loaded: 0, skipped: 0 }
  const report = await importSignTerms(db, author, csv, { existing: 'skip', contentKeyPrefix: 'glossary:' })
  if (report.failed.length) {
    const detail = report.failed.map((f) => `row ${f.row} (${f.word}): ${Object.values(f.fields).map((m) => m.key).join(', ')}`).join('; ')
    throw new Error(`content/signs/glossary.csv: ${detail}`)
  }
  return { loaded: report.imported.length, skipped: report.skipped.length }
}
