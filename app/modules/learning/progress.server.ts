import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { assignments, assignmentStudents, resources, resourceVersions } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { requireClassTaught } from '~/modules/accounts/students.server'
import { isVariantKey } from '~/modules/library/taxonomy'
import { forbidden } from '~/platform/errors'
import { scoresFor, today } from './assignments.server'
import { dueState, type DueState, type Score } from './progress'

export interface ProgressRow {
  student: { id: string; displayName: string }
  variantKey: string | null
  status: 'assigned' | 'done'
  doneAt: string | null
  score: Score | null
  dueState: DueState
}

export interface AssignmentProgress {
  id: string
  resourceId: string
  title: string
  dueOn: string | null
  createdAt: string
  rows: ProgressRow[]
  summary: { students: number; done: number; exercises: number; firstTry: number; possible: number }
}

/**
 * A class's progress for the teacher who teaches it: every assignment that reaches its students
 * (to the whole class or to some of them), each student of the class in it with their variant,
 * done state, first-try exercise score and where they stand against the due date.
 */
export async function classProgress(db: Database, actor: Actor, classId: string) {
  if (actor.role !== 'teacher') throw forbidden()
  const klass = await requireClassTaught(db, actor, classId)
  const studentIds = klass.students.map((s) => s.id)
  const students = klass.students.map((s) => ({ id: s.id, displayName: s.displayName }))
  if (studentIds.length === 0) return { class: { id: klass.id, name: klass.name }, students, assignments: [] as AssignmentProgress[] }
  const rows = await db
    .select({
      id: assignments.id,
      resourceId: assignments.resourceId,
      dueOn: assignments.dueOn,
      createdAt: assignments.createdAt,
      title: resources.title,
      snapshotTitle: sql<string | null>`(select ${resourceVersions.snapshot}->>'title' from ${resourceVersions} where ${resourceVersions.resourceId} = ${resources.id} and ${resourceVersions.number} = ${resources.publishedVersion})`,
      studentId: assignmentStudents.studentId,
      variantKey: assignmentStudents.variantKey,
      status: assignmentStudents.status,
      doneAt: assignmentStudents.doneAt,
    })
    .from(assignmentStudents)
    .innerJoin(assignments, eq(assignments.id, assignmentStudents.assignmentId))
    .innerJoin(resources, eq(resources.id, assignments.resourceId))
    .where(and(inArray(assignmentStudents.studentId, studentIds), eq(assignments.districtId, actor.districtId)))
    .orderBy(desc(assignments.createdAt), asc(assignments.id))
  const scores = await scoresFor(db, rows.map((r) => ({ assignmentId: r.id, resourceId: r.resourceId, studentId: r.studentId })))
  const now = today()
  const byAssignment = new Map<string, AssignmentProgress>()
  for (const r of rows) {
    let entry = byAssignment.get(r.id)
    if (!entry) {
      entry = { id: r.id, resourceId: r.resourceId, title: r.snapshotTitle ?? r.title, dueOn: r.dueOn, createdAt: r.createdAt.toISOString(), rows: [], summary: { students: 0, done: 0, exercises: 0, firstTry: 0, possible: 0 } }
      byAssignment.set(r.id, entry)
    }
    const student = klass.students.find((s) => s.id === r.studentId)!
    const score = scores.get(`${r.id}:${r.studentId}`) ?? null
    const doneAt = r.doneAt?.toISOString() ?? null
    entry.rows.push({ student: { id: student.id, displayName: student.displayName }, variantKey: r.variantKey && isVariantKey(r.variantKey) ? r.variantKey : null, status: r.status, doneAt, score, dueState: dueState(r.dueOn, r.status, doneAt, now) })
    entry.summary.students++
    if (r.status === 'done') entry.summary.done++
    if (score) {
      entry.summary.exercises = score.total
      entry.summary.firstTry += score.firstTry
      entry.summary.possible += score.total
    }
  }
  for (const entry of byAssignment.values()) entry.rows.sort((a, b) => a.student.displayName.localeCompare(b.student.displayName, 'zh-CN'))
  return { class: { id: klass.id, name: klass.name }, students, assignments: [...byAssignment.values()] }
}
