import { and, asc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#db/client'
import { exerciseAnswers, familyNotes, homePractice, homeVisits, learnerPreferences, studentAgeStatements, studentProfiles } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { record } from '~/modules/accounts/audit.server'
import { createI18n, type Locale } from '~/platform/i18n'
import { parseInput } from '~/platform/errors'
import { assignmentsOfStudent, type StudentAssignment } from './assignments.server'
import { consentStatusOf, type ConsentRecord } from './consent.server'
import { practiceOf, type PracticeRecord } from './family.server'
import { notesOf, type FamilyNote } from './notes.server'
import { getPreferences } from './preferences.server'
import { profileOf, requireProfileReader, type StudentProfile } from './profiles.server'
import { visitsOfStudent, type HomeVisit } from './visits.server'

/**
 * Export and deletion on request (PIPL arts. 45 and 47), for the student's teachers and linked
 * family. The export holds everything stored about the student across the family/visit tables and
 * the learning module's assignments, answers and preferences; both write an audit row.
 */

export interface StudentExport {
  exportedAt: string
  student: { id: string; displayName: string; username: string }
  aged14OrOver: boolean | null
  consents: ConsentRecord[]
  profile: StudentProfile | null
  learnerPreferences: Record<string, unknown>
  notes: Omit<FamilyNote, 'mine'>[]
  homePractice: PracticeRecord[]
  homeVisits: Omit<HomeVisit, 'mine'>[]
  assignments: StudentAssignment[]
  answers: { assignmentId: string; exerciseId: string; attempt: number; answer: unknown; correct: boolean; at: string }[]
}

export async function exportStudentData(db: Database, actor: Actor, studentId: string, context: { format: 'json' | 'html'; ip?: string | null }): Promise<StudentExport> {
  const { student } = await requireProfileReader(db, actor, studentId)
  const consent = await consentStatusOf(db, student.id)
  const preferences = await getPreferences(db, actor, student.id)
  const answers = await db
    .select()
    .from(exerciseAnswers)
    .where(eq(exerciseAnswers.studentId, student.id))
    .orderBy(asc(exerciseAnswers.createdAt), asc(exerciseAnswers.attempt))
  const data: StudentExport = {
    exportedAt: new Date().toISOString(),
    student: { id: student.id, displayName: student.displayName, username: student.username },
    aged14OrOver: consent.aged14OrOver,
    consents: consent.history,
    profile: await profileOf(db, student.id),
    learnerPreferences: { layers: preferences.layers, effective: preferences.effective },
    notes: (await notesOf(db, actor, student.id)).map(({ mine: _, ...n }) => n),
    homePractice: await practiceOf(db, student.id),
    homeVisits: (await visitsOfStudent(db, actor, student.id)).map(({ mine: _, ...v }) => v),
    assignments: await assignmentsOfStudent(db, actor, student.id),
    answers: answers.map((a) => ({ assignmentId: a.assignmentId, exerciseId: a.exerciseId, attempt: a.attempt, answer: a.answer, correct: a.correct, at: a.createdAt.toISOString() })),
  }
  await record(db, { action: 'student-profile.exported', actorId: actor.id, districtId: actor.districtId, targetType: 'student', targetId: student.id, detail: { format: context.format }, ip: context.ip ?? null })
  return data
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The export as one readable, self-contained HTML page (no scripts, no requests back). */
export function exportHtml(data: StudentExport, locale: Locale): string {
  const { t } = createI18n(locale)
  const section = (title: string, body: string) => `<section><h2>${escape(title)}</h2>${body}</section>`
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p>${escape(t('family.export.none'))}</p>`)
  const dl = (pairs: [string, string][]) => `<dl>${pairs.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>`
  const p = data.profile
  const parts = [
    section(
      t('family.export.student'),
      dl([
        [t('family.export.name'), data.student.displayName],
        [t('family.export.username'), data.student.username],
        [t('family.consent.ageTitle'), data.aged14OrOver === null ? t('family.consent.ageUnknown') : data.aged14OrOver ? t('family.consent.age14Plus') : t('family.consent.ageUnder14')],
      ]),
    ),
    section(
      t('family.consent.title'),
      list(data.consents.map((c) => escape(`${t(`family.consent.methods.${c.method}`)} · ${c.guardianName} · ${c.paperSignedOn ?? c.givenAt.slice(0, 10)}${c.paperReference ? ` · ${c.paperReference}` : ''}${c.withdrawnAt ? ` · ${t('family.consent.withdrawnOn', { date: c.withdrawnAt.slice(0, 10) })}` : ''}`))),
    ),
    section(
      t('family.profile.title'),
      p
        ? dl([
            [t('family.profile.category'), p.disabilityCategory ? t(`family.categories.${p.disabilityCategory}`) : t('family.profile.notRecorded')],
            [t('family.profile.supportNeeds'), p.supportNeeds || t('family.profile.notRecorded')],
          ])
        : `<p>${escape(t('family.profile.none'))}</p>`,
    ),
    section(t('family.export.preferences'), `<pre>${escape(JSON.stringify(data.learnerPreferences, null, 2))}</pre>`),
    section(t('family.notes.title'), list(data.notes.map((n) => escape(`${n.createdAt.slice(0, 10)} · ${n.authorName ?? ''}: ${n.body}`)))),
    section(t('family.practice.title'), list(data.homePractice.map((r) => escape(`${r.practisedOn} · ${r.activity} · ${t('family.minutesN', { count: r.minutes })}${r.note ? ` · ${r.note}` : ''}`)))),
    section(t('family.visits.title'), list(data.homeVisits.map((v) => escape(`${v.visitedOn} · ${v.teacherName ?? ''} · ${t('family.minutesN', { count: v.durationMinutes })} · ${v.taught}${v.notes ? ` · ${v.notes}` : ''}${v.lessons.length ? ` · ${v.lessons.map((l) => l.title).join('、')}` : ''}`)))),
    section(t('family.child.assignments'), list(data.assignments.map((a) => escape(`${a.title} · ${t(`family.status.${a.status}`)}${a.dueOn ? ` · ${a.dueOn}` : ''}${a.score ? ` · ${a.score.firstTry}/${a.score.total}` : ''}`)))),
    section(t('family.export.answers'), list(data.answers.map((a) => escape(`${a.at.slice(0, 16).replace('T', ' ')} · ${a.correct ? t('family.export.correct') : t('family.export.incorrect')} · ${JSON.stringify(a.answer)}`)))),
  ]
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t('family.export.title', { name: data.student.displayName }))}</title><style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.6}dt{font-weight:bold}pre{white-space:pre-wrap}</style></head><body><main><h1>${escape(t('family.export.title', { name: data.student.displayName }))}</h1><p>${escape(t('family.export.madeAt', { date: data.exportedAt.slice(0, 16).replace('T', ' ') }))}</p>${parts.join('')}</main></body></html>`
}

export const deletionInput = z.object({ confirm: z.literal('yes', { message: 'family.errors.confirmDeletion' }) })

/**
 * Erases the student's personal data kept here: profile, age statement, notes to the family, home
 * practice, the personal notes of home visits and the learner preferences. Kept: that visits took
 * place (teachers' work record), assignments and answers (the school's teaching record), the consent
 * history (proof), and an audit row saying the deletion happened.
 */
export async function deleteStudentData(db: Database, actor: Actor, studentId: string, input: unknown, context: { ip?: string | null } = {}) {
  const { student } = await requireProfileReader(db, actor, studentId)
  parseInput(deletionInput, input)
  return db.transaction(async (tx) => {
    const profile = await tx.delete(studentProfiles).where(eq(studentProfiles.studentId, student.id)).returning({ id: studentProfiles.studentId })
    await tx.delete(studentAgeStatements).where(eq(studentAgeStatements.studentId, student.id))
    const notes = await tx.delete(familyNotes).where(eq(familyNotes.studentId, student.id)).returning({ id: familyNotes.id })
    const practice = await tx.delete(homePractice).where(eq(homePractice.studentId, student.id)).returning({ id: homePractice.id })
    const visits = await tx
      .update(homeVisits)
      .set({ notes: '', notesErasedAt: new Date() })
      .where(and(eq(homeVisits.studentId, student.id), isNull(homeVisits.notesErasedAt)))
      .returning({ id: homeVisits.id })
    const preferences = await tx.delete(learnerPreferences).where(eq(learnerPreferences.studentId, student.id)).returning({ layer: learnerPreferences.layer })
    const counts = { profile: profile.length, notes: notes.length, homePractice: practice.length, visitNotes: visits.length, preferences: preferences.length }
    await record(tx, { action: 'student-profile.deleted', actorId: actor.id, districtId: actor.districtId, targetType: 'student', targetId: student.id, detail: counts, ip: context.ip ?? null })
    return counts
  })
}
