import { z } from 'zod'

/**
 * Exercises a teacher adds to a lesson: their shapes per kind, the answers students send, and how
 * an answer is checked. Pure and isomorphic (the editor, the player and the server share it).
 */
/** The same list as db/schema/learning.ts (kept apart so the browser bundle carries no database code). */
export const exerciseKinds = ['picture_choice', 'yes_no', 'matching', 'ordering'] as const
export type ExerciseKind = (typeof exerciseKinds)[number]

const text = (max: number, message = 'errors.required') => z.string().trim().min(1, message).max(max)

export const pictureChoiceData = z.object({
  options: z
    .array(z.object({ imageId: z.uuid('learning.errors.pictureMissing'), alt: text(200, 'learning.errors.altRequired'), label: z.string().trim().max(60).default('') }))
    .min(2, 'learning.errors.twoOptions')
    .max(6, 'learning.errors.tooManyOptions'),
  correct: z.number().int().min(0),
})
export const yesNoData = z.object({ answer: z.boolean() })
export const matchingData = z.object({
  pairs: z.array(z.object({ left: text(80), right: text(80) })).min(2, 'learning.errors.twoPairs').max(6, 'learning.errors.tooManyOptions'),
})
export const orderingData = z.object({ items: z.array(text(80)).min(2, 'learning.errors.twoItems').max(8, 'learning.errors.tooManyOptions') })

export const exerciseData = { picture_choice: pictureChoiceData, yes_no: yesNoData, matching: matchingData, ordering: orderingData } as const

export type PictureChoiceData = z.infer<typeof pictureChoiceData>
export type YesNoData = z.infer<typeof yesNoData>
export type MatchingData = z.infer<typeof matchingData>
export type OrderingData = z.infer<typeof orderingData>
export type ExerciseData = PictureChoiceData | YesNoData | MatchingData | OrderingData

export const exerciseInput = z
  .object({ kind: z.enum(exerciseKinds), prompt: text(300, 'learning.errors.promptRequired'), data: z.unknown() })
  .transform((v, ctx) => {
    const parsed = exerciseData[v.kind].safeParse(v.data)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['data', ...issue.path] } as never)
      return z.NEVER
    }
    if (v.kind === 'picture_choice') {
      const d = parsed.data as PictureChoiceData
      if (d.correct >= d.options.length) {
        ctx.addIssue({ code: 'custom', path: ['data', 'correct'], message: 'learning.errors.chooseCorrect' })
        return z.NEVER
      }
    }
    return { kind: v.kind, prompt: v.prompt, data: parsed.data as ExerciseData }
  })
export type ExerciseInput = z.output<typeof exerciseInput>

/** What a student sends: the chosen option, yes/no, for matching the right item (original index) per left item, for ordering the original indexes in the chosen order. */
export const answerInput = z.union([
  z.object({ choice: z.number().int().min(0) }),
  z.object({ yes: z.boolean() }),
  z.object({ matches: z.array(z.number().int().min(0)).max(6) }),
  z.object({ order: z.array(z.number().int().min(0)).max(8) }),
])
export type Answer = z.infer<typeof answerInput>

/** Whether an answer is right; null when it does not fit the exercise's kind (a 400, not a wrong answer). */
export function checkAnswer(kind: ExerciseKind, data: ExerciseData, answer: Answer): boolean | null {
  switch (kind) {
    case 'picture_choice': {
      if (!('choice' in answer)) return null
      const d = data as PictureChoiceData
      if (answer.choice >= d.options.length) return null
      return answer.choice === d.correct
    }
    case 'yes_no':
      return 'yes' in answer ? answer.yes === (data as YesNoData).answer : null
    case 'matching': {
      const d = data as MatchingData
      if (!('matches' in answer) || answer.matches.length !== d.pairs.length || answer.matches.some((m) => m >= d.pairs.length)) return null
      return answer.matches.every((right, left) => right === left || d.pairs[right]!.right === d.pairs[left]!.right)
    }
    case 'ordering': {
      const d = data as OrderingData
      if (!('order' in answer) || answer.order.length !== d.items.length || new Set(answer.order).size !== d.items.length || answer.order.some((i) => i >= d.items.length)) return null
      return answer.order.every((item, position) => item === position || d.items[item] === d.items[position])
    }
  }
}

/** A stable shuffle (the same on server and browser for the same seed), never the original order when it can avoid it. */
export function shuffledIndexes(count: number, seed: string): number[] {
  let h = 2166136261
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  const random = () => {
    h = (Math.imul(h ^ (h >>> 15), 2246822507) + 0x6d2b79f5) >>> 0
    return h / 4294967296
  }
  const order = Array.from({ length: count }, (_, i) => i)
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  if (count > 1 && order.every((v, i) => v === i)) order.push(order.shift()!)
  return order
}

/** What a student sees of an exercise: no right answers in it. */
export type StudentExercise =
  | { id: string; kind: 'picture_choice'; prompt: string; options: { index: number; imageId: string; alt: string; label: string }[] }
  | { id: string; kind: 'yes_no'; prompt: string }
  | { id: string; kind: 'matching'; prompt: string; left: string[]; right: { index: number; text: string }[] }
  | { id: string; kind: 'ordering'; prompt: string; items: { index: number; text: string }[] }

export function forStudent(exercise: { id: string; kind: ExerciseKind; prompt: string; data: unknown }): StudentExercise {
  const { id, prompt } = exercise
  switch (exercise.kind) {
    case 'picture_choice': {
      const d = exercise.data as PictureChoiceData
      return { id, kind: 'picture_choice', prompt, options: d.options.map((o, index) => ({ index, imageId: o.imageId, alt: o.alt, label: o.label })) }
    }
    case 'yes_no':
      return { id, kind: 'yes_no', prompt }
    case 'matching': {
      const d = exercise.data as MatchingData
      return { id, kind: 'matching', prompt, left: d.pairs.map((p) => p.left), right: shuffledIndexes(d.pairs.length, id).map((index) => ({ index, text: d.pairs[index]!.right })) }
    }
    case 'ordering': {
      const d = exercise.data as OrderingData
      return { id, kind: 'ordering', prompt, items: shuffledIndexes(d.items.length, id).map((index) => ({ index, text: d.items[index]! })) }
    }
  }
}

export const pictureSlots = 4

/**
 * The exercise editor's form fields as an exercise input: matching pairs are lines "left = right",
 * ordering steps one per line, pictures numbered 1–4 (`images[n]` is the stored picture of slot n).
 * Returns the input, or the number of a matching line that is not "left = right".
 */
export function exerciseInputFromForm(get: (name: string) => string, images: Record<number, string>): { input: unknown } | { badPairLine: number } {
  const kind = get('kind')
  const prompt = get('prompt')
  const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  switch (kind) {
    case 'yes_no':
      return { input: { kind, prompt, data: { answer: get('yesNoAnswer') === 'yes' ? true : get('yesNoAnswer') === 'no' ? false : undefined } } }
    case 'matching': {
      const pairs: { left: string; right: string }[] = []
      for (const [i, line] of lines(get('pairs')).entries()) {
        const parts = line.split(/\s*[=＝]\s*/)
        if (parts.length !== 2 || !parts[0] || !parts[1]) return { badPairLine: i + 1 }
        pairs.push({ left: parts[0], right: parts[1] })
      }
      return { input: { kind, prompt, data: { pairs } } }
    }
    case 'ordering':
      return { input: { kind, prompt, data: { items: lines(get('items')) } } }
    case 'picture_choice': {
      const options: { imageId: string; alt: string; label: string }[] = []
      let correct = -1
      for (let n = 1; n <= pictureSlots; n++) {
        const alt = get(`alt${n}`).trim()
        const image = images[n]
        if (!image && !alt) continue
        if (get('correct') === String(n)) correct = options.length
        options.push({ imageId: image ?? '', alt, label: get(`label${n}`).trim() })
      }
      return { input: { kind, prompt, data: { options, correct: correct < 0 ? options.length : correct } } }
    }
    default:
      return { input: { kind, prompt, data: {} } }
  }
}
