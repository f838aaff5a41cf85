import { z } from 'zod'
import { roles } from './permissions'

/** One schema per form, shared by the page (browser and server) and the API. */
export const schoolKinds = ['peizhi', 'mangxiao', 'longxiao', 'regular', 'resource_centre'] as const
export const stages = ['preschool', 'primary', 'junior', 'senior', 'vocational'] as const
export const fontScales = ['normal', 'large', 'x-large'] as const
export const contrasts = ['normal', 'high'] as const

/** HTML forms send '' for an empty field and 'on' for a ticked box. */
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional())
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())

export const usernameSchema = z.string().trim().regex(/^[A-Za-z0-9._-]{3,32}$/, 'errors.invalidUsername')
export const passwordSchema = z.string().min(10, 'errors.passwordTooShort').max(200)
const emailSchema = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.email('errors.invalidEmail').max(200).optional())
const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional())

export const schoolInput = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(schoolKinds),
  address: optionalText(200),
})
export type SchoolInput = z.infer<typeof schoolInput>

export const classInput = z.object({
  schoolId: z.uuid(),
  name: z.string().trim().min(1).max(60),
  stage: z.enum(stages),
  grade: z.preprocess((v) => (v === '' || v == null ? undefined : Number(v)), z.number('errors.invalidNumber').int().min(1).max(12).optional()),
})
export type ClassInput = z.infer<typeof classInput>

export const userCreateInput = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(60),
  role: z.enum(roles),
  email: emailSchema,
  schoolId: optionalId,
  password: passwordSchema,
})
export type UserCreateInput = z.infer<typeof userCreateInput>

export const userUpdateInput = z.object({
  displayName: z.string().trim().min(1).max(60),
  role: z.enum(roles),
  email: emailSchema,
  schoolId: optionalId,
  active: checkbox,
  password: z.preprocess((v) => (v === '' ? undefined : v), passwordSchema.optional()),
})
export type UserUpdateInput = z.infer<typeof userUpdateInput>

export const passwordChangeInput = z
  .object({ currentPassword: z.string().min(1), newPassword: passwordSchema, confirmPassword: z.string().min(1) })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'account.passwordMismatch' })

export const preferencesInput = z.object({
  locale: z.enum(['zh-CN', 'en']),
  fontScale: z.enum(fontScales),
  contrast: z.enum(contrasts),
  reducedMotion: checkbox,
})
export type PreferencesInput = z.infer<typeof preferencesInput>

export const signInInput = z.object({ login: z.string().trim().min(1).max(200), password: z.string().min(1).max(200) })
