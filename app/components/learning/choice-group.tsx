import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import { useScanning } from './scanning'

export interface Choice {
  key: string
  content: ReactNode
  /** The accessible name when the content is a picture with its own alt text. */
  label?: string
}

/**
 * A row of large answer buttons: click or tap; arrow keys move between them and Enter or Space
 * chooses; or, with switch scanning on, they light up in turn and Space chooses the lit one.
 * The lit button carries a visible frame and a ▶ mark, not only a colour.
 */
export function ChoiceGroup({
  labelledBy,
  choices,
  onChoose,
  scanning,
  scanIntervalMs,
  disabled,
  chosen,
  className,
}: {
  labelledBy: string
  choices: Choice[]
  onChoose: (index: number) => void
  scanning: boolean
  scanIntervalMs: number
  disabled?: boolean
  chosen?: number | null
  className?: string
}) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const highlighted = useScanning({ count: disabled ? 0 : choices.length, intervalMs: scanIntervalMs, active: scanning && !disabled, onSelect: onChoose, resetKey: choices.map((c) => c.key).join('|') })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = buttons.current.findIndex((b) => b === document.activeElement)
    if (at < 0) return
    let next = -1
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (at + 1) % choices.length
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (at - 1 + choices.length) % choices.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = choices.length - 1
    if (next < 0) return
    event.preventDefault()
    buttons.current[next]?.focus()
  }

  return (
    <div role="group" aria-labelledby={labelledBy} className={['choice-group', className].filter(Boolean).join(' ')} onKeyDown={onKeyDown}>
      {choices.map((choice, index) => (
        <button
          key={choice.key}
          ref={(el) => {
            buttons.current[index] = el
          }}
          type="button"
          className={['choice-button', highlighted === index ? 'scan-lit' : null, chosen === index ? 'choice-chosen' : null].filter(Boolean).join(' ')}
          aria-label={choice.label}
          aria-pressed={chosen === index ? true : undefined}
          data-scan-lit={highlighted === index ? 'true' : undefined}
          disabled={disabled}
          onClick={() => onChoose(index)}
        >
          {highlighted === index ? (
            <span className="scan-mark" aria-hidden="true">
              ▶
            </span>
          ) : null}
          {choice.content}
        </button>
      ))}
    </div>
  )
}
