import { eq } from 'drizzle-orm'
import type { Database } from '#db/client'
import { signTerms } from '#db/schema'
import type { Feature, SearchDocument } from '~/modules/search/document'
import type { SearchSource } from '~/modules/search/sync.server'
import type { SignCategory } from './categories'
import { signsZhCN } from './i18n/zh-CN'
import { pinyinOf } from './pinyin.server'

/**
 * Glossary terms as the platform's search finds them, beside resources (a kind of their own, so a
 * filter on sign-language resources still lists resources only), found by word, pinyin and description.
 */
export const signTermSearchSource: SearchSource = {
  name: 'sign',

  async load(db, id) {
    const [row] = await db.select().from(signTerms).where(eq(signTerms.id, id))
    return row ? toSearchDocument(row) : null
  },

  async ids(db: Database) {
    return (await db.select({ id: signTerms.id }).from(signTerms)).map((r) => r.id)
  },
}

export const searchDocumentId = (termId: string) => `sign:${termId}`

/** Pure, so it is tested without a database. */
export function toSearchDocument(row: typeof signTerms.$inferSelect): SearchDocument {
  const features: Feature[] = row.videoAssetId ? ['sign', 'video'] : ['sign']
  return {
    id: searchDocumentId(row.id),
    kind: 'sign_term',
    title: row.word,
    summary: [signsZhCN.categories[row.category as SignCategory] ?? row.category, row.movement].filter(Boolean).join(' · '),
    body: [row.handshape, row.movement, row.notes].filter(Boolean).join('\n'),
    keywords: [pinyinOf(row.word), row.pinyin, row.initials],
    url: `/signs/${row.id}`,
    schoolType: null,
    stage: null,
    subject: null,
    disabilities: ['hearing'],
    tiers: [],
    features,
    districtId: row.districtId,
    published: true,
    ownerId: null,
    groupIds: [],
    updatedAt: row.updatedAt,
  }
}
