import { ConfigError, parseConfig } from '../app/platform/config.server'
import { seedDemo } from '../app/modules/accounts/demo.server'
import { seedLearningDemoStudents } from '../app/modules/learning/assignments-demo.server'
import { openDatabase } from './client'

/**
 * `npm run seed:demo`: the demo district and its five accounts, for a scaled installation that asks
 * for them (the embedded default creates them by itself). Running it twice changes nothing.
 */
try {
  const config = parseConfig(process.env)
  const database = await openDatabase(config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: config.database.dataDir })
  await database.migrate()
  const { created } = await seedDemo(database.db)
  // 三年级（1）班's classmates; their demo lesson is assigned once the starter content is loaded (npm run content:load, then start).
  await seedLearningDemoStudents(database.db)
  console.log(created ? 'Demo district and accounts created (password: tongxing-demo).' : 'The demo district exists already; nothing changed.')
  await database.close()
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
}
