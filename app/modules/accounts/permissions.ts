import { forbidden } from '~/platform/errors'

/**
 * What each role may do, as `action:entity` strings. Module functions check these (with scope:
 * everything an admin manages is inside their own district); the UI only uses them to hide links.
 */
export const roles = ['admin', 'researcher', 'teacher', 'student', 'family'] as const
export type Role = (typeof roles)[number]

export const rolePermissions = {
  admin: ['manage:schools', 'manage:classes', 'manage:users', 'import:users', 'read:audit', 'read:district', 'read:library', 'author:resource', 'review:resource', 'archive:resource', 'edit:signs', 'read:reports'],
  researcher: ['read:district', 'read:library', 'author:resource', 'review:resource', 'edit:signs', 'read:reports'],
  teacher: ['read:own-classes', 'read:library', 'author:resource', 'edit:signs'],
  student: ['read:own-classes'],
  family: ['read:own-children'],
} as const satisfies Record<Role, readonly string[]>

export type Permission = (typeof rolePermissions)[Role][number]

export function can(role: Role, permission: Permission): boolean {
  return (rolePermissions[role] as readonly string[]).includes(permission)
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

export function requirePermission(actor: { role: Role }, permission: Permission) {
  if (!can(actor.role, permission)) throw forbidden()
}
