import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import postgres from 'postgres'
import { inject } from 'vitest'
import { newPglite, openDatabase, type DatabaseHandle } from '../../db/client'

export type DatabaseKind = 'pglite' | 'postgres'

/** The database kinds this run covers: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const databaseKinds: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']

/** A fresh, migrated database of its own for a test file: cloned, not migrated again. */
export async function cloneDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    const snapshot = readFileSync(inject('pgliteSnapshot'))
    return openDatabase({ kind: 'pglite', client: await newPglite(undefined, new Blob([snapshot])) })
  }
  const url = process.env.DATABASE_URL!
  const name = `${inject('postgresTemplate')}_${randomBytes(4).toString('hex')}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name} template ${inject('postgresTemplate')}`)
  await admin.end()
  const cloneUrl = new URL(url)
  cloneUrl.pathname = `/${name}`
  const handle = await openDatabase({ kind: 'postgres', url: cloneUrl.href, max: 4 })
  return {
    ...handle,
    async close() {
      await handle.close()
      const dropper = postgres(url, { max: 1, onnotice: () => {} })
      await dropper.unsafe(`drop database if exists ${name} with (force)`)
      await dropper.end()
    },
  }
}
