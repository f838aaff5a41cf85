import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPlayerSource } from '../../../app/modules/media/assets.server'
import { openPublishedFile } from '../../../app/modules/media/delivery.server'
import { mediaKeys } from '../../../app/modules/media/keys'
import { handleTus } from '../../../app/modules/media/tus.server'
import { mediaTools, transcodeAsset } from '../../../app/modules/media/transcode.server'
import { makeClip } from '../../support/media-clips'
import { actorFor, assetRow, keysUnder, probeRendition } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

const S3rver = createRequire(import.meta.url)('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<{ port: number }>; close(): Promise<void> }

/** The scaled shape's store: the same upload → transcode → serve path over an S3-compatible store (s3rver). */
describe('the video path on an S3 object store', () => {
  let rt: Runtime
  let server: InstanceType<typeof S3rver>
  let directory: string

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tongxing-s3rver-'))
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory })
    const { port } = await server.run()
    const endpoint = `http://127.0.0.1:${port}`
    const admin = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
    await admin.send(new CreateBucketCommand({ Bucket: 'tongxing-media' }))
    admin.destroy()
    rt = await startTestRuntime('pglite', { STORAGE: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: 'tongxing-media', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' })
  })
  afterAll(async () => {
    await stopTestRuntime(rt)
    await server.close()
    await rm(directory, { recursive: true, force: true })
  })

  it('uploads in resumable parts, transcodes, publishes and serves from S3', { timeout: 60_000 }, async () => {
    expect(rt.storage.kind).toBe('s3')
    const teacher = await actorFor(rt.db, 'teacher')
    const clip = makeClip(join(directory, 'clips'), 'h264')
    const bytes = readFileSync(clip.file)
    const tus = { 'Tus-Resumable': '1.0.0' }
    const created = await handleTus(
      new Request('http://localhost/media/uploads', { method: 'POST', headers: { ...tus, 'Upload-Length': String(bytes.length), 'Upload-Metadata': `filename ${Buffer.from('h264.mp4').toString('base64')}` } }),
      teacher,
      rt,
    )
    const location = created.headers.get('Location')!
    const assetId = created.headers.get('X-Asset-Id')!
    const half = Math.floor(bytes.length / 2)
    for (const [from, to] of [
      [0, half],
      [half, bytes.length],
    ] as const) {
      const response = await handleTus(
        new Request(`http://localhost${location}`, { method: 'PATCH', headers: { ...tus, 'Upload-Offset': String(from), 'Content-Type': 'application/offset+octet-stream' }, body: bytes.subarray(from, to) }),
        teacher,
        rt,
        location.split('/').at(-1),
      )
      expect(response.status).toBe(204)
    }
    await transcodeAsset({ db: rt.db, storage: rt.storage, tools: mediaTools() }, assetId)
    expect(await assetRow(rt.db, assetId)).toMatchObject({ status: 'ready', currentVersion: 1 })
    expect(await probeRendition(rt.storage, mediaKeys.version(assetId, 1), '360p/index.m3u8')).toMatchObject({ endList: true, video: { width: 640, height: 360 } })
    expect((await keysUnder(rt.storage, `media/${assetId}/original/`)).length).toBe(2)
    const source = await getPlayerSource(rt.db, teacher, assetId)
    expect(source?.src).toBe(`/media/${assetId}/files/v1/master.m3u8`)
    const segment = await openPublishedFile(rt, teacher, assetId, 'v1/240p/init.mp4', { start: 4, end: 7 })
    const chunks: Buffer[] = []
    for await (const chunk of segment.body) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).toString('latin1')).toBe('ftyp')
  })
})
