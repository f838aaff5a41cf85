import { describe, expect, it } from 'vitest'

describe('scratch folders left by killed workers', () => {
  it('are removed once older than any run can last, and nothing else is', async () => {
    const { mkdtempSync, mkdirSync, utimesSync, existsSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const path = await import('node:path')
    const { sweepScratch } = await import('../../../app/modules/media/maintenance.server')
    const dir = mkdtempSync(path.join(tmpdir(), 'scratch-test-'))
    const old = path.join(dir, 'tongxing-transcode-old')
    const fresh = path.join(dir, 'tongxing-transcode-fresh')
    const other = path.join(dir, 'something-else')
    for (const folder of [old, fresh, other]) mkdirSync(folder)
    const eightHoursAgo = (Date.now() - 8 * 3600 * 1000) / 1000
    utimesSync(old, eightHoursAgo, eightHoursAgo)
    utimesSync(other, eightHoursAgo, eightHoursAgo)
    expect(await sweepScratch(dir)).toBe(1)
    expect([existsSync(old), existsSync(fresh), existsSync(other)]).toEqual([false, true, true])
  })
})
