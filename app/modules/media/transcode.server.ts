import { randomUUID } from 'node:crypto'
import { markResourcesShowingMedia } from '~/modules/library/search-source.server'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { and, eq, lt, or, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { mediaAssets, mediaUploads, type MediaMessage, type MediaOutputs } from '#db/schema'
import { jobTypes, type Queue } from '~/platform/queue.server'
import type { ObjectStore } from '~/platform/storage/object-store'
import { deletePrefix } from './assets.server'
import { originalBytes } from './uploads.server'
import { probeMedia, resolveMediaTools, runTool, type MediaTools } from './ffmpeg.server'
import { mediaKeys, versionOfKey } from './keys'
import { downloadArguments, ladderArguments, masterPlaylist, measurePlaylist, outputPaths, planLadder, storyboardVtt, type LadderPlan, type MeasuredRendition } from './ladder'

export interface TranscodeDeps {
  db: Database
  storage: ObjectStore
  tools: MediaTools
  /** Where the original and the outputs are staged while ffmpeg works (the OS temp folder by default). */
  scratchDir?: string
  /** Told of progress (0–100) as it is saved; the crash test watches it. */
  onProgress?: (assetId: string, percent: number) => void
}

/** A run that has not said it is alive for this long is taken to be dead (its worker crashed or was killed). */
export const stallSeconds = 60
const heartbeatMs = 1_000
/** Every run of a job counts, crashed ones too; after this many the asset ends failed. */
export const maxAttempts = jobTypes['media.transcode'].retryLimit + 1

const toolsByPath = new Map<string, MediaTools>()
export function mediaTools(ffmpegPath?: string): MediaTools {
  const key = ffmpegPath ?? ''
  let tools = toolsByPath.get(key)
  if (!tools) toolsByPath.set(key, (tools = resolveMediaTools(ffmpegPath)))
  return tools
}

/** Each run's scratch folder (original and outputs) is `<tmp>/<scratchPrefix>XXXXXX`. */
export const scratchPrefix = 'tongxing-transcode-'

/** Thrown when another run has taken over this asset: this one stops quietly and publishes nothing. */
class Superseded extends Error {}

/**
 * The `media.transcode` job: claim the asset, fetch its original, ffprobe it, run the one ffmpeg
 * ladder, put the outputs under a new version prefix, then flip the asset to that version in one
 * statement. The previous version keeps being served until that flip; a run that fails or dies leaves
 * only an unreferenced prefix, removed after the next publish.
 */
export async function transcodeAsset(deps: TranscodeDeps, assetId: string): Promise<void> {
  const run = randomUUID()
  const claimed = await claim(deps.db, assetId, run)
  if (!claimed) return // already done, or another live run has it: a duplicate or late delivery of the job
  const { version, attempts } = claimed
  const prefix = mediaKeys.version(assetId, version)
  const work = await mkdtemp(path.join(deps.scratchDir ?? tmpdir(), scratchPrefix))
  const abort = new AbortController()
  let progress = 0
  let saved = -1
  let lost = false
  const beat = async () => {
    const [alive] = await deps.db
      .update(mediaAssets)
      .set({ heartbeatAt: new Date(), progress })
      .where(and(eq(mediaAssets.id, assetId), eq(mediaAssets.activeRun, run)))
      .returning({ id: mediaAssets.id })
    if (!alive) {
      lost = true
      abort.abort()
    } else if (progress !== saved) {
      saved = progress
      deps.onProgress?.(assetId, progress)
    }
  }
  const timer = setInterval(() => void beat().catch(() => {}), heartbeatMs)
  try {
    const source = path.join(work, 'source')
    await fetchOriginal(deps, assetId, source)
    const probed = await probeMedia(deps.tools, source)
    if (!probed.ok) {
      console.warn(`[media] ${assetId} refused: ${probed.reason.key} ${probed.detail.slice(0, 300)}`)
      await failRun(deps.db, assetId, run, probed.reason)
      return
    }
    const plan = planLadder(probed.probe)
    progress = 2
    const out = path.join(work, 'out')
    await encode(deps.tools, plan, source, out, abort.signal, (p) => (progress = Math.max(progress, Math.min(89, 2 + Math.floor(p * 0.87)))))
    const outputs = await finishOutputs(deps.tools, plan, out, abort.signal)
    progress = 90
    await uploadFolder(deps.storage, out, prefix, (done) => (progress = 90 + Math.floor(done * 9)))
    if (lost) throw new Superseded()
    const published = await publish(deps.db, assetId, run, version, outputs, probed.probe)
    if (!published) throw new Superseded()
    deps.onProgress?.(assetId, 100)
    // Older versions are no longer referenced by anything; newer ones may belong to a later run, so stay.
    await deletePrefix(deps.storage, mediaKeys.versionsPrefix(assetId), (key) => (versionOfKey(assetId, key) ?? Infinity) >= version).catch((error) =>
      console.warn(`[media] ${assetId}: could not remove old versions`, error),
    )
  } catch (error) {
    await deletePrefix(deps.storage, prefix).catch(() => {})
    if (error instanceof Superseded || lost) return
    console.error(`[media] ${assetId} transcode attempt ${attempts} failed:`, error instanceof Error ? error.message : error)
    if (attempts >= maxAttempts) {
      await failRun(deps.db, assetId, run, { key: 'media.errors.transcodeFailed' })
      return
    }
    // Back in the queue for pg-boss's retry (with backoff); the previous version, if any, stays served.
    await deps.db
      .update(mediaAssets)
      .set({ status: 'queued', activeRun: null, heartbeatAt: null, updatedAt: new Date() })
      .where(and(eq(mediaAssets.id, assetId), eq(mediaAssets.activeRun, run)))
    throw error
  } finally {
    clearInterval(timer)
    await rm(work, { recursive: true, force: true })
  }
}

/** Takes the asset for this run, if it is waiting or its run has stalled; allocates the run's version. */
async function claim(db: Database, assetId: string, run: string) {
  const stale = sql`now() - make_interval(secs => ${stallSeconds})`
  const [row] = await db
    .update(mediaAssets)
    .set({
      status: 'processing',
      activeRun: run,
      heartbeatAt: sql`now()`,
      attempts: sql`${mediaAssets.attempts} + 1`,
      lastVersion: sql`${mediaAssets.lastVersion} + 1`,
      progress: 0,
      failure: null,
      updatedAt: new Date(),
    })
    .where(and(eq(mediaAssets.id, assetId), or(eq(mediaAssets.status, 'queued'), and(eq(mediaAssets.status, 'processing'), lt(mediaAssets.heartbeatAt, stale)))))
    .returning({ version: mediaAssets.lastVersion, attempts: mediaAssets.attempts })
  return row ?? null
}

async function failRun(db: Database, assetId: string, run: string, reason: MediaMessage) {
  await db
    .update(mediaAssets)
    .set({ status: 'failed', failure: reason, activeRun: null, heartbeatAt: null, progress: 0, updatedAt: new Date() })
    .where(and(eq(mediaAssets.id, assetId), eq(mediaAssets.activeRun, run)))
}

/** The one statement that makes a version live: only the run that still holds the asset can do it. */
async function publish(db: Database, assetId: string, run: string, version: number, outputs: MediaOutputs, probe: NonNullable<typeof mediaAssets.$inferSelect.probe>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(mediaAssets)
      .set({
        status: 'ready',
        currentVersion: version,
        outputs,
        probe,
        kind: probe.video ? 'video' : 'audio',
        durationMs: probe.durationMs,
        progress: 100,
        failure: null,
        activeRun: null,
        heartbeatAt: null,
        updatedAt: new Date(),
      })
      .where(and(eq(mediaAssets.id, assetId), eq(mediaAssets.activeRun, run)))
      .returning({ id: mediaAssets.id })
    // A resource showing this video (or the one this sign track belongs to) now has it to offer.
    if (row) await markResourcesShowingMedia(tx, assetId)
    return Boolean(row)
  })
}

/** Streams the upload's parts, in order, into one local file (ffmpeg needs to seek in MP4s). */
async function fetchOriginal(deps: TranscodeDeps, assetId: string, file: string) {
  const [upload] = await deps.db.select().from(mediaUploads).where(eq(mediaUploads.assetId, assetId))
  if (!upload || upload.offset !== upload.length) throw new Error(`asset ${assetId} has no complete upload`)
  await pipeline(Readable.from(originalBytes(deps.storage, upload.parts)), createWriteStream(file))
}

async function encode(tools: MediaTools, plan: LadderPlan, source: string, out: string, signal: AbortSignal, onFraction: (percent: number) => void) {
  await mkdir(out, { recursive: true })
  for (const rung of plan.rungs) await mkdir(path.join(out, rung.name), { recursive: true })
  if (plan.audio) await mkdir(path.join(out, 'audio'), { recursive: true })
  const fps = plan.frameRate[0] / plan.frameRate[1]
  const totalFrames = Math.max(1, plan.durationSeconds * fps)
  const totalUs = Math.max(1, plan.durationSeconds * 1e6)
  await runTool(tools.ffmpeg, ladderArguments(plan, source, out), {
    signal,
    background: true,
    onStdoutLine: (line) => {
      // With video, the first output's frame count is exact; out_time also counts image outputs' odd timestamps.
      const frame = plan.rungs.length ? /^frame=(\d+)/.exec(line) : null
      const time = !plan.rungs.length ? /^out_time_us=(\d+)/.exec(line) : null
      if (frame) onFraction(Math.min(100, (Number(frame[1]) / totalFrames) * 100))
      if (time) onFraction(Math.min(100, (Number(time[1]) / totalUs) * 100))
    },
  })
}

/** Master playlist, storyboard map and offline MP4, from what ffmpeg actually wrote. */
async function finishOutputs(tools: MediaTools, plan: LadderPlan, out: string, signal: AbortSignal): Promise<MediaOutputs> {
  const measure = async (playlistPath: string) => {
    const dir = path.dirname(path.join(out, playlistPath))
    const text = await readFile(path.join(out, playlistPath), 'utf8')
    if (!text.includes('#EXT-X-ENDLIST')) throw new Error(`${playlistPath} is incomplete`)
    const sizes = new Map<string, number>()
    for (const name of await readdir(dir)) sizes.set(name, (await stat(path.join(dir, name))).size)
    return measurePlaylist(text, (uri) => sizes.get(uri) ?? 0)
  }
  const rungs: MeasuredRendition[] = []
  for (const rung of plan.rungs) rungs.push(await measure(outputPaths.rung(rung)))
  const audio = plan.audio ? await measure(outputPaths.audio) : undefined
  await writeFile(path.join(out, outputPaths.master), masterPlaylist(plan, { rungs, audio }))

  const outputs: MediaOutputs = {
    master: outputPaths.master,
    variants: plan.rungs.map((r, i) => ({ name: r.name, width: r.width, height: r.height, bandwidth: rungs[i]!.peak, playlist: outputPaths.rung(r) })),
    audio: audio ? { playlist: outputPaths.audio, bandwidth: audio.peak } : undefined,
  }
  if (plan.poster && (await exists(path.join(out, outputPaths.poster)))) outputs.poster = outputPaths.poster
  if (plan.storyboard && (await exists(path.join(out, outputPaths.storyboardImage)))) {
    await writeFile(path.join(out, outputPaths.storyboardVtt), storyboardVtt(plan.storyboard, plan.durationSeconds))
    outputs.storyboard = { image: outputPaths.storyboardImage, vtt: outputPaths.storyboardVtt }
  }
  const download = downloadArguments(plan, out)
  if (download) {
    await runTool(tools.ffmpeg, download, { signal })
    outputs.download = { key: outputPaths.download, size: (await stat(path.join(out, outputPaths.download))).size }
  }
  return outputs
}

const exists = (file: string) => stat(file).then(
  (s) => s.size > 0,
  () => false,
)

/** Puts every file under `prefix`, the master playlist last, so a listing never shows a master without its media. */
async function uploadFolder(storage: ObjectStore, dir: string, prefix: string, onFraction: (done: number) => void) {
  const files: string[] = []
  const walk = async (sub: string) => {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(rel)
      else files.push(rel)
    }
  }
  await walk('')
  files.sort((a, b) => Number(a === outputPaths.master) - Number(b === outputPaths.master))
  const master = files.pop()
  let done = 0
  for (let i = 0; i < files.length; i += 4) {
    await Promise.all(
      files.slice(i, i + 4).map(async (rel) => {
        await storage.put(prefix + rel, createReadStream(path.join(dir, rel)))
        onFraction(++done / (files.length + 1))
      }),
    )
  }
  if (master) await storage.put(prefix + master, createReadStream(path.join(dir, master)))
}

/**
 * Puts interrupted work back in the queue: runs whose heartbeat stopped (their worker died), and
 * queued assets whose job was lost. On the embedded default the database belongs to this one process,
 * so at start-up every run still marked as processing is an orphan and is taken back at once.
 */
export async function recoverInterruptedTranscodes(deps: { db: Database; queue: Queue }, options: { everyProcessingRunIsOrphaned?: boolean } = {}) {
  const stale = sql`now() - make_interval(secs => ${stallSeconds})`
  const lostQueued = sql`now() - make_interval(mins => 30)`
  const orphaned = await deps.db
    .update(mediaAssets)
    .set({ status: 'queued', activeRun: null, heartbeatAt: null, updatedAt: new Date() })
    .where(and(eq(mediaAssets.status, 'processing'), options.everyProcessingRunIsOrphaned ? undefined : lt(mediaAssets.heartbeatAt, stale)))
    .returning({ id: mediaAssets.id })
  // Touched when re-sent, so a long but healthy queue gets one extra job per half hour at most (a duplicate claims nothing).
  const waiting = await deps.db
    .update(mediaAssets)
    .set({ updatedAt: new Date() })
    .where(and(eq(mediaAssets.status, 'queued'), lt(mediaAssets.updatedAt, lostQueued)))
    .returning({ id: mediaAssets.id })
  const ids = new Set([...orphaned, ...waiting].map((a) => a.id))
  for (const assetId of ids) await deps.queue.send('media.transcode', { assetId })
  if (ids.size) console.log(`[media] re-queued ${ids.size} interrupted transcode(s)`)
  return [...ids]
}
