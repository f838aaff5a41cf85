import { useEffect, useRef, useState } from 'react'

/**
 * Single-switch scanning: the options light up one after another at the student's interval, round
 * and round, and one key (Space, which is what most switch interfaces send) chooses the lit one.
 * `createScanner` is the timing alone (tested with fake timers); `useScanning` puts it on a page.
 */
export interface Scanner {
  readonly current: number
  start(): void
  stop(): void
  /** The lit option, or -1 when not scanning. */
  select(): number
}

export function createScanner(options: { count: number; intervalMs: number; onChange: (index: number) => void }): Scanner {
  let current = -1
  let timer: ReturnType<typeof setInterval> | null = null
  const interval = Math.max(300, options.intervalMs)
  const move = (index: number) => {
    current = index
    options.onChange(index)
  }
  return {
    get current() {
      return current
    },
    start() {
      if (timer || options.count <= 0) return
      move(0)
      timer = setInterval(() => move((current + 1) % options.count), interval)
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = null
      if (current !== -1) move(-1)
    },
    select() {
      return current
    },
  }
}

/** Keys that act as the switch. */
export const switchKeys = new Set([' ', 'Spacebar'])

/** Whether a key press should be taken by the scanner (not typing in a field, not with modifiers). */
export function isSwitchPress(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'repeat'> & { target: EventTarget | null }): boolean {
  if (!switchKeys.has(event.key) || event.ctrlKey || event.altKey || event.metaKey || event.repeat) return false
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null
  const tag = target?.tagName?.toLowerCase()
  return !(tag === 'input' || tag === 'textarea' || tag === 'select' || target?.isContentEditable)
}

/**
 * While `active`, lights the `count` options in turn every `intervalMs` and calls `onSelect` with
 * the lit one when the switch is pressed. Restarts from the first option when the options change.
 */
export function useScanning({ count, intervalMs, active, onSelect, resetKey }: { count: number; intervalMs: number; active: boolean; onSelect: (index: number) => void; resetKey?: unknown }) {
  const [highlighted, setHighlighted] = useState(-1)
  const select = useRef(onSelect)
  select.current = onSelect
  useEffect(() => {
    if (!active || count <= 0) {
      setHighlighted(-1)
      return
    }
    const scanner = createScanner({ count, intervalMs, onChange: setHighlighted })
    scanner.start()
    const onKey = (event: KeyboardEvent) => {
      if (!isSwitchPress(event)) return
      event.preventDefault()
      const index = scanner.select()
      if (index >= 0) select.current(index)
    }
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('keydown', onKey)
      scanner.stop()
    }
  }, [active, count, intervalMs, resetKey])
  return highlighted
}
