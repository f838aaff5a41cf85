import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { newPglite, openDatabase } from '../../db/client'
import postgres from 'postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string
    postgresTemplate: string
  }
}

/**
 * Migrates one database before any test runs; every test file then works on its own clone of it:
 * a PGlite data-dir snapshot always, and a PostgreSQL template database when DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongxing-test-'))
  const pglite = await newPglite()
  const handle = await openDatabase({ kind: 'pglite', client: pglite })
  await handle.migrate()
  const snapshot = path.join(dir, 'migrated.tar.gz')
  writeFileSync(snapshot, Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()))
  await handle.close()
  project.provide('pgliteSnapshot', snapshot)

  let template = ''
  const url = process.env.DATABASE_URL
  if (url) {
    template = `tongxing_template_${process.pid}`
    const admin = postgres(url, { max: 1, onnotice: () => {} })
    await admin.unsafe(`drop database if exists ${template}`)
    await admin.unsafe(`create database ${template}`)
    const templateUrl = new URL(url)
    templateUrl.pathname = `/${template}`
    const migrated = await openDatabase({ kind: 'postgres', url: templateUrl.href, max: 1 })
    await migrated.migrate()
    await migrated.close()
    await admin.end()
  }
  project.provide('postgresTemplate', template)

  return async () => {
    rmSync(dir, { recursive: true, force: true })
    if (url && template) {
      const admin = postgres(url, { max: 1, onnotice: () => {} })
      const leftovers = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${template}_%`} or datname = ${template}`
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`)
      await admin.end()
    }
  }
}
