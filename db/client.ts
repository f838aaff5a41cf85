import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import * as schema from './schema'

export { schema }
export type Schema = typeof schema
/** The one database type the modules see, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>

export interface SqlResult {
  rows: Record<string, unknown>[]
}

export interface DatabaseHandle {
  kind: 'pglite' | 'postgres'
  /** The PostgreSQL connection string, for libraries that open their own pool (pg-boss). */
  url?: string
  db: Database
  /** Raw SQL for libraries that bring their own (pg-boss). Without values it may hold several statements. */
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>
  migrate(): Promise<void>
  close(): Promise<void>
}

export type DatabaseTarget = { kind: 'pglite'; dataDir?: string; client?: PGlite } | { kind: 'postgres'; url: string; max?: number }

// Resolved from the working directory (the repository root for every npm script): this file is also
// bundled into build/, where import.meta.url would point elsewhere.
export const migrationsFolder = path.resolve('db/migrations')

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.max) : openPglite(target.client ?? (await newPglite(target.dataDir)))
}

export async function newPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  return PGlite.create({ dataDir, loadDataDir, extensions: { pg_trgm } })
}

function openPglite(client: PGlite): DatabaseHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Database
  return {
    kind: 'pglite',
    db,
    async executeSql(text, values) {
      // PGlite's extended protocol takes one statement; parameterless scripts go through exec.
      if (!values?.length) {
        const results = await client.exec(text)
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] }
      }
      const result = await client.query(text, values)
      return { rows: result.rows as Record<string, unknown>[] }
    },
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  }
}

function openPostgres(url: string, max = 10): DatabaseHandle {
  const sql = postgres(url, { max, onnotice: () => {} })
  const db = drizzlePostgres({ client: sql, schema }) as unknown as Database
  return {
    kind: 'postgres',
    url,
    db,
    async executeSql(text, values) {
      const rows = values?.length ? await sql.unsafe(text, values as never[]) : await sql.unsafe(text).simple()
      const last = Array.isArray(rows[0]) ? rows.at(-1) : rows
      return { rows: [...(last as Iterable<Record<string, unknown>>)] }
    },
    migrate: () => migratePostgres(db as never, { migrationsFolder }),
    close: () => sql.end({ timeout: 5 }),
  }
}
