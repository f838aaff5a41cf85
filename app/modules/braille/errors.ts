import { formatBrailleMessage, type BrailleMessageKey } from './messages'

/** Thrown for bad input; `key` and `params` select a message in `messages.ts`. */
export class BrailleError extends Error {
  override readonly name = 'BrailleError'

  constructor(
    readonly key: BrailleMessageKey,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(formatBrailleMessage(key, params))
  }
}
