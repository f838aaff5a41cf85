/**
 * Printable visual supports made from an autism strategy's own content: a schedule strip of its
 * steps, a first–then board from its first and last step, one social-story page per step, and a
 * data-collection sheet with a column per step and a row per session.
 */
export const visualSupportTypes = ['schedule', 'first-then', 'social-story', 'data-sheet'] as const
export type VisualSupportType = (typeof visualSupportTypes)[number]

type Step = { n: number; text: string }
export type VisualSupport =
  | { kind: 'schedule'; steps: Step[] }
  | { kind: 'first-then'; first: string; then: string }
  | { kind: 'social-story'; pages: Step[] }
  | { kind: 'data-sheet'; target: string; measure: string; sessions: number; steps: Step[] }

export function visualSupport(type: VisualSupportType, details: Record<string, unknown>): VisualSupport {
  const steps: Step[] = (Array.isArray(details.steps) ? details.steps.map(String) : []).map((text, i) => ({ n: i + 1, text }))
  switch (type) {
    case 'schedule':
      return { kind: 'schedule', steps }
    case 'first-then':
      // The task comes first and the motivating step last; with one step the board repeats it.
      return { kind: 'first-then', first: steps[0]?.text ?? '', then: steps.at(-1)?.text ?? '' }
    case 'social-story':
      return { kind: 'social-story', pages: steps }
    case 'data-sheet':
      return {
        kind: 'data-sheet',
        target: String(details.targetSkill ?? ''),
        measure: String(details.dataMeasure ?? 'frequency'),
        sessions: Number(details.dataSessions ?? 5) || 5,
        steps: steps.slice(0, 8),
      }
  }
}
