import { count, eq } from 'drizzle-orm'
import type { Database } from '#db/client'
import { classes, districts, schools, users } from '#db/schema'
import type { Actor } from './actor'
import { listSchools } from './structure.server'
import { myChildren, myClasses } from './users.server'

/** What each role sees first: exactly what it may reach, nothing more. */
export async function homeFor(db: Database, actor: Actor) {
  switch (actor.role) {
    case 'admin': {
      const [district] = await db.select({ name: districts.name }).from(districts).where(eq(districts.id, actor.districtId))
      const [[s], [c], [u]] = await Promise.all([
        db.select({ n: count() }).from(schools).where(eq(schools.districtId, actor.districtId)),
        db.select({ n: count() }).from(classes).innerJoin(schools, eq(schools.id, classes.schoolId)).where(eq(schools.districtId, actor.districtId)),
        db.select({ n: count() }).from(users).where(eq(users.districtId, actor.districtId)),
      ])
      return { role: 'admin' as const, district: district?.name ?? '', counts: { schools: s?.n ?? 0, classes: c?.n ?? 0, users: u?.n ?? 0 } }
    }
    case 'researcher': {
      const [district] = await db.select({ name: districts.name }).from(districts).where(eq(districts.id, actor.districtId))
      return { role: 'researcher' as const, district: district?.name ?? '', schools: await listSchools(db, actor) }
    }
    case 'teacher':
    case 'student':
      return { role: actor.role, classes: await myClasses(db, actor) }
    case 'family':
      return { role: 'family' as const, children: await myChildren(db, actor) }
  }
}
