/**
 * The `signTerm` mark of lesson text: a word a teacher linked to a glossary term. It carries the
 * term's id and nothing else, so a mark from a forged document can point at no more than a term
 * (which the reader's own district scope then looks up). Pure and isomorphic.
 */
export const signTermMark = 'signTerm'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isTermId(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value)
}

/** The allow-listed attributes of a sign mark, or null when it does not name a term. */
export function cleanSignTermAttrs(attrs: Record<string, unknown> | undefined): { termId: string } | null {
  const termId = attrs?.termId
  return isTermId(termId) ? { termId: termId.toLowerCase() } : null
}
