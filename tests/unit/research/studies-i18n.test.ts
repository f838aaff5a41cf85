import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../../app/platform/i18n/en'
import { zhCN } from '../../../app/platform/i18n/zh-CN'

/** The lesson-study code, whose literal message keys must exist in both languages. */
const files = [
  'app/modules/research/studies.server.ts',
  'app/modules/research/studies-schemas.ts',
  'app/components/studies/studies-diff-view.tsx',
  'app/components/studies/studies-observation.tsx',
  'app/components/studies/studies-rubric-summary.tsx',
  'app/routes/research.studies._index.tsx',
  'app/routes/research.studies.new.tsx',
  'app/routes/research.studies.$studyId._index.tsx',
  'app/routes/research.studies.$studyId.diff.tsx',
  'app/routes/research.studies.$studyId.rounds.$round._index.tsx',
  'app/routes/research.studies.$studyId.rounds.$round.plan.tsx',
]

const lookup = (catalogue: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue)

describe('lesson-study messages', () => {
  it('has every key the code names, in Chinese and English', () => {
    const keys = new Set<string>()
    for (const file of files) {
      const source = readFileSync(path.resolve(file), 'utf8')
      // A notification's kind names its message under notifications.kinds.
      const kinds = new Set([...source.matchAll(/kind: '([A-Za-z.]+)'/g)].map((m) => m[1]!))
      for (const kind of kinds) keys.add(`notifications.kinds.${kind}`)
      for (const match of source.matchAll(/['`]((?:studies|library|notifications)\.[A-Za-z.]+)['`]/g)) if (!kinds.has(match[1]!)) keys.add(match[1]!)
    }
    // Keys built from values: every status, block kind, change and segment label.
    for (const status of ['active', 'finished']) keys.add(`studies.status.${status}`)
    for (const kind of ['heading', 'paragraph', 'listItem', 'quote', 'tableCell', 'code', 'image', 'rule']) keys.add(`studies.diff.blockKinds.${kind}`)
    for (const change of ['added', 'removed', 'changed', 'ins', 'del', 'insEnd', 'delEnd']) keys.add(`studies.diff.${change}`)
    expect(keys.size).toBeGreaterThan(80)
    const missing = [...keys].filter((key) => typeof lookup(zhCN, key) !== 'string' || typeof lookup(en, key) !== 'string')
    expect(missing).toEqual([])
  })
})
