import { disabilityCategories } from '~/modules/library/taxonomy'

/**
 * The disability categories of a student profile: the library's list (so a profile points at the
 * matching lesson variant) plus 精神残疾 other than autism, which has no lesson variant of its own.
 * Labels follow the national categories (视力、听力、言语、肢体、智力、精神（含孤独症）、多重残疾).
 */
export const profileCategories = [...disabilityCategories, 'mental'] as const
export type ProfileCategory = (typeof profileCategories)[number]

export const isProfileCategory = (value: unknown): value is ProfileCategory => typeof value === 'string' && (profileCategories as readonly string[]).includes(value)

/** The lesson variant that suits a category, if the library has one. */
export function variantForCategory(category: string | null | undefined): string | null {
  return category && (disabilityCategories as readonly string[]).includes(category) ? `disability-${category}` : null
}
