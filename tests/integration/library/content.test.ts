import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../../app/modules/library/content.server'
import { resourceKinds, strategyTypes } from '../../../app/modules/library/kinds'
import { stages, subjects } from '../../../app/modules/library/taxonomy'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

/** The starter corpus loads completely, covers what the library promises, and loads only once. */
describe('the starter content', () => {
  let rt: Runtime
  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
  })
  afterAll(() => stopTestRuntime(rt))

  it('loads every resource published, and a second run changes nothing', { timeout: 120_000 }, async () => {
    const first = await loadContent(rt)
    expect(first).toMatchObject({ skipped: 0 })
    expect((first as { loaded: number }).loaded).toBeGreaterThanOrEqual(80)
    const snapshot = async () =>
      (
        await rt.database.executeSql(
          `select (select count(*)::int from resources) r, (select count(*)::int from resource_versions) v, (select count(*)::int from resource_files) f, (select count(*)::int from resource_variants) a, (select count(*)::int from users) u`,
        )
      ).rows[0]
    const before = await snapshot()
    expect(await loadContent(rt)).toMatchObject({ loaded: 0, skipped: (first as { loaded: number }).loaded })
    expect(await snapshot()).toEqual(before)

    const rows = (await rt.database.executeSql(`select kind, school_type, subject, stage, status, published_version, details, (select count(*)::int from resource_variants v where v.resource_id = r.id) variants from resources r`)).rows as {
      kind: string
      school_type: string
      subject: string
      stage: string
      status: string
      published_version: number
      details: Record<string, unknown>
      variants: number
    }[]
    expect(rows.every((r) => r.status === 'published' && r.published_version === 1)).toBe(true)
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(resourceKinds))
    // The seven general subjects of the 培智 standards: taught only at 培智 schools, and not optional.
    const peizhiGeneral = Object.entries(subjects).filter(([, rule]) => rule.schoolTypes.length === 1 && rule.schoolTypes[0] === 'peizhi' && !('optional' in rule))
    expect(peizhiGeneral).toHaveLength(7)
    for (const [code] of peizhiGeneral) expect(rows.some((r) => r.school_type === 'peizhi' && r.subject === code), code).toBe(true)
    for (const schoolType of ['mangxiao', 'longxiao', 'regular']) expect(rows.filter((r) => r.school_type === schoolType).length, schoolType).toBeGreaterThanOrEqual(5)
    for (const stage of stages) expect(rows.some((r) => r.stage === stage), stage).toBe(true)
    for (const programme of ['voc_cooking', 'voc_garment', 'voc_computer', 'voc_mechatronics']) expect(rows.some((r) => r.subject === programme), programme).toBe(true)
    const strategies = rows.filter((r) => r.kind === 'autism_strategy').map((r) => r.details.strategyType)
    for (const type of strategyTypes) expect(strategies, type).toContain(type)
    expect(rows.filter((r) => r.kind === 'lesson').every((r) => r.variants >= 3)).toBe(true)
    // Every variant has its own objectives, activities and assessment.
    const thin = (await rt.database.executeSql(`select r.content_key, v.key from resource_variants v join resources r on r.id = v.resource_id where v.objectives = '' or v.assessment = '' or jsonb_array_length(v.activities->'content') = 0`)).rows
    expect(thin).toEqual([])

    // Files are kept with their names and sniffed types; PDF first pages and images get thumbnails.
    const files = (await rt.database.executeSql(`select file_name, content_type, thumbnail_state from resource_files`)).rows as { file_name: string; content_type: string; thumbnail_state: string }[]
    expect(files.find((f) => f.file_name === '数字描红1-10.pdf')).toMatchObject({ content_type: 'application/pdf' })
    expect(files.find((f) => f.file_name === '古诗-登鹳雀楼.brf')).toMatchObject({ content_type: 'text/plain; charset=us-ascii' })
    expect(files.find((f) => f.file_name === '儿歌-洗手歌.mp3')).toMatchObject({ content_type: 'audio/mpeg', thumbnail_state: 'none' })
  })
})
