/** The glossary's categories, in the order a teacher browses them; labels are in the catalogue under `signs.categories`. */
export const signCategories = ['classroom', 'school', 'daily', 'feelings', 'people', 'subjects', 'numbers', 'time', 'places', 'actions'] as const
export type SignCategory = (typeof signCategories)[number]

export const isSignCategory = (value: unknown): value is SignCategory => typeof value === 'string' && (signCategories as readonly string[]).includes(value)
