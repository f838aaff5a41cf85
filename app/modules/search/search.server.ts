import type { Actor } from '~/modules/accounts/actor'
import { groupIdsOf } from '~/modules/research/groups.server'
import { parseInput } from '~/platform/errors'
import type { Runtime } from '~/platform/runtime.server'
import { searchQuery, toSearchQuery, type SearchQueryInput, type SearchResults, type Viewer } from './document'

/** Who the actor is to the index: what their district published, their own drafts, and their 教研 groups' material. */
export function viewerOf(actor: Actor, groupIds: string[] = []): Viewer {
  return { userId: actor.id, districtId: actor.districtId, groupIds }
}

/** A search as a page or the API asks for it; bad parameters answer 400 with the field named. */
export async function searchFor(rt: Pick<Runtime, 'search' | 'db'>, actor: Actor, input: SearchQueryInput | Record<string, unknown>): Promise<SearchResults> {
  const query = toSearchQuery(parseInput(searchQuery, input))
  return rt.search.search(query, viewerOf(actor, await groupIdsOf(rt.db, actor)))
}
