import { describe, expect, it } from 'vitest'
import { defaultDimensions, round1, summariseRound, type ScoreEntry } from '../../../app/modules/research/studies/rubric'

const s = (observerId: string, scores: Record<string, number>): ScoreEntry[] => Object.entries(scores).map(([dimension, score]) => ({ observerId, dimension, score }))

// Worked by hand:
// round 1 — goals 4,3,5 → 4.0; support 3,3 → 3.0; interaction 5,4 → 4.5; devices 2 → 2.0;
//           overall (4 + 3 + 4.5 + 2) / 4 = 3.375 → 3.4
// round 2 — goals 5,4 → 4.5; support 4,4 → 4.0; interaction 5,4 → 4.5; devices 3,4 → 3.5;
//           overall 16.5 / 4 = 4.125 → 4.1, change 4.125 − 3.375 = 0.75 → 0.8
const round1Scores = [...s('a', { goals: 4, support: 3, interaction: 5, devices: 2 }), ...s('b', { goals: 3, support: 3, interaction: 4 }), ...s('c', { goals: 5 })]
const round2Scores = [...s('a', { goals: 5, support: 4, interaction: 5, devices: 3 }), ...s('b', { goals: 4, support: 4, interaction: 4, devices: 4 })]

describe('rubric summary', () => {
  it('gives each dimension its mean to one decimal, count, lowest and highest', () => {
    const summary = summariseRound(defaultDimensions, round1Scores)
    expect(summary.dimensions.map(({ key, count, mean, min, max }) => ({ key, count, mean, min, max }))).toEqual([
      { key: 'goals', count: 3, mean: 4, min: 3, max: 5 },
      { key: 'support', count: 2, mean: 3, min: 3, max: 3 },
      { key: 'interaction', count: 2, mean: 4.5, min: 4, max: 5 },
      { key: 'devices', count: 1, mean: 2, min: 2, max: 2 },
    ])
    expect(summary.overall).toEqual({ mean: 3.4, change: null })
    expect(summary.observers).toBe(3)
    expect(summary.dimensions.every((d) => d.change === null)).toBe(true)
  })

  it('compares a round with the one before, dimension by dimension and overall', () => {
    const summary = summariseRound(defaultDimensions, round2Scores, round1Scores)
    expect(summary.dimensions.map((d) => [d.key, d.mean, d.change])).toEqual([
      ['goals', 4.5, 0.5],
      ['support', 4, 1],
      ['interaction', 4.5, 0],
      ['devices', 3.5, 1.5],
    ])
    expect(summary.overall).toEqual({ mean: 4.1, change: 0.8 })
    expect(summary.observers).toBe(2)
  })

  it('rounds halves away from zero and thirds to the nearest tenth', () => {
    // 2 + 2 + 3 + 2 = 9, 9 / 4 = 2.25 → 2.3; 1 + 2 + 2 = 5, 5 / 3 = 1.67 → 1.7
    const dims = [
      { key: 'x', label: 'X' },
      { key: 'y', label: 'Y' },
    ]
    const now = [...s('a', { x: 2, y: 1 }), ...s('b', { x: 2, y: 2 }), ...s('c', { x: 3, y: 2 }), ...s('d', { x: 2 })]
    const summary = summariseRound(dims, now)
    expect(summary.dimensions.map((d) => d.mean)).toEqual([2.3, 1.7])
    // (2.25 + 1.6667) / 2 = 1.9583 → 2.0
    expect(summary.overall.mean).toBe(2)
    // Falling from 2.0 to 1.75 is −0.25 → −0.3
    const fall = summariseRound([{ key: 'x', label: 'X' }], [...s('a', { x: 2 }), ...s('b', { x: 1 }), ...s('c', { x: 2 }), ...s('d', { x: 2 })], [...s('a', { x: 2 })])
    expect(fall.dimensions[0]!.change).toBe(-0.3)
    expect(round1(0.15)).toBe(0.2)
  })

  it('leaves an unscored dimension empty, ignores scores of removed dimensions, and has no overall without scores', () => {
    const summary = summariseRound(defaultDimensions, [...s('a', { goals: 5, retired: 1 })])
    expect(summary.dimensions[0]).toMatchObject({ key: 'goals', mean: 5, count: 1 })
    expect(summary.dimensions[1]).toMatchObject({ key: 'support', mean: null, count: 0, min: null, max: null })
    expect(summary.overall.mean).toBe(5)
    expect(summariseRound(defaultDimensions, []).overall).toEqual({ mean: null, change: null })
    expect(summariseRound(defaultDimensions, [], []).observers).toBe(0)
  })
})
