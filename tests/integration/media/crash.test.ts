import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { getPlayerSource } from '../../../app/modules/media/assets.server'
import { openPublishedFile } from '../../../app/modules/media/delivery.server'
import { mediaKeys } from '../../../app/modules/media/keys'
import { parseConfig } from '../../../app/platform/config.server'
import { boot, type Runtime } from '../../../app/platform/runtime.server'
import { actorFor, assetRow, keysUnder, probeRendition, readText } from '../../support/media'
import { makeClip } from '../../support/media-clips'

/**
 * Kill the worker mid-transcode (SIGKILL: no clean-up of any kind), start it again, and check that
 * the previous version was served all along, the job finished, and nothing is duplicated or half
 * published. Runs the embedded default, whose worker is the web process itself.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'tongxing-crash-'))
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, SESSION_SECRET: 'crash-test-secret-crash-test-secret!!', SEED_DEMO: 'true', WORKER: 'inline' }
delete env.DATABASE_URL
delete env.STORAGE
const children: ChildProcess[] = []

function startChild(...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/integration/media/crash-child.ts'), ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  const events: Record<string, unknown>[] = []
  const waiters: { test: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('{')) return
    const event = JSON.parse(line) as Record<string, unknown>
    if (process.env.CRASH_DEBUG) console.error('[crash-child]', args[0], line)
    events.push(event)
    for (const waiter of waiters.splice(0)) {
      if (waiter.test(event)) waiter.resolve(event)
      else waiters.push(waiter)
    }
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    exited,
    next: (test: (e: Record<string, unknown>) => boolean) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const found = events.find(test)
        if (found) return resolve(found)
        waiters.push({ test, resolve })
        void exited.then((code) => reject(new Error(`child exited (${code}) before the expected event`)))
      }),
  }
}

async function inspect<T>(look: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await boot(parseConfig(env), { work: false })
  try {
    return await look(rt)
  } finally {
    await rt.stop()
  }
}

afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
})

describe('a worker killed mid-transcode', () => {
  it('leaves the previous version served, and the job completes on restart without duplicates', { timeout: 240_000 }, async () => {
    const clip = makeClip(path.join(dataDir, 'clips'), 'crash')
    const first = startChild('first', clip.file)
    const { assetId } = (await first.next((e) => e.event === 'ingested')) as { assetId: string }
    const ready = await first.next((e) => e.event === 'ready')
    expect(ready).toMatchObject({ version: 1, status: 'ready' })
    // The second run is well under way (its heartbeat has saved progress) when the process dies.
    // Progress 2 or more means ffprobe is done and the ladder is being encoded (or stored).
    const running = await first.next((e) => (e.event === 'progress' && Number(e.progress) >= 2) || e.event === 'finished-before-kill')
    expect(running).toMatchObject({ event: 'progress', version: 2 })
    first.child.kill('SIGKILL')
    await first.exited

    const between = await inspect(async (rt) => {
      const teacher = await actorFor(rt.db, 'teacher')
      const asset = await assetRow(rt.db, assetId)
      const source = await getPlayerSource(rt.db, teacher, assetId)
      const v1 = await probeRendition(rt.storage, mediaKeys.version(assetId, 1), '240p/index.m3u8')
      const half = await openPublishedFile(rt, teacher, assetId, 'v2/master.m3u8').then(
        () => 'served',
        (error: Error) => error.message,
      )
      return { asset, source, v1, half }
    })
    // Still version 1, whole and playable; the dead run's version 2 is unreachable.
    expect(between.asset).toMatchObject({ status: 'processing', currentVersion: 1, lastVersion: 2 })
    expect(between.source?.src).toBe(`/media/${assetId}/files/v1/master.m3u8`)
    expect(between.v1).toMatchObject({ endList: true, video: { width: 426, height: 240 } })
    expect(between.half).toBe('media.errors.notFound')

    const second = startChild('restart', assetId)
    const done = await second.next((e) => e.event === 'ready')
    expect(done).toMatchObject({ status: 'ready', version: 3 })
    expect(await second.exited).toBe(0)

    await inspect(async (rt) => {
      const asset = await assetRow(rt.db, assetId)
      expect(asset).toMatchObject({ status: 'ready', currentVersion: 3, activeRun: null, failure: null })
      // Exactly one version is stored: v1 was retired on publish and the half-written v2 removed.
      const keys = await keysUnder(rt.storage, mediaKeys.versionsPrefix(assetId))
      expect(new Set(keys.map((k) => k.split('/')[2]))).toEqual(new Set(['v3']))
      // Each rendition complete, each segment listed once and stored once.
      for (const variant of asset.outputs!.variants) {
        const playlist = await readText(rt.storage, mediaKeys.version(assetId, 3) + variant.playlist)
        expect(playlist).toContain('#EXT-X-ENDLIST')
        const segments = playlist.split('\n').filter((l) => l.endsWith('.m4s'))
        expect(new Set(segments).size).toBe(segments.length)
        const stored = keys.filter((k) => k.startsWith(`${mediaKeys.version(assetId, 3)}${variant.name}/`) && k.endsWith('.m4s'))
        expect(stored.length).toBe(segments.length)
      }
      // The job queue holds nothing more for it: a late delivery of the dead run's job would claim nothing.
      const pending = await rt.database.executeSql(`select count(*)::int as n from pgboss.job where name = 'media.transcode' and state in ('created', 'retry') and data->>'assetId' = $1`, [assetId])
      expect(Number(pending.rows[0]!.n)).toBe(0)
    })
  })
})
