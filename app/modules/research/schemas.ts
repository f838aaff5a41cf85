import { z } from 'zod'
import type { researchSessionKinds } from '#db/schema/research'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: unknown): value is string => typeof value === 'string' && uuidPattern.test(value)

/** The five kinds of 教研活动 the district plan names, in its order (the same list as the schema's; the type checks it). */
export const sessionKinds = ['topic', 'collective_planning', 'lesson_discussion', 'skills_showcase', 'project_research'] as const
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const kindsMatchSchema: Same<(typeof sessionKinds)[number], (typeof researchSessionKinds)[number]> = true
void kindsMatchSchema
export type SessionKind = (typeof sessionKinds)[number]

const optionalText = (max: number) => z.string().trim().max(max).optional().default('')
const optionalId = (message: string) =>
  z
    .union([z.uuid({ message }), z.literal('')])
    .optional()
    .transform((v) => v || null)
/** One id or many (a form's repeated field, a JSON array), duplicates dropped. */
const idList = (message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set((Array.isArray(v) ? v : v ? [v] : []).filter(Boolean))])
    .pipe(z.array(z.uuid({ message })).max(200))

/** A group as its form and the API send it. */
export const groupInput = z.object({
  name: z.string().trim().min(1).max(80),
  description: optionalText(2000),
  /** A school of the district for a school-level group; empty for the district level. */
  schoolId: optionalId('research.errors.schoolNotFound'),
  /** Required when an administrator forms the group; a researcher leads what they form unless they name someone. */
  leaderId: optionalId('research.errors.notEligible'),
})

export const inviteInput = z.object({
  userIds: idList('research.errors.notEligible').pipe(z.array(z.string()).min(1, { message: 'research.errors.chooseInvitees' })),
})
export const respondInput = z.object({ answer: z.enum(['accept', 'decline'], { message: 'errors.invalidChoice' }) })
export const transferInput = z.object({ userId: z.string().min(1, { message: 'errors.required' }) })

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'research.errors.date' })
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'research.errors.time' })

/**
 * A session as its form and the API send it: a day and the start and end times in China Standard
 * Time (Asia/Shanghai, the district's clock), a place, an online link, or both.
 */
export const sessionInput = z
  .object({
    kind: z.enum(sessionKinds, { message: 'research.errors.kind' }),
    title: z.string().trim().min(1).max(120),
    date,
    startTime: time,
    endTime: time,
    place: optionalText(200),
    onlineUrl: z
      .string()
      .trim()
      .max(500)
      .optional()
      .default('')
      .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { message: 'research.errors.onlineUrl' }),
    agenda: optionalText(5000),
    /** Members to invite; empty means every active member of the group. */
    inviteeIds: idList('research.errors.notEligible'),
  })
  .superRefine((v, ctx) => {
    if (!v.place && !v.onlineUrl) ctx.addIssue({ code: 'custom', path: ['place'], message: 'research.errors.placeOrLink' })
    if (v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'research.errors.endBeforeStart' })
    if (Number.isNaN(Date.parse(`${v.date}T00:00:00Z`)) || new Date(`${v.date}T00:00:00Z`).toISOString().slice(0, 10) !== v.date) ctx.addIssue({ code: 'custom', path: ['date'], message: 'research.errors.date' })
  })
export type SessionInput = z.infer<typeof sessionInput>

export const rsvpInput = z.object({ rsvp: z.enum(['yes', 'maybe', 'no'], { message: 'errors.invalidChoice' }) })
export const attendanceInput = z.object({ userIds: idList('research.errors.notInvited') })
export const minutesInput = z.object({
  /** Tiptap JSON, as a string from the form or an object from the API. */
  minutes: z.union([z.string(), z.record(z.string(), z.unknown())]),
})
export const publishInput = z.object({
  published: z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true'),
})
export const linkResourceInput = z.object({ resourceId: z.string().trim().min(1, { message: 'errors.required' }) })

export const calendarInput = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
})
