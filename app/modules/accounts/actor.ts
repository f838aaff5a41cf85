import type { DisplayPreferences } from '#db/schema'
import type { Role } from './permissions'

/** The signed-in user as every module function receives it. */
export interface Actor {
  id: string
  username: string
  displayName: string
  role: Role
  districtId: string
  schoolId: string | null
  locale: string
  preferences: DisplayPreferences
}
