import { resourceSearchSource } from '~/modules/library/search-source.server'
import { signTermSearchSource } from '~/modules/signs/search-source.server'
import { researchSessionSearchSource } from '~/modules/research/search-source.server'
import type { SearchSource } from './sync.server'

/** Every capability whose records are searchable. */
export const searchSources: SearchSource[] = [resourceSearchSource, signTermSearchSource, researchSessionSearchSource]
