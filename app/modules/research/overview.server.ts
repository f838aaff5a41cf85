import type { Database } from '#db/client'
import type { Actor } from '~/modules/accounts/actor'
import { AppError } from '~/platform/errors'
import { districtSchools, eligibleLeaders, getInvitation, inviteCandidates, listGroups, membersOf, requireGroupMember, type GroupSummary } from './groups.server'
import { calendarSessions, groupSessions, publishedSessions } from './sessions.server'
import { addDays, shanghaiDay } from './time'

/**
 * A group as its page and the API show it: who is in it, its sessions ahead and behind, this term's
 * 专题教研 count, and what the reader may do. An invitee who has not answered gets the invitation
 * instead (name, leader, description), nothing of the group's material.
 */
export async function getGroupOverview(db: Database, actor: Actor, groupId: string, now = new Date()) {
  const group = await requireGroupMember(db, actor, groupId).catch(async (error) => {
    if (error instanceof AppError && error.status === 404) {
      const invitation = await getInvitation(db, actor, groupId).catch(() => null)
      if (invitation) return { invitation }
    }
    throw error
  })
  if ('invitation' in group) return { kind: 'invitation' as const, invitation: group.invitation }
  const { upcoming, past, progress } = await groupSessions(db, actor, group.id, now)
  const members = await membersOf(db, group.id)
  const isLeader = group.leaderId === actor.id
  const mine = members.find((m) => m.userId === actor.id)
  const summary = (await listGroups(db, actor)).groups.find((g) => g.id === group.id) as GroupSummary
  return {
    kind: 'group' as const,
    group: summary,
    members: isLeader ? members : members.filter((m) => m.status === 'active'),
    candidates: isLeader && !group.archivedAt ? await inviteCandidates(db, group) : [],
    upcoming,
    past,
    progress,
    can: {
      manage: isLeader,
      schedule: isLeader && !group.archivedAt,
      leave: Boolean(mine && mine.status === 'active' && !isLeader),
    },
  }
}

/** The research home: the actor's groups, open invitations and their sessions of the coming weeks. */
export async function getResearchHome(db: Database, actor: Actor, now = new Date()) {
  const { groups, invitations } = await listGroups(db, actor)
  const today = shanghaiDay(now)
  const upcoming = (await calendarSessions(db, actor, 'mine', { from: today, to: addDays(today, 60) })).filter((s) => new Date(s.endsAt) >= now)
  const canCreate = actor.role === 'researcher' || actor.role === 'admin'
  const published = await publishedSessions(db, actor)
  return { groups, invitations, upcoming, published, canCreate, schools: canCreate ? await districtSchools(db, actor) : [], leaders: actor.role === 'admin' ? await eligibleLeaders(db, actor) : [] }
}
