import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { learnerPreferences, users, type DisplayPreferences } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { requireStudent } from '~/modules/accounts/students.server'
import { parseInput } from '~/platform/errors'
import { requirePersonalDataConsent } from './consent.server'
import { cleanLayer, layerOfRelation, layerPreferences, preferenceFields, preferencesInput, type LayeredPreferences, type LayerValues, type LearnerPreferences, type PreferenceLayer } from './preferences'

type Reader = Pick<Database, 'select'>

async function layersOf(db: Reader, studentId: string): Promise<Partial<Record<PreferenceLayer, LayerValues>>> {
  const rows = await db.select({ layer: learnerPreferences.layer, values: learnerPreferences.values }).from(learnerPreferences).where(eq(learnerPreferences.studentId, studentId))
  return Object.fromEntries(rows.map((r) => [r.layer, cleanLayer(r.values)]))
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
 * Stores the actor's layer of a student's preferences: the teachers' default, the family's
 * adjustment or the student's own choice, decided by how the actor relates to the student. The
 * input replaces that layer (a field left empty is no longer set by it). Learner preferences are
 * personal data: refused (409) while a child under 14 has no guardian consent.
 */
export async function setPreferences(db: Database, actor: Actor, studentId: string, input: unknown): Promise<PreferencesView> {
  const { student, relation } = await requireStudent(db, actor, studentId)
  const values = stripUndefined(parseInput(preferencesInput, input))
  await requirePersonalDataConsent(db, student.id)
  const layer = layerOfRelation[relation]
  await db.transaction(async (tx) => {
    await tx
      .insert(learnerPreferences)
      .values({ studentId: student.id, layer, values, updatedBy: actor.id })
      .onConflictDoUpdate({ target: [learnerPreferences.studentId, learnerPreferences.layer], set: { values, updatedBy: actor.id, updatedAt: sql`now()` } })
    await syncAccountDisplay(tx, student.id)
  })
  return getPreferences(db, actor, student.id)
}

/**
 * A student's account display settings (font size, contrast, reduced motion on every page) follow
 * their effective learner preferences: one place decides, the account keeps a copy the page shell reads.
 */
async function syncAccountDisplay(db: Pick<Database, 'select' | 'update'>, studentId: string) {
  const effective = layerPreferences(await layersOf(db, studentId)).effective
  const display: DisplayPreferences = { fontScale: effective.fontScale, contrast: effective.contrast, reducedMotion: effective.reducedMotion }
  await db.update(users).set({ preferences: display }).where(and(eq(users.id, studentId), eq(users.role, 'student')))
}

/**
 * A student saving the account's display page: those three fields are their own layer of the
 * learner preferences (the other fields of that layer stay). Nothing changes when they are already in force.
 */
export async function setOwnDisplayFromAccount(db: Database, actor: Actor, display: Required<DisplayPreferences>) {
  if (actor.role !== 'student') return
  const layers = await layersOf(db, actor.id)
  const current = layerPreferences(layers).effective
  if (current.fontScale === display.fontScale && current.contrast === display.contrast && current.reducedMotion === display.reducedMotion) return
  await setPreferences(db, actor, actor.id, { ...(layers.student ?? {}), fontScale: display.fontScale, contrast: display.contrast, reducedMotion: display.reducedMotion })
}

const stripUndefined = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([key, v]) => v !== undefined && preferenceFields.includes(key as never)))
