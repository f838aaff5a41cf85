import { z } from 'zod'
import { signCategories } from './categories'

export const maxRelatedTerms = 12

/** "老师、同学, 上课" → ["老师", "同学", "上课"]: the separators teachers type in either script. */
export function splitWords(text: string): string[] {
  const words = text
    .split(/[、,，;；\s]+/)
    .map((w) => w.trim())
    .filter(Boolean)
  return [...new Set(words)]
}

const optionalText = (max: number) => z.string().trim().max(max).optional().default('')

/** A term as its form and the CSV import send it; shared by the page (field names) and the server. */
export const signTermInput = z.object({
  word: z.string().trim().min(1).max(20),
  category: z.enum(signCategories, { message: 'signs.errors.category' }),
  handshape: optionalText(500),
  movement: optionalText(1000),
  notes: optionalText(1000),
  videoAssetId: z
    .union([z.uuid({ message: 'signs.errors.videoId' }), z.literal('')])
    .optional()
    .transform((v) => v || null),
  related: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? splitWords(v.join('、')) : splitWords(v ?? '')))
    .pipe(z.array(z.string().max(20)).max(maxRelatedTerms, { message: 'signs.errors.tooManyRelated' })),
})
export type SignTermInput = z.infer<typeof signTermInput>

export const signSearchInput = z.object({
  q: z.string().trim().max(50).optional().default(''),
  category: z.enum(signCategories).optional().catch(undefined),
})
