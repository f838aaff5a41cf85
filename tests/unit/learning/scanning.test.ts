import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createScanner, isSwitchPress } from '~/components/learning/scanning'

describe('switch scanning', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('lights the options one by one at the interval and comes round again', () => {
    const seen: number[] = []
    const scanner = createScanner({ count: 3, intervalMs: 1500, onChange: (i) => seen.push(i) })
    scanner.start()
    expect(scanner.current).toBe(0)
    vi.advanceTimersByTime(1499)
    expect(scanner.current).toBe(0)
    vi.advanceTimersByTime(1)
    expect(scanner.current).toBe(1)
    vi.advanceTimersByTime(3000)
    expect(seen).toEqual([0, 1, 2, 0])
  })

  it('selects the lit option, and nothing once stopped', () => {
    const scanner = createScanner({ count: 4, intervalMs: 1000, onChange: () => {} })
    scanner.start()
    vi.advanceTimersByTime(2000)
    expect(scanner.select()).toBe(2)
    scanner.stop()
    expect(scanner.select()).toBe(-1)
    vi.advanceTimersByTime(5000)
    expect(scanner.current).toBe(-1)
  })

  it('never scans faster than 0.3 s, and does nothing without options', () => {
    const fast = createScanner({ count: 2, intervalMs: 10, onChange: () => {} })
    fast.start()
    vi.advanceTimersByTime(299)
    expect(fast.current).toBe(0)
    vi.advanceTimersByTime(1)
    expect(fast.current).toBe(1)
    const empty = createScanner({ count: 0, intervalMs: 1000, onChange: () => {} })
    empty.start()
    expect(empty.select()).toBe(-1)
  })

  it('treats Space as the switch, but not while typing or with modifier keys', () => {
    const press = (key: string, tagName = 'BODY', extra = {}) => isSwitchPress({ key, ctrlKey: false, altKey: false, metaKey: false, repeat: false, target: { tagName } as unknown as EventTarget, ...extra })
    expect(press(' ')).toBe(true)
    expect(press('Enter')).toBe(false)
    expect(press(' ', 'INPUT')).toBe(false)
    expect(press(' ', 'TEXTAREA')).toBe(false)
    expect(press(' ', 'BODY', { ctrlKey: true })).toBe(false)
    expect(press(' ', 'BODY', { repeat: true })).toBe(false)
  })
})
