import type { Role } from '~/modules/accounts/permissions'

/** Who may upload and manage videos: staff. Students and families only watch. */
const uploaderRoles: readonly Role[] = ['admin', 'researcher', 'teacher']

export function canUploadMedia(actor: { role: Role }): boolean {
  return uploaderRoles.includes(actor.role)
}
