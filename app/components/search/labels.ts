import type { TFunction } from 'i18next'
import type { FacetName } from '~/modules/search/document'

/** Kinds other capabilities index beside the library's resource kinds. */
const otherKinds: Record<string, string> = { sign_term: 'signs.searchKind', research_session: 'research.searchKind' }

/** Where each facet's values get their names: the library's taxonomy labels, mostly. */
const keyOf: Record<FacetName, (value: string) => string> = {
  kind: (v) => otherKinds[v] ?? `library.kinds.${v}`,
  schoolType: (v) => `library.schoolTypes.${v}`,
  stage: (v) => `stages.${v}`,
  subject: (v) => `library.subjects.${v}`,
  disability: (v) => `library.categories.${v}`,
  tier: (v) => `library.variantNames.tier-${v}`,
  feature: (v) => `search.features.${v}`,
}

export const facetValueLabel = (t: TFunction, facet: FacetName, value: string): string => String(t(keyOf[facet](value), { defaultValue: value }))
