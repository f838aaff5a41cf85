import { and, asc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { researchGroupMembers, researchGroups, researchSessionInvitees, researchSessions, schools, users } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { requirePermission } from '~/modules/accounts/permissions'
import { notify } from '~/modules/notifications/index.server'
import { markForIndexing } from '~/modules/search/sync.server'
import { AppError, badInput, notFound, parseInput } from '~/platform/errors'
import { groupInput, inviteInput, isUuid, respondInput, transferInput } from './schemas'
import { sessionDocumentId } from './search-source.server'
import { whenText } from './time'

export type Group = typeof researchGroups.$inferSelect
type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>
type Reader = Pick<Database, 'select'>

/** Roles that can be members of a 教研组. */
export const memberRoles = ['teacher', 'researcher'] as const
const isMemberRole = (role: string) => (memberRoles as readonly string[]).includes(role)

/** Ids of the groups the actor is an active member of (leader included), archived ones too. */
export async function groupIdsOf(db: Reader, actor: Pick<Actor, 'id'>): Promise<string[]> {
  const rows = await db
    .select({ id: researchGroupMembers.groupId })
    .from(researchGroupMembers)
    .where(and(eq(researchGroupMembers.userId, actor.id), eq(researchGroupMembers.status, 'active')))
  return rows.map((r) => r.id)
}

/** The actor's membership of a group, whatever its status, or null. */
export async function membershipOf(db: Reader, actor: Pick<Actor, 'id'>, groupId: string) {
  const [row] = await db
    .select()
    .from(researchGroupMembers)
    .where(and(eq(researchGroupMembers.groupId, groupId), eq(researchGroupMembers.userId, actor.id)))
  return row ?? null
}

async function groupInDistrict(db: Reader, actor: Actor, groupId: string): Promise<Group | null> {
  if (!isUuid(groupId)) return null
  const [group] = await db
    .select()
    .from(researchGroups)
    .where(and(eq(researchGroups.id, groupId), eq(researchGroups.districtId, actor.districtId)))
  return group ?? null
}

/**
 * The group, if the actor may read it: an active member, or an administrator of its district.
 * Anyone else (an invitee who has not accepted, another district, a guessed id) gets a 404.
 */
export async function requireGroupMember(db: Reader, actor: Actor, groupId: string): Promise<Group> {
  const group = await groupInDistrict(db, actor, groupId)
  if (!group) throw notFound('research.errors.groupNotFound')
  if (actor.role === 'admin') return group
  const membership = await membershipOf(db, actor, group.id)
  if (membership?.status !== 'active') throw notFound('research.errors.groupNotFound')
  return group
}

/** Whether the actor leads the group now. */
export async function isGroupLeader(db: Reader, actor: Pick<Actor, 'id'>, groupId: string): Promise<boolean> {
  if (!isUuid(groupId)) return false
  const [row] = await db
    .select({ id: researchGroups.id })
    .from(researchGroups)
    .where(and(eq(researchGroups.id, groupId), eq(researchGroups.leaderId, actor.id)))
  return Boolean(row)
}

/** The group for a change only its leader may make: 404 if the actor may not see it, 403 if they only read it. */
export async function requireGroupLeader(db: Reader, actor: Actor, groupId: string): Promise<Group> {
  const group = await requireGroupMember(db, actor, groupId)
  if (group.leaderId !== actor.id) throw new AppError(403, { key: 'research.errors.leaderOnly' })
  return group
}

export const canCreateGroups = (actor: Pick<Actor, 'role'>) => actor.role === 'researcher' || actor.role === 'admin'

export interface GroupSummary {
  id: string
  name: string
  description: string
  level: 'district' | 'school'
  schoolName: string | null
  leader: { id: string; displayName: string }
  memberCount: number
  archived: boolean
  /** The actor's own standing: their role if active, 'invited' while the invitation is open, null for an administrator's read-only view. */
  myRole: 'leader' | 'member' | 'invited' | null
}

/**
 * The groups the actor belongs to or is invited to; an administrator also sees every group of the
 * district (read only).
 */
export async function listGroups(db: Database, actor: Actor): Promise<{ groups: GroupSummary[]; invitations: GroupSummary[] }> {
  const mine = await db
    .select({ groupId: researchGroupMembers.groupId, role: researchGroupMembers.role, status: researchGroupMembers.status })
    .from(researchGroupMembers)
    .where(and(eq(researchGroupMembers.userId, actor.id), inArray(researchGroupMembers.status, ['active', 'invited'])))
  const ids = mine.map((m) => m.groupId)
  const condition =
    actor.role === 'admin' ? eq(researchGroups.districtId, actor.districtId) : ids.length ? and(eq(researchGroups.districtId, actor.districtId), inArray(researchGroups.id, ids)) : sql`false`
  const rows = await db
    .select({ group: researchGroups, leaderName: users.displayName, schoolName: schools.name, memberCount: sql<number>`(select count(*)::int from research_group_members m where m.group_id = ${researchGroups.id} and m.status = 'active')` })
    .from(researchGroups)
    .innerJoin(users, eq(users.id, researchGroups.leaderId))
    .leftJoin(schools, eq(schools.id, researchGroups.schoolId))
    .where(condition)
    .orderBy(sql`${researchGroups.archivedAt} is not null`, asc(researchGroups.name))
  const summaries = rows.map(({ group, leaderName, schoolName, memberCount }): GroupSummary => {
    const m = mine.find((x) => x.groupId === group.id)
    return {
      id: group.id,
      name: group.name,
      description: group.description,
      level: group.schoolId ? 'school' : 'district',
      schoolName,
      leader: { id: group.leaderId, displayName: leaderName },
      memberCount,
      archived: group.archivedAt !== null,
      myRole: m ? (m.status === 'invited' ? 'invited' : m.role) : null,
    }
  })
  return { groups: summaries.filter((g) => g.myRole !== 'invited'), invitations: summaries.filter((g) => g.myRole === 'invited') }
}

export interface MemberView {
  userId: string
  displayName: string
  username: string
  role: 'leader' | 'member'
  status: 'invited' | 'active' | 'declined'
  userRole: string
  schoolName: string | null
}

export async function membersOf(db: Reader, groupId: string): Promise<MemberView[]> {
  const rows = await db
    .select({
      userId: researchGroupMembers.userId,
      displayName: users.displayName,
      username: users.username,
      role: researchGroupMembers.role,
      status: researchGroupMembers.status,
      userRole: users.role,
      schoolName: schools.name,
    })
    .from(researchGroupMembers)
    .innerJoin(users, eq(users.id, researchGroupMembers.userId))
    .leftJoin(schools, eq(schools.id, users.schoolId))
    .where(eq(researchGroupMembers.groupId, groupId))
    .orderBy(sql`case ${researchGroupMembers.role} when 'leader' then 0 else 1 end`, sql`case ${researchGroupMembers.status} when 'active' then 0 when 'invited' then 1 else 2 end`, asc(users.displayName))
  return rows
}

/**
 * Teachers and researchers who may be invited: active accounts of the group's district (for a
 * school-level group, the school's teachers and the district's researchers) who are not members
 * and have no open invitation.
 */
export async function inviteCandidates(db: Reader, group: Group) {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, username: users.username, role: users.role, schoolName: schools.name })
    .from(users)
    .leftJoin(schools, eq(schools.id, users.schoolId))
    .where(
      and(
        eq(users.districtId, group.districtId),
        eq(users.active, true),
        inArray(users.role, [...memberRoles]),
        group.schoolId ? or(eq(users.role, 'researcher'), eq(users.schoolId, group.schoolId)) : undefined,
        sql`not exists (select 1 from research_group_members m where m.group_id = ${group.id} and m.user_id = ${users.id} and m.status in ('active', 'invited'))`,
      ),
    )
    .orderBy(asc(users.role), asc(users.displayName))
  return rows
}

/** Checks that `userId` may belong to the group; the problem is reported on `field`. */
async function eligibleMember(db: Reader, group: Pick<Group, 'districtId' | 'schoolId'>, userId: string, field: string) {
  const [user] = isUuid(userId)
    ? await db
        .select()
        .from(users)
        .where(and(eq(users.id, userId), eq(users.districtId, group.districtId), eq(users.active, true)))
    : []
  if (!user || !isMemberRole(user.role)) throw badInput({ [field]: { key: 'research.errors.notEligible' } })
  if (group.schoolId && user.role === 'teacher' && user.schoolId !== group.schoolId) throw badInput({ [field]: { key: 'research.errors.otherSchool' } })
  return user
}

/**
 * A researcher or administrator forms a group, district-level or for one school of the district.
 * The leader (the creator by default; an administrator names one) becomes its first active member.
 */
export async function createGroup(db: Database, actor: Actor, input: unknown): Promise<Group> {
  if (!canCreateGroups(actor)) throw new AppError(403, { key: 'research.errors.cannotCreate' })
  requirePermission(actor, 'read:district')
  const parsed = parseInput(groupInput, input)
  if (parsed.schoolId) {
    const [school] = await db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.id, parsed.schoolId), eq(schools.districtId, actor.districtId)))
    if (!school) throw badInput({ schoolId: { key: 'research.errors.schoolNotFound' } })
  }
  const place = { districtId: actor.districtId, schoolId: parsed.schoolId ?? null }
  const leaderId = parsed.leaderId ?? (actor.role === 'admin' ? null : actor.id)
  if (!leaderId) throw badInput({ leaderId: { key: 'errors.required' } })
  await eligibleMember(db, place, leaderId, 'leaderId')
  return db.transaction(async (tx) => {
    const [group] = await tx
      .insert(researchGroups)
      .values({ ...place, name: parsed.name, description: parsed.description, leaderId, createdBy: actor.id })
      .returning()
    await tx.insert(researchGroupMembers).values({ groupId: group!.id, userId: leaderId, role: 'leader', status: 'active', invitedBy: actor.id, respondedAt: new Date() })
    if (leaderId !== actor.id) {
      await notify(tx, { userIds: [leaderId], kind: 'research.leaderAppointed', params: { from: actor.displayName, group: group!.name }, link: `/research/groups/${group!.id}` })
    }
    return group!
  })
}

/** The leader changes the name, description; archiving keeps everything readable but closes the group to new sessions. */
export async function updateGroup(db: Database, actor: Actor, groupId: string, input: unknown): Promise<Group> {
  const group = await requireGroupLeader(db, actor, groupId)
  const parsed = parseInput(groupInput.pick({ name: true, description: true }), input)
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(researchGroups).set({ name: parsed.name, description: parsed.description }).where(eq(researchGroups.id, group.id)).returning()
    // The sessions' search entries name the group.
    const sessions = await tx.select({ id: researchSessions.id }).from(researchSessions).where(eq(researchSessions.groupId, group.id))
    await markForIndexing(tx, sessions.map((s) => sessionDocumentId(s.id)))
    return updated!
  })
}

export async function setGroupArchived(db: Database, actor: Actor, groupId: string, archived: boolean): Promise<Group> {
  const group = await requireGroupLeader(db, actor, groupId)
  const [updated] = await db
    .update(researchGroups)
    .set({ archivedAt: archived ? (group.archivedAt ?? new Date()) : null })
    .where(eq(researchGroups.id, group.id))
    .returning()
  return updated!
}

export const requireOpenGroup = (group: Group) => {
  if (group.archivedAt) throw new AppError(409, { key: 'research.errors.archived' })
}

/**
 * The leader invites teachers and researchers; each gets a notification. Someone who declined
 * before can be invited again; active members and open invitations are left as they are.
 */
export async function inviteMembers(db: Database, actor: Actor, groupId: string, input: unknown): Promise<{ invited: string[] }> {
  const group = await requireGroupLeader(db, actor, groupId)
  requireOpenGroup(group)
  const { userIds } = parseInput(inviteInput, input)
  for (const userId of userIds) await eligibleMember(db, group, userId, 'userIds')
  return db.transaction(async (tx) => {
    const existing = await tx.select().from(researchGroupMembers).where(and(eq(researchGroupMembers.groupId, group.id), inArray(researchGroupMembers.userId, userIds)))
    const fresh = userIds.filter((id) => !existing.some((m) => m.userId === id))
    const again = existing.filter((m) => m.status === 'declined').map((m) => m.userId)
    if (fresh.length) await tx.insert(researchGroupMembers).values(fresh.map((userId) => ({ groupId: group.id, userId, role: 'member' as const, status: 'invited' as const, invitedBy: actor.id })))
    if (again.length)
      await tx
        .update(researchGroupMembers)
        .set({ status: 'invited', invitedBy: actor.id, createdAt: new Date(), respondedAt: null })
        .where(and(eq(researchGroupMembers.groupId, group.id), inArray(researchGroupMembers.userId, again)))
    const invited = [...fresh, ...again]
    await notify(tx, { userIds: invited, kind: 'research.groupInvitation', params: { inviter: actor.displayName, group: group.name }, link: `/research/groups/${group.id}` })
    return { invited }
  })
}

/** What an invitee may see before answering: the group's name, level, leader and description. */
export async function getInvitation(db: Database, actor: Actor, groupId: string) {
  const group = await groupInDistrict(db, actor, groupId)
  const membership = group ? await membershipOf(db, actor, group.id) : null
  if (!group || membership?.status !== 'invited') throw notFound('research.errors.groupNotFound')
  const [leader] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, group.leaderId))
  const [inviter] = membership.invitedBy ? await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, membership.invitedBy)) : []
  const [school] = group.schoolId ? await db.select({ name: schools.name }).from(schools).where(eq(schools.id, group.schoolId)) : []
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    level: group.schoolId ? ('school' as const) : ('district' as const),
    schoolName: school?.name ?? null,
    leaderName: leader?.displayName ?? '',
    inviterName: inviter?.displayName ?? null,
    invitedAt: membership.createdAt.toISOString(),
  }
}

/** The invitee accepts (becomes an active member) or declines. Only an open invitation can be answered. */
export async function respondToInvitation(db: Database, actor: Actor, groupId: string, input: unknown): Promise<{ status: 'active' | 'declined' }> {
  const { answer } = parseInput(respondInput, input)
  const group = await groupInDistrict(db, actor, groupId)
  if (!group) throw notFound('research.errors.groupNotFound')
  const status = answer === 'accept' ? ('active' as const) : ('declined' as const)
  const [row] = await db
    .update(researchGroupMembers)
    .set({ status, respondedAt: new Date() })
    .where(and(eq(researchGroupMembers.groupId, group.id), eq(researchGroupMembers.userId, actor.id), eq(researchGroupMembers.status, 'invited')))
    .returning()
  if (!row) throw notFound('research.errors.invitationNotFound')
  if (status === 'active') await inviteToWholeGroupSessions(db, actor, group.id)
  return { status }
}

/**
 * A new member is invited to the group's coming sessions that invite the whole group (not
 * cancelled, not yet over), and told of each as any invitee is.
 */
async function inviteToWholeGroupSessions(db: Database, actor: Actor, groupId: string) {
  const coming = await db
    .select()
    .from(researchSessions)
    .where(and(eq(researchSessions.groupId, groupId), eq(researchSessions.allMembers, true), isNull(researchSessions.cancelledAt), gt(researchSessions.endsAt, new Date())))
  for (const session of coming) {
    const added = await db.insert(researchSessionInvitees).values({ sessionId: session.id, userId: actor.id }).onConflictDoNothing().returning()
    if (added.length)
      await notify(db, {
        userIds: [actor.id],
        kind: 'research.sessionInvitation',
        params: { title: session.title, kind: session.kind, when: whenText(session.startsAt, session.endsAt) },
        link: `/research/sessions/${session.id}`,
      })
  }
}

/** The leader hands the group to another active member, who is told; the old leader stays a member. */
export async function transferLeadership(db: Database, actor: Actor, groupId: string, input: unknown): Promise<Group> {
  const group = await requireGroupLeader(db, actor, groupId)
  const { userId } = parseInput(transferInput, input)
  if (userId === actor.id) throw badInput({ userId: { key: 'research.errors.alreadyLeader' } })
  const target = isUuid(userId) ? await membershipOf(db, { id: userId }, group.id) : null
  if (target?.status !== 'active') throw badInput({ userId: { key: 'research.errors.notActiveMember' } })
  return db.transaction(async (tx) => {
    await tx.update(researchGroupMembers).set({ role: 'member' }).where(and(eq(researchGroupMembers.groupId, group.id), eq(researchGroupMembers.userId, actor.id)))
    await tx.update(researchGroupMembers).set({ role: 'leader' }).where(and(eq(researchGroupMembers.groupId, group.id), eq(researchGroupMembers.userId, userId)))
    const [updated] = await tx.update(researchGroups).set({ leaderId: userId }).where(eq(researchGroups.id, group.id)).returning()
    await notify(tx, { userIds: [userId], kind: 'research.leaderTransferred', params: { from: actor.displayName, group: group.name }, link: `/research/groups/${group.id}` })
    return updated!
  })
}

/**
 * The leader removes a member or withdraws an invitation; a member leaves on their own. The leader
 * cannot leave without handing the group over first.
 */
export async function removeMember(db: Database, actor: Actor, groupId: string, userId: string): Promise<void> {
  const group = await requireGroupMember(db, actor, groupId)
  if (userId !== actor.id && group.leaderId !== actor.id) throw new AppError(403, { key: 'research.errors.leaderOnly' })
  if (userId === group.leaderId) throw new AppError(409, { key: 'research.errors.leaderCannotLeave' })
  const removed = isUuid(userId)
    ? await db
        .delete(researchGroupMembers)
        .where(and(eq(researchGroupMembers.groupId, group.id), eq(researchGroupMembers.userId, userId), ne(researchGroupMembers.role, 'leader')))
        .returning({ userId: researchGroupMembers.userId })
    : []
  if (removed.length === 0) throw notFound('research.errors.memberNotFound')
  // Someone who left is no longer expected at the group's coming sessions; past attendance stays.
  await db
    .delete(researchSessionInvitees)
    .where(
      and(
        eq(researchSessionInvitees.userId, userId),
        inArray(researchSessionInvitees.sessionId, db.select({ id: researchSessions.id }).from(researchSessions).where(and(eq(researchSessions.groupId, group.id), gt(researchSessions.endsAt, new Date())))),
      ),
    )
}

/** Schools of the actor's district, for the form that creates a school-level group. */
export async function districtSchools(db: Reader, actor: Actor) {
  return db.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.districtId, actor.districtId)).orderBy(asc(schools.name))
}

/** Teachers and researchers of the district an administrator may name as a new group's leader. */
export async function eligibleLeaders(db: Reader, actor: Actor) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.districtId, actor.districtId), eq(users.active, true), inArray(users.role, [...memberRoles])))
    .orderBy(asc(users.role), asc(users.displayName))
}

/** Ids of a group's active members. */
export async function activeMemberIds(db: Reader, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: researchGroupMembers.userId })
    .from(researchGroupMembers)
    .where(and(eq(researchGroupMembers.groupId, groupId), eq(researchGroupMembers.status, 'active')))
  return rows.map((r) => r.userId)
}
