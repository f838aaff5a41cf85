/**
 * The observation rubric: dimensions configured per study, each scored 1–5 with a comment by every
 * observer in every round. The summary of a round is pure arithmetic, here, so it can be checked by hand.
 */

export interface RubricDimension {
  key: string
  label: string
}

/** The dimensions a new study starts with (labels are the study's own text, so they are stored, not translated). */
export const defaultDimensions: RubricDimension[] = [
  { key: 'goals', label: '目标契合学生个别化目标' },
  { key: 'support', label: '支持与差异化' },
  { key: 'interaction', label: '师生互动' },
  { key: 'devices', label: '辅具使用' },
]

export const minScore = 1
export const maxScore = 5

export interface ScoreEntry {
  observerId: string
  dimension: string
  score: number
}

export interface DimensionSummary {
  key: string
  label: string
  /** How many observers scored it. */
  count: number
  /** Rounded to one decimal; null when nobody scored it. */
  mean: number | null
  min: number | null
  max: number | null
  /** This round's mean minus the previous round's (one decimal); null when either is missing. */
  change: number | null
}

export interface RoundSummary {
  dimensions: DimensionSummary[]
  /** The mean of the dimensions' means (each dimension weighs the same however many scored it). */
  overall: { mean: number | null; change: number | null }
  /** How many observers scored at least one dimension. */
  observers: number
}

/**
 * One decimal, half away from zero (2.25 → 2.3, −0.25 → −0.3). The tiny nudge keeps binary fractions
 * such as 0.15 (stored as 0.1499…) from rounding the wrong way.
 */
export const round1 = (value: number) => (Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9)) / 10

interface Exact {
  sum: number
  count: number
}

function exactMeans(dimensions: RubricDimension[], scores: ScoreEntry[]) {
  const byKey = new Map<string, { sum: number; count: number; min: number; max: number }>()
  for (const entry of scores) {
    if (!dimensions.some((d) => d.key === entry.dimension)) continue
    const current = byKey.get(entry.dimension) ?? { sum: 0, count: 0, min: Infinity, max: -Infinity }
    current.sum += entry.score
    current.count++
    current.min = Math.min(current.min, entry.score)
    current.max = Math.max(current.max, entry.score)
    byKey.set(entry.dimension, current)
  }
  return byKey
}

/** The overall mean as an exact fraction: the sum of the dimension means over how many dimensions have one. */
function overallExact(dimensions: RubricDimension[], byKey: Map<string, Exact>): number | null {
  const means = dimensions.map((d) => byKey.get(d.key)).filter((e): e is Exact => !!e && e.count > 0)
  if (means.length === 0) return null
  return means.reduce((n, e) => n + e.sum / e.count, 0) / means.length
}

export function summariseRound(dimensions: RubricDimension[], scores: ScoreEntry[], previous: ScoreEntry[] | null = null): RoundSummary {
  const now = exactMeans(dimensions, scores)
  const before = previous ? exactMeans(dimensions, previous) : null
  const summaries = dimensions.map((d): DimensionSummary => {
    const e = now.get(d.key)
    const p = before?.get(d.key)
    const mean = e ? round1(e.sum / e.count) : null
    return {
      key: d.key,
      label: d.label,
      count: e?.count ?? 0,
      mean,
      min: e ? e.min : null,
      max: e ? e.max : null,
      // The change is taken between the exact means, then rounded, so it never drifts from rounding twice.
      change: e && p ? round1(e.sum / e.count - p.sum / p.count) : null,
    }
  })
  const overallNow = overallExact(dimensions, now)
  const overallBefore = before ? overallExact(dimensions, before) : null
  return {
    dimensions: summaries,
    overall: {
      mean: overallNow === null ? null : round1(overallNow),
      change: overallNow !== null && overallBefore !== null ? round1(overallNow - overallBefore) : null,
    },
    observers: new Set(scores.filter((s) => dimensions.some((d) => d.key === s.dimension)).map((s) => s.observerId)).size,
  }
}
