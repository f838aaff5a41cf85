import { ConfigError, parseConfig } from '../app/platform/config.server'
import { loadContent } from '../app/modules/library/content.server'
import { createObjectStore } from '../app/platform/storage/index.server'
import { openDatabase } from './client'

/**
 * `npm run content:load`: the starter corpus under content/ into the demo district (or the district
 * whose code CONTENT_DISTRICT names). Running it twice changes nothing. Thumbnails are made when the
 * web process or a worker next runs its jobs.
 */
try {
  const config = parseConfig(process.env)
  const database = await openDatabase(config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: config.database.dataDir })
  await database.migrate()
  const result = await loadContent({ db: database.db, storage: createObjectStore(config.storage) }, { districtCode: process.env.CONTENT_DISTRICT || 'demo' })
  if ('reason' in result) console.error(`No district with code "${process.env.CONTENT_DISTRICT || 'demo'}": run npm run seed:demo first, or set CONTENT_DISTRICT.`)
  else console.log(`Starter content: ${result.loaded} loaded, ${result.skipped} already there; sign glossary: ${result.signGlossary.loaded} loaded, ${result.signGlossary.skipped} already there.`)
  await database.close()
  if ('reason' in result) process.exit(1)
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
}
