import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestFile } from '../../../app/modules/media/uploads.server'
import { makeClip, type ClipName } from '../../support/media-clips'
import { actorFor, assetRow, keysUnder, probeRendition } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'
import { mediaKeys } from '../../../app/modules/media/keys'

/**
 * The scaled shape: the web process only queues; separate `npm run worker` processes (two here) take
 * the transcode jobs from pg-boss on PostgreSQL, sharing the store. Each video is made exactly once.
 */
const workerEnv = (rt: Runtime): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: rt.database.url,
  DATA_DIR: rt.config.dataDir,
  STORAGE: 'local',
  WORKER: 'external',
  SEED_DEMO: 'false',
  SESSION_SECRET: 'workers-test-secret-workers-test-secret',
})

describe.skipIf(!process.env.DATABASE_URL)('separate worker processes on PostgreSQL', () => {
  let rt: Runtime
  const workers: ChildProcess[] = []
  const clipsDir = mkdtempSync(path.join(tmpdir(), 'tongxing-clips-'))

  const startWorker = () => {
    const worker = spawn(process.execPath, ['--import', 'tsx', path.resolve('media-worker/index.ts')], { env: workerEnv(rt), stdio: ['ignore', 'ignore', 'inherit'] })
    workers.push(worker)
    return worker
  }

  beforeAll(async () => {
    rt = await startTestRuntime('postgres')
    for (let i = 0; i < 2; i++) startWorker()
  })
  afterAll(async () => {
    await Promise.all(workers.map((w) => new Promise<void>((resolve) => (w.exitCode !== null || w.signalCode !== null ? resolve() : (w.on('exit', () => resolve()), w.kill('SIGTERM'))))))
    await stopTestRuntime(rt)
  })

  it('take the queued videos from the shared queue and make each exactly once', { timeout: 180_000 }, async () => {
    const teacher = await actorFor(rt.db, 'teacher')
    const names: ClipName[] = ['h264', 'portrait', 'silent', 'audioOnly', 'odd', 'tiny']
    const ids: string[] = []
    for (const name of names) {
      const clip = makeClip(clipsDir, name)
      ids.push((await ingestFile(rt, teacher, { path: clip.file, name: path.basename(clip.file), size: clip.size, type: clip.type })).assetId)
    }
    const deadline = Date.now() + 150_000
    for (;;) {
      const rows = await Promise.all(ids.map((id) => assetRow(rt.db, id)))
      if (rows.every((r) => r.status === 'ready' || r.status === 'failed')) break
      if (Date.now() > deadline) throw new Error(`not done: ${rows.map((r) => `${r.status} ${r.progress}%`).join(', ')}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    for (const id of ids) {
      const row = await assetRow(rt.db, id)
      expect(row).toMatchObject({ status: 'ready', currentVersion: 1, lastVersion: 1, attempts: 1, failure: null })
    }
    const first = await assetRow(rt.db, ids[0]!)
    expect(await probeRendition(rt.storage, mediaKeys.version(ids[0]!, 1), first.outputs!.variants.at(-1)!.playlist)).toMatchObject({ endList: true, video: { height: 240 } })
  })
  it('a worker killed mid-job: once its heartbeat is a minute old, the next worker to start takes the job over', { timeout: 240_000 }, async () => {
    for (const worker of workers.splice(0)) {
      worker.kill('SIGTERM')
      await new Promise((resolve) => worker.on('exit', resolve))
    }
    const teacher = await actorFor(rt.db, 'teacher')
    const victim = startWorker()
    const clip = makeClip(clipsDir, 'crash')
    const { assetId } = await ingestFile(rt, teacher, { path: clip.file, name: 'crash.mp4', size: clip.size, type: clip.type })
    for (;;) {
      const row = await assetRow(rt.db, assetId)
      if (row.status === 'processing' && row.progress >= 2) break
      expect(row.status).not.toBe('ready')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    victim.kill('SIGKILL')
    await new Promise((resolve) => victim.on('exit', resolve))
    const killedAt = Date.now()
    // Its run stays "processing" with a stopped heartbeat; nothing is published meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 61_000))
    expect(await assetRow(rt.db, assetId)).toMatchObject({ status: 'processing', currentVersion: null })
    startWorker()
    for (;;) {
      const row = await assetRow(rt.db, assetId)
      if (row.status === 'ready') break
      expect(Date.now() - killedAt).toBeLessThan(200_000)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(await assetRow(rt.db, assetId)).toMatchObject({ status: 'ready', currentVersion: 2, attempts: 2, activeRun: null })
    const versions = new Set((await keysUnder(rt.storage, mediaKeys.versionsPrefix(assetId))).map((k) => k.split('/')[2]))
    expect([...versions]).toEqual(['v2'])
  })
})
