import { describe, expect, it } from 'vitest'
import { checkAnswer, exerciseInput, exerciseInputFromForm, forStudent, shuffledIndexes } from '~/modules/learning/exercises'
import { dueState, scoreOf } from '~/modules/learning/progress'

const img = (n: number) => `00000000-0000-4000-8000-00000000000${n}`

describe('checking answers', () => {
  it('picture choice: the right option only', () => {
    const data = { options: [{ imageId: img(1), alt: 'a', label: '' }, { imageId: img(2), alt: 'b', label: '' }], correct: 1 }
    expect(checkAnswer('picture_choice', data, { choice: 1 })).toBe(true)
    expect(checkAnswer('picture_choice', data, { choice: 0 })).toBe(false)
    expect(checkAnswer('picture_choice', data, { choice: 5 })).toBeNull()
    expect(checkAnswer('picture_choice', data, { yes: true })).toBeNull()
  })

  it('yes/no', () => {
    expect(checkAnswer('yes_no', { answer: false }, { yes: false })).toBe(true)
    expect(checkAnswer('yes_no', { answer: false }, { yes: true })).toBe(false)
  })

  it('matching: every left item with its own right item (identical right texts are interchangeable)', () => {
    const data = { pairs: [{ left: '入口', right: '进去' }, { left: '出口', right: '出去' }, { left: '门', right: '进去' }] }
    expect(checkAnswer('matching', data, { matches: [0, 1, 2] })).toBe(true)
    expect(checkAnswer('matching', data, { matches: [2, 1, 0] })).toBe(true)
    expect(checkAnswer('matching', data, { matches: [1, 0, 2] })).toBe(false)
    expect(checkAnswer('matching', data, { matches: [0, 1] })).toBeNull()
  })

  it('ordering: the sequence as written by the teacher', () => {
    const data = { items: ['一', '二', '三'] }
    expect(checkAnswer('ordering', data, { order: [0, 1, 2] })).toBe(true)
    expect(checkAnswer('ordering', data, { order: [1, 0, 2] })).toBe(false)
    expect(checkAnswer('ordering', data, { order: [0, 0, 1] })).toBeNull()
  })
})

describe('exercise input', () => {
  it('requires alt text for every picture and a right picture among them', () => {
    const bad = exerciseInput.safeParse({ kind: 'picture_choice', prompt: '哪个？', data: { options: [{ imageId: img(1), alt: '' }, { imageId: img(2), alt: 'b' }], correct: 0 } })
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['data.options.0.alt', 'learning.errors.altRequired']])
    const outOfRange = exerciseInput.safeParse({ kind: 'picture_choice', prompt: '哪个？', data: { options: [{ imageId: img(1), alt: 'a' }, { imageId: img(2), alt: 'b' }], correct: 2 } })
    expect(outOfRange.error?.issues[0]?.message).toBe('learning.errors.chooseCorrect')
  })

  it('reads the editor form: pairs as "left = right" lines, steps one per line, numbered pictures', () => {
    const form = (values: Record<string, string>) => (name: string) => values[name] ?? ''
    expect(exerciseInputFromForm(form({ kind: 'matching', prompt: 'p', pairs: '入口 = 进去\n出口＝出去\n' }), {})).toEqual({ input: { kind: 'matching', prompt: 'p', data: { pairs: [{ left: '入口', right: '进去' }, { left: '出口', right: '出去' }] } } })
    expect(exerciseInputFromForm(form({ kind: 'matching', prompt: 'p', pairs: '入口 = 进去\n出口' }), {})).toEqual({ badPairLine: 2 })
    expect(exerciseInputFromForm(form({ kind: 'ordering', prompt: 'p', items: '一\n\n二' }), {})).toEqual({ input: { kind: 'ordering', prompt: 'p', data: { items: ['一', '二'] } } })
    expect(exerciseInputFromForm(form({ kind: 'picture_choice', prompt: 'p', alt1: 'a', alt3: 'c', correct: '3' }), { 1: img(1), 3: img(3) })).toEqual({
      input: { kind: 'picture_choice', prompt: 'p', data: { options: [{ imageId: img(1), alt: 'a', label: '' }, { imageId: img(3), alt: 'c', label: '' }], correct: 1 } },
    })
  })
})

describe('what a student is sent', () => {
  it('carries no right answer and shuffles matching and ordering the same way every time', () => {
    const ordering = forStudent({ id: 'e1', kind: 'ordering', prompt: 'p', data: { items: ['a', 'b', 'c', 'd'] } })
    expect(JSON.stringify(ordering)).not.toContain('correct')
    expect(ordering).toEqual(forStudent({ id: 'e1', kind: 'ordering', prompt: 'p', data: { items: ['a', 'b', 'c', 'd'] } }))
    if (ordering.kind !== 'ordering') throw new Error('kind')
    expect(ordering.items.map((i) => i.index)).not.toEqual([0, 1, 2, 3])
    expect(ordering.items.map((i) => i.index).sort()).toEqual([0, 1, 2, 3])
    expect(forStudent({ id: 'e2', kind: 'yes_no', prompt: 'p', data: { answer: true } })).toEqual({ id: 'e2', kind: 'yes_no', prompt: 'p' })
  })

  it('a shuffle is a permutation that never leaves everything in place', () => {
    for (const seed of ['a', 'b', 'c', 'x', 'y']) {
      const order = shuffledIndexes(2, seed)
      expect(order).toEqual([1, 0])
    }
  })
})

describe('progress figures', () => {
  it('counts only first attempts that were right', () => {
    expect(
      scoreOf(3, [
        { exerciseId: 'a', attempt: 1, correct: false },
        { exerciseId: 'a', attempt: 2, correct: true },
        { exerciseId: 'b', attempt: 1, correct: true },
      ]),
    ).toEqual({ total: 3, answered: 2, firstTry: 1 })
  })

  it('says where a student stands against the due date (China time)', () => {
    expect(dueState('2026-11-20', 'assigned', null, '2026-11-25')).toBe('overdue')
    expect(dueState('2026-11-25', 'assigned', null, '2026-11-25')).toBe('dueToday')
    expect(dueState('2026-11-30', 'assigned', null, '2026-11-25')).toBe('upcoming')
    expect(dueState(null, 'assigned', null, '2026-11-25')).toBe('noDate')
    // 23:30 UTC on the 24th is already the 25th in Beijing.
    expect(dueState('2026-11-24', 'done', '2026-11-24T23:30:00Z', '2026-11-25')).toBe('doneLate')
    expect(dueState('2026-11-24', 'done', '2026-11-24T10:00:00Z', '2026-11-25')).toBe('done')
  })
})
