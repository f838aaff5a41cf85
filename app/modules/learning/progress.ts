/** Progress figures shared by the pages, the API and the family view (no server-only imports). */

export interface Score {
  /** Exercises the lesson has. */
  total: number
  /** Exercises answered at least once. */
  answered: number
  /** Exercises answered correctly on the first attempt. */
  firstTry: number
}

/** First-try correctness over a lesson's exercises: only attempt 1 of each exercise counts. */
export function scoreOf(total: number, answers: { exerciseId: string; attempt: number; correct: boolean }[]): Score {
  const answered = new Set(answers.map((a) => a.exerciseId)).size
  const firstTry = answers.filter((a) => a.attempt === 1 && a.correct).length
  return { total, answered, firstTry }
}

export type DueState = 'done' | 'doneLate' | 'overdue' | 'dueToday' | 'upcoming' | 'noDate'

/** Where a student stands against the due date (`today` as YYYY-MM-DD, China time). */
export function dueState(dueOn: string | null, status: 'assigned' | 'done', doneAt: string | null, today: string): DueState {
  if (status === 'done') {
    if (dueOn && doneAt && new Date(new Date(doneAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10) > dueOn) return 'doneLate'
    return 'done'
  }
  if (!dueOn) return 'noDate'
  if (dueOn < today) return 'overdue'
  if (dueOn === today) return 'dueToday'
  return 'upcoming'
}
