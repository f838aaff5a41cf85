/**
 * A web process of the embedded default (PGlite, local files, in-process worker), driven by the crash
 * test: it is killed with SIGKILL mid-transcode and started again on the same data directory.
 * Reports what happens as JSON lines on stdout.
 *
 *   tsx crash-child.ts first <clip>   upload the clip, wait until v1 is ready, ask for a new version and report its progress
 *   tsx crash-child.ts restart <id>   start again and report when the asset is ready
 */
import { eq } from 'drizzle-orm'
import { mediaAssets } from '../../../db/schema'
import { retryTranscode } from '../../../app/modules/media/assets.server'
import { ingestFile } from '../../../app/modules/media/uploads.server'
import { parseConfig } from '../../../app/platform/config.server'
import { boot } from '../../../app/platform/runtime.server'
import { actorFor } from '../../support/media'

const [mode, arg] = process.argv.slice(2)
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`)

const rt = await boot(parseConfig(process.env), { work: true })
const teacher = await actorFor(rt.db, 'teacher')
const state = async (assetId: string) => (await rt.db.select().from(mediaAssets).where(eq(mediaAssets.id, assetId)))[0]!

async function waitFor(assetId: string, done: (a: Awaited<ReturnType<typeof state>>) => boolean, report = false) {
  let last = -1
  for (;;) {
    const asset = await state(assetId)
    if (report && asset.status === 'processing' && asset.progress !== last) {
      last = asset.progress
      say({ event: 'progress', status: asset.status, progress: asset.progress, version: asset.lastVersion })
    }
    if (done(asset)) return asset
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

if (mode === 'first') {
  const { statSync } = await import('node:fs')
  const { assetId } = await ingestFile(rt, teacher, { path: arg!, name: 'lesson.mp4', size: statSync(arg!).size, type: 'video/mp4' })
  say({ event: 'ingested', assetId })
  const ready = await waitFor(assetId, (a) => a.status === 'ready' || a.status === 'failed')
  say({ event: 'ready', assetId, version: ready.currentVersion, status: ready.status })
  await retryTranscode(rt, teacher, assetId)
  // The test kills this process while the run goes; finishing first would make the test meaningless, so say so.
  const finished = await waitFor(assetId, (a) => a.status !== 'processing' && a.status !== 'queued', true)
  say({ event: 'finished-before-kill', status: finished.status, version: finished.currentVersion })
} else if (mode === 'restart') {
  const ready = await waitFor(arg!, (a) => a.status === 'ready' || a.status === 'failed')
  say({ event: 'ready', assetId: arg, version: ready.currentVersion, status: ready.status })
  await rt.stop()
  process.exit(0)
}
