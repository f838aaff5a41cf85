import type { familyZhCN } from './zh-CN'

type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

export const familyEn: Messages<typeof familyZhCN> = {
  errors: {
    consentRequired:
      'This student is under 14 and no guardian has consented, so their personal information cannot be stored. Ask the family to consent on their “My children” page, or have a teacher record a signed paper consent form; if the student is 14 or older, a teacher can say so under “Consent and age”.',
    consentAlreadyGiven: 'A guardian’s consent is already in force; it need not be recorded again.',
    noConsentToWithdraw: 'There is no consent in force to withdraw.',
    mustAgree: 'Tick “I agree” before submitting.',
    invalidDate: 'Enter a valid date (year-month-day).',
    dateInFuture: 'The date cannot be later than today.',
  },
}
