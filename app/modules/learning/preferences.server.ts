import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { learnerPreferences, users, type DisplayPreferences } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { requireStudent } from '~/modules/accounts/students.server'
import { parseInput } from '~/platform/errors'
import { requirePersonalDataConsent } from './consent.server'
import { cleanLayer, displayFields, layerOfRelation, layerPreferences, preferencesInput, type LayeredPreferences, type LayerValues, type LearnerPreferences, type PreferenceLayer } from './preferences'

type Reader = Pick<Database, 'select'>

/**
 * The layers of a student's preferences. The student's own choice of text size, contrast and reduced
 * motion is their account's display setting (one place, shared with /preferences); everything else
 * of every layer is in `learner_preferences`.
 */
async function layersOf(db: Reader, studentId: string): Promise<Partial<Record<PreferenceLayer, LayerValues>>> {
  const rows = await db.select({ layer: learnerPreferences.layer, values: learnerPreferences.values }).from(learnerPreferences).where(eq(learnerPreferences.studentId, studentId))
  const layers: Partial<Record<PreferenceLayer, LayerValues>> = Object.fromEntries(rows.map((r) => [r.layer, cleanLayer(r.values)]))
  const [account] = await db.select({ preferences: users.preferences }).from(users).where(and(eq(users.id, studentId), eq(users.role, 'student')))
  const own = Object.fromEntries(Object.entries(layers.student ?? {}).filter(([field]) => !displayFields.includes(field as never)))
  layers.student = { ...own, ...cleanLayer(account?.preferences ?? {}) }
  return layers
}

/** The preferences in force for a student (no authorization: for code that has already checked it). */
export async function effectivePreferences(db: Reader, studentId: string): Promise<LearnerPreferences> {
  return layerPreferences(await layersOf(db, studentId)).effective
}

export interface PreferencesView extends LayeredPreferences {
  student: { id: string; displayName: string }
  /** The layer this actor edits. */
  layer: PreferenceLayer
}

/** A student's preferences with every layer and where each value comes from, for the student, a linked family or their teachers. */
export async function getPreferences(db: Database, actor: Actor, studentId: string): Promise<PreferencesView> {
  const { student, relation } = await requireStudent(db, actor, studentId)
  return { student: { id: student.id, displayName: student.displayName }, layer: layerOfRelation[relation], ...layerPreferences(await layersOf(db, student.id)) }
}

/**
 * Stores the actor's layer of a student's preferences — the teachers' default, the family's
 * adjustment or the student's own choice, decided by how the actor relates to the student. The input
 * replaces that layer (a field left empty is no longer set by it). Learner preferences are personal
 * data: storing them is refused (409) while a child under 14 has no guardian consent. The student's
 * own text size, contrast and reduced motion go to their account's display settings, which every
 * user has (consent or not), as /preferences stores them.
 */
export async function setPreferences(db: Database, actor: Actor, studentId: string, input: unknown): Promise<PreferencesView> {
  const { student, relation } = await requireStudent(db, actor, studentId)
  const values = definedOnly(parseInput(preferencesInput, input))
  const layer = layerOfRelation[relation]
  if (layer === 'student') {
    const display = Object.fromEntries(Object.entries(values).filter(([field]) => displayFields.includes(field as never))) as DisplayPreferences
    const rest = Object.fromEntries(Object.entries(values).filter(([field]) => !displayFields.includes(field as never)))
    if (Object.keys(rest).length) await requirePersonalDataConsent(db, student.id)
    await db.transaction(async (tx) => {
      await tx.update(users).set({ preferences: display, updatedAt: new Date() }).where(eq(users.id, student.id))
      if (Object.keys(rest).length) await upsertLayer(tx, student.id, layer, rest, actor.id)
      else await tx.delete(learnerPreferences).where(and(eq(learnerPreferences.studentId, student.id), eq(learnerPreferences.layer, layer)))
    })
  } else {
    await requirePersonalDataConsent(db, student.id)
    await upsertLayer(db, student.id, layer, values, actor.id)
  }
  return getPreferences(db, actor, student.id)
}

async function upsertLayer(db: Pick<Database, 'insert'>, studentId: string, layer: PreferenceLayer, values: Record<string, unknown>, actorId: string) {
  await db
    .insert(learnerPreferences)
    .values({ studentId, layer, values, updatedBy: actorId })
    .onConflictDoUpdate({ target: [learnerPreferences.studentId, learnerPreferences.layer], set: { values, updatedBy: actorId, updatedAt: sql`now()` } })
}

const definedOnly = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined))
