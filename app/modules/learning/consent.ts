/**
 * The PIPL rule for a child's personal information, pure so pages and tests share it
 * (decision record 010). A student is treated as under 14 unless a teacher has stated that they
 * are 14 or older: the platform keeps no birth date, only that statement.
 */
export type ConsentState = 'not-required' | 'given' | 'missing'

export function consentState(input: { aged14OrOver: boolean | null | undefined; consentInForce: boolean }): ConsentState {
  if (input.consentInForce) return 'given'
  return input.aged14OrOver === true ? 'not-required' : 'missing'
}

/** Whether personal data of the student may be stored now. */
export const mayStorePersonalData = (state: ConsentState) => state !== 'missing'

export const consentMethods = ['family-account', 'paper-form'] as const
export type ConsentMethod = (typeof consentMethods)[number]
