import type { TFunction } from 'i18next'
import type { FacetName } from '~/modules/search/document'

/** Where each facet's values get their names: the library's taxonomy labels, mostly. */
const keyOf: Record<FacetName, (value: string) => string> = {
  kind: (v) => `library.kinds.${v}`,
  schoolType: (v) => `library.schoolTypes.${v}`,
  stage: (v) => `stages.${v}`,
  subject: (v) => `library.subjects.${v}`,
  disability: (v) => `library.categories.${v}`,
  tier: (v) => `library.variantNames.tier-${v}`,
  feature: (v) => `search.features.${v}`,
}

export const facetValueLabel = (t: TFunction, facet: FacetName, value: string): string => String(t(keyOf[facet](value), { defaultValue: value }))
