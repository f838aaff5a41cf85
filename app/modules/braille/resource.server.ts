import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#db/client'
import { resourceBraille, users } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { can } from '~/modules/accounts/permissions'
import { lessonParts } from '~/modules/library/kinds'
import { getResource } from '~/modules/library/resources.server'
import { plainText } from '~/modules/library/rich-text'
import { AppError, parseInput } from '~/platform/errors'
import { translateAll } from '~/platform/i18n'
import { isBrailleCell } from './cells'
import { BrailleError, isSchemeId, PAGE_LIMITS, paginate, toBraille, toBrf, type BrailleResult, type PageOptions, type SchemeId } from './index'
import { jiebaSegmenter } from './segment.server'

/** The print text of a resource, as a braille reader gets it: title, summary, the lesson's parts, its text. */
export function printTextOf(resource: { title: string; summary: string; kind: string; details: Record<string, unknown>; body: unknown }): string {
  const parts = resource.kind === 'lesson' ? lessonParts.flatMap((part) => {
    const value = resource.details[part]
    return typeof value === 'string' && value.trim() ? [`${translateAll(`library.lessonParts.${part}`)['zh-CN']}：${value.trim()}`] : []
  }) : []
  return [resource.title, resource.summary, ...parts, plainText(resource.body as never)].map((t) => t.trim()).filter(Boolean).join('\n')
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex')

export interface ResourceBrailleView {
  resource: { id: string; title: string; version: number | null }
  scheme: SchemeId
  print: string
  automatic: Pick<BrailleResult, 'cells' | 'words' | 'unsupported'>
  correction: { braille: string; correctedBy: string | null; correctedAt: string; stale: boolean } | null
  /** What is embossed: the correction when there is one, else the automatic conversion. */
  braille: string
  canCorrect: boolean
}

/** A resource's braille version as `actor` may read it (the same version the resource page shows them). */
export async function getResourceBraille(db: Database, actor: Actor, id: string, scheme: SchemeId, version?: number | 'published' | 'working'): Promise<ResourceBrailleView> {
  const resource = await getResource(db, actor, id, { version })
  const print = printTextOf(resource)
  const automatic = toBraille(print, { scheme, segment: jiebaSegmenter })
  const [stored] = await db
    .select({ braille: resourceBraille.braille, sourceHash: resourceBraille.sourceHash, correctedAt: resourceBraille.correctedAt, correctedBy: users.displayName })
    .from(resourceBraille)
    .leftJoin(users, eq(users.id, resourceBraille.correctedById))
    .where(and(eq(resourceBraille.resourceId, id), eq(resourceBraille.scheme, scheme)))
  const correction = stored
    ? { braille: stored.braille, correctedBy: stored.correctedBy, correctedAt: stored.correctedAt.toISOString(), stale: stored.sourceHash !== hashOf(print) }
    : null
  return {
    resource: { id: resource.id, title: resource.title, version: resource.version },
    scheme,
    print,
    automatic: { cells: automatic.cells, words: automatic.words, unsupported: [...new Set(automatic.unsupported)] },
    correction,
    braille: correction?.braille ?? automatic.cells,
    canCorrect: can(actor.role, 'author:resource'),
  }
}

const correctionInput = z.object({
  braille: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').replace(/ /g, '\u2800').replace(/[\u2800\n]+$/, ''))
    .pipe(z.string().min(1, 'braille.errors.emptyCorrection').max(400_000, 'braille.errors.textTooLongForRequest')),
})

/**
 * Keeps a hand correction with the resource. Only braille cells, blanks and line breaks are taken,
 * and only six-dot cells, since BRF for embossers cannot carry dots 7 and 8.
 */
export async function saveBrailleCorrection(db: Database, actor: Actor, id: string, scheme: SchemeId, input: unknown) {
  if (!can(actor.role, 'author:resource')) throw new AppError(403, { key: 'errors.forbidden' })
  const { braille } = parseInput(correctionInput, input)
  const foreign = [...braille].find((c) => c !== '\n' && !isBrailleCell(c))
  if (foreign) throw new AppError(400, { key: 'errors.badRequest' }, { fields: { braille: { key: 'braille.errors.notBraille', params: { char: foreign } } } })
  try {
    toBrf(braille)
  } catch (error) {
    if (error instanceof BrailleError) throw new AppError(400, { key: 'errors.badRequest' }, { fields: { braille: { key: `braille.errors.${error.key}`, params: { ...error.params } } } })
    throw error
  }
  const view = await getResourceBraille(db, actor, id, scheme)
  const row = { braille, sourceHash: hashOf(view.print), correctedById: actor.id, correctedAt: new Date() }
  await db
    .insert(resourceBraille)
    .values({ resourceId: id, scheme, ...row })
    .onConflictDoUpdate({ target: [resourceBraille.resourceId, resourceBraille.scheme], set: row })
}

/** Back to the automatic conversion. */
export async function clearBrailleCorrection(db: Database, actor: Actor, id: string, scheme: SchemeId) {
  if (!can(actor.role, 'author:resource')) throw new AppError(403, { key: 'errors.forbidden' })
  await getResource(db, actor, id)
  await db.delete(resourceBraille).where(and(eq(resourceBraille.resourceId, id), eq(resourceBraille.scheme, scheme)))
}

export function brfOf(braille: string, layout: PageOptions) {
  return { brf: toBrf(braille, layout), pages: paginate(braille, layout) }
}

/** Scheme and page layout from a query string, so a chosen layout can be linked and downloaded; bad values fall back to the defaults. */
export function brailleLayoutOf(url: URL) {
  const scheme = url.searchParams.get('scheme')
  const size = (name: 'cellsPerLine' | 'linesPerPage') => {
    const n = Number(url.searchParams.get(name))
    const { min, max, default: fallback } = PAGE_LIMITS[name]
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback
  }
  return { scheme: (isSchemeId(scheme) ? scheme : 'common') as SchemeId, cellsPerLine: size('cellsPerLine'), linesPerPage: size('linesPerPage') }
}

/** A resource's hand corrections as stored, for a package; only for those who may read the resource. */
export async function brailleCorrectionsOf(db: Database, actor: Actor, id: string) {
  await getResource(db, actor, id)
  return db.select({ scheme: resourceBraille.scheme, braille: resourceBraille.braille, sourceHash: resourceBraille.sourceHash }).from(resourceBraille).where(eq(resourceBraille.resourceId, id))
}

/**
 * Puts a package's corrections on the imported resource. Cells are checked as a hand correction's
 * are; the hash travels unchanged, so a correction made from older text still says so here.
 */
export async function restoreBrailleCorrections(db: Database, actor: Actor, id: string, rows: { scheme: 'common' | 'current'; braille: string; sourceHash: string }[]) {
  if (rows.length === 0) return
  if (!can(actor.role, 'author:resource')) throw new AppError(403, { key: 'errors.forbidden' })
  await getResource(db, actor, id)
  for (const row of rows) {
    const foreign = [...row.braille].find((c) => c !== '\n' && !isBrailleCell(c))
    if (foreign) throw new AppError(400, { key: 'library.package.errors.brailleInvalid', params: { char: foreign } })
    await db
      .insert(resourceBraille)
      .values({ resourceId: id, scheme: row.scheme, braille: row.braille, sourceHash: row.sourceHash, correctedById: actor.id })
      .onConflictDoUpdate({ target: [resourceBraille.resourceId, resourceBraille.scheme], set: { braille: row.braille, sourceHash: row.sourceHash, correctedById: actor.id, correctedAt: new Date() } })
  }
}
