import { Readable } from 'node:stream'
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm'
import type { Database } from '#db/client'
import { researchGroupMembers, researchGroups, researchSessionFiles, researchSessionInvitees, researchSessionResources, researchSessions, resources, users } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import { contentDisposition, maxFileBytes, storeSniffedUpload, type Upload } from '~/modules/library/files.server'
import { isEmptyDoc, sanitizeDoc, type RichDoc } from '~/modules/library/rich-text'
import { notify } from '~/modules/notifications/index.server'
import { markForIndexing } from '~/modules/search/sync.server'
import { AppError, badInput, notFound, parseInput } from '~/platform/errors'
import type { ObjectStore } from '~/platform/storage/object-store'
import { activeMemberIds, requireGroupLeader, requireGroupMember, requireOpenGroup, type Group } from './groups.server'
import { attendanceInput, isUuid, linkResourceInput, minutesInput, publishInput, rsvpInput, sessionInput, type SessionInput, type SessionKind } from './schemas'
import { sessionDocumentId } from './search-source.server'
import { topicProgress } from './semester'
import { addDays, fromShanghai, shanghaiDay, shanghaiTime, whenText } from './time'

export type SessionRow = typeof researchSessions.$inferSelect
type Reader = Pick<Database, 'select'>
type Ctx = { db: Database; storage: ObjectStore }

export const maxFilesPerSession = 20
/** Self check-in opens this long before the start and closes at the end. */
export const checkInOpensBeforeMs = 30 * 60 * 1000

/**
 * How the actor reaches a session: as an active member of its group, as an administrator of the
 * district (reading), or, once the minutes are published to the district, as any teacher or
 * researcher of it. Anyone else gets a 404, whether the id exists or not.
 */
export type SessionAccess = 'member' | 'admin' | 'published'

export interface ReachedSession {
  session: SessionRow
  group: Group
  access: SessionAccess
  isLeader: boolean
  invitee: typeof researchSessionInvitees.$inferSelect | null
}

export async function findReadableSession(db: Reader, actor: Actor, sessionId: string): Promise<ReachedSession> {
  if (!isUuid(sessionId)) throw notFound('research.errors.sessionNotFound')
  const [found] = await db
    .select({ session: researchSessions, group: researchGroups, status: researchGroupMembers.status })
    .from(researchSessions)
    .innerJoin(researchGroups, eq(researchGroups.id, researchSessions.groupId))
    .leftJoin(researchGroupMembers, and(eq(researchGroupMembers.groupId, researchGroups.id), eq(researchGroupMembers.userId, actor.id)))
    .where(and(eq(researchSessions.id, sessionId), eq(researchGroups.districtId, actor.districtId)))
  if (!found) throw notFound('research.errors.sessionNotFound')
  const access: SessionAccess | null =
    found.status === 'active' ? 'member' : actor.role === 'admin' ? 'admin' : found.session.publishedAt && (actor.role === 'teacher' || actor.role === 'researcher') ? 'published' : null
  if (!access) throw notFound('research.errors.sessionNotFound')
  const [invitee] =
    access === 'member'
      ? await db
          .select()
          .from(researchSessionInvitees)
          .where(and(eq(researchSessionInvitees.sessionId, sessionId), eq(researchSessionInvitees.userId, actor.id)))
      : []
  return { session: found.session, group: found.group, access, isLeader: access === 'member' && found.group.leaderId === actor.id, invitee: invitee ?? null }
}

/** A session its group's leader may change (still open: not cancelled, group not archived). */
async function findLeadSession(db: Reader, actor: Actor, sessionId: string) {
  const reached = await findReadableSession(db, actor, sessionId)
  if (reached.access !== 'member') throw notFound('research.errors.sessionNotFound')
  if (!reached.isLeader) throw new AppError(403, { key: 'research.errors.leaderOnly' })
  return reached
}

/** A session an active member of its group works on (minutes, attachments, resources). */
async function findMemberSession(db: Reader, actor: Actor, sessionId: string) {
  const reached = await findReadableSession(db, actor, sessionId)
  // Administrators and district readers of published minutes see the session but do not work on it.
  if (reached.access !== 'member') throw new AppError(403, { key: 'errors.forbidden' })
  return reached
}

const requireNotCancelled = (session: SessionRow) => {
  if (session.cancelledAt) throw new AppError(409, { key: 'research.errors.cancelled' })
}

function timesOf(input: SessionInput) {
  return { startsAt: fromShanghai(input.date, input.startTime), endsAt: fromShanghai(input.date, input.endTime) }
}

/** Invitees as asked (empty: every active member), each checked to be an active member. */
async function inviteesFor(db: Reader, group: Group, asked: string[]) {
  const members = await activeMemberIds(db, group.id)
  if (asked.length === 0) return members
  const outside = asked.filter((id) => !members.includes(id))
  if (outside.length) throw badInput({ inviteeIds: { key: 'research.errors.notEligible' } })
  return asked
}

const sessionLink = (id: string) => `/research/sessions/${id}`
const kindParams = (session: Pick<SessionRow, 'title' | 'kind' | 'startsAt' | 'endsAt'>) => ({ title: session.title, kind: session.kind, when: whenText(session.startsAt, session.endsAt) })

/** The leader schedules a session; the invitees (by default every member) are told. */
export async function createSession(db: Database, actor: Actor, groupId: string, input: unknown): Promise<SessionRow> {
  const group = await requireGroupLeader(db, actor, groupId)
  requireOpenGroup(group)
  const parsed = parseInput(sessionInput, input)
  const invitees = await inviteesFor(db, group, parsed.inviteeIds)
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(researchSessions)
      .values({ groupId: group.id, kind: parsed.kind, title: parsed.title, ...timesOf(parsed), place: parsed.place, onlineUrl: parsed.onlineUrl, agenda: parsed.agenda, allMembers: parsed.inviteeIds.length === 0, createdBy: actor.id })
      .returning()
    if (invitees.length) await tx.insert(researchSessionInvitees).values(invitees.map((userId) => ({ sessionId: session!.id, userId })))
    await markForIndexing(tx, [sessionDocumentId(session!.id)])
    await notify(tx, { userIds: invitees.filter((id) => id !== actor.id), kind: 'research.sessionInvitation', params: kindParams(session!), link: sessionLink(session!.id) })
    return session!
  })
}

/**
 * The leader changes a session. New invitees get an invitation; the others, when the time or place
 * changed, hear of the change; people taken off the list keep nothing of it.
 */
export async function updateSession(db: Database, actor: Actor, sessionId: string, input: unknown): Promise<SessionRow> {
  const { session, group } = await findLeadSession(db, actor, sessionId)
  requireNotCancelled(session)
  const parsed = parseInput(sessionInput, input)
  const invitees = await inviteesFor(db, group, parsed.inviteeIds)
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(researchSessions)
      .set({ kind: parsed.kind, title: parsed.title, ...timesOf(parsed), place: parsed.place, onlineUrl: parsed.onlineUrl, agenda: parsed.agenda, allMembers: parsed.inviteeIds.length === 0, updatedAt: new Date() })
      .where(eq(researchSessions.id, session.id))
      .returning()
    await markForIndexing(tx, [sessionDocumentId(session.id)])
    const before = (await tx.select({ userId: researchSessionInvitees.userId }).from(researchSessionInvitees).where(eq(researchSessionInvitees.sessionId, session.id))).map((r) => r.userId)
    const added = invitees.filter((id) => !before.includes(id))
    const dropped = before.filter((id) => !invitees.includes(id))
    if (dropped.length) await tx.delete(researchSessionInvitees).where(and(eq(researchSessionInvitees.sessionId, session.id), inArray(researchSessionInvitees.userId, dropped)))
    if (added.length) await tx.insert(researchSessionInvitees).values(added.map((userId) => ({ sessionId: session.id, userId })))
    await notify(tx, { userIds: added.filter((id) => id !== actor.id), kind: 'research.sessionInvitation', params: kindParams(updated!), link: sessionLink(session.id) })
    const moved = updated!.startsAt.getTime() !== session.startsAt.getTime() || updated!.endsAt.getTime() !== session.endsAt.getTime() || updated!.place !== session.place || updated!.onlineUrl !== session.onlineUrl
    if (moved) {
      const stayed = invitees.filter((id) => before.includes(id) && id !== actor.id)
      await notify(tx, { userIds: stayed, kind: 'research.sessionChanged', params: kindParams(updated!), link: sessionLink(session.id) })
    }
    return updated!
  })
}

/** The leader calls a session off; the invitees are told. It stays on the calendar, marked cancelled. */
export async function cancelSession(db: Database, actor: Actor, sessionId: string): Promise<void> {
  const { session } = await findLeadSession(db, actor, sessionId)
  requireNotCancelled(session)
  await db.transaction(async (tx) => {
    await tx.update(researchSessions).set({ cancelledAt: new Date(), updatedAt: new Date() }).where(eq(researchSessions.id, session.id))
    await markForIndexing(tx, [sessionDocumentId(session.id)])
    const invitees = await tx.select({ userId: researchSessionInvitees.userId }).from(researchSessionInvitees).where(eq(researchSessionInvitees.sessionId, session.id))
    await notify(tx, { userIds: invitees.map((i) => i.userId).filter((id) => id !== actor.id), kind: 'research.sessionCancelled', params: kindParams(session), link: sessionLink(session.id) })
  })
}

/** An invitee answers whether they will come. */
export async function setRsvp(db: Database, actor: Actor, sessionId: string, input: unknown) {
  const { session, invitee } = await findReadableSession(db, actor, sessionId)
  if (!invitee) throw new AppError(403, { key: 'research.errors.notInvitee' })
  requireNotCancelled(session)
  const { rsvp } = parseInput(rsvpInput, input)
  await db
    .update(researchSessionInvitees)
    .set({ rsvp, rsvpAt: new Date() })
    .where(and(eq(researchSessionInvitees.sessionId, session.id), eq(researchSessionInvitees.userId, actor.id)))
  return { rsvp }
}

/** The leader records who attended: the listed invitees are checked in (keeping an earlier time), the others not. */
export async function recordAttendance(db: Database, actor: Actor, sessionId: string, input: unknown) {
  const { session } = await findLeadSession(db, actor, sessionId)
  requireNotCancelled(session)
  const { userIds } = parseInput(attendanceInput, input)
  const invitees = (await db.select({ userId: researchSessionInvitees.userId }).from(researchSessionInvitees).where(eq(researchSessionInvitees.sessionId, session.id))).map((r) => r.userId)
  if (userIds.some((id) => !invitees.includes(id))) throw badInput({ userIds: { key: 'research.errors.notInvited' } })
  await db.transaction(async (tx) => {
    if (userIds.length)
      await tx
        .update(researchSessionInvitees)
        .set({ checkedInAt: sql`coalesce(${researchSessionInvitees.checkedInAt}, now())`, checkedInBy: sql`coalesce(${researchSessionInvitees.checkedInBy}, ${actor.id}::uuid)` })
        .where(and(eq(researchSessionInvitees.sessionId, session.id), inArray(researchSessionInvitees.userId, userIds)))
    const absent = invitees.filter((id) => !userIds.includes(id))
    if (absent.length)
      await tx
        .update(researchSessionInvitees)
        .set({ checkedInAt: null, checkedInBy: null })
        .where(and(eq(researchSessionInvitees.sessionId, session.id), inArray(researchSessionInvitees.userId, absent)))
  })
  return { attended: userIds.length }
}

/** An invitee checks themself in, from half an hour before the start until the end. */
export async function checkIn(db: Database, actor: Actor, sessionId: string, now = new Date()) {
  const { session, invitee } = await findReadableSession(db, actor, sessionId)
  if (!invitee) throw new AppError(403, { key: 'research.errors.notInvitee' })
  requireNotCancelled(session)
  if (!isCheckInOpen(session, now)) throw new AppError(409, { key: 'research.errors.checkInClosed' })
  await db
    .update(researchSessionInvitees)
    .set({ checkedInAt: sql`coalesce(${researchSessionInvitees.checkedInAt}, ${now.toISOString()}::timestamptz)`, checkedInBy: sql`coalesce(${researchSessionInvitees.checkedInBy}, ${actor.id}::uuid)` })
    .where(and(eq(researchSessionInvitees.sessionId, session.id), eq(researchSessionInvitees.userId, actor.id)))
  return { checkedIn: true }
}

export const isCheckInOpen = (session: Pick<SessionRow, 'startsAt' | 'endsAt' | 'cancelledAt'>, now: Date) =>
  !session.cancelledAt && now.getTime() >= session.startsAt.getTime() - checkInOpensBeforeMs && now.getTime() <= session.endsAt.getTime()

/** The leader and the invitees write the minutes (Tiptap JSON, kept only as far as the allow-list goes). */
export async function saveMinutes(db: Database, actor: Actor, sessionId: string, input: unknown): Promise<RichDoc> {
  const { session, isLeader, invitee } = await findMemberSession(db, actor, sessionId)
  if (!isLeader && !invitee) throw new AppError(403, { key: 'research.errors.notInvitee' })
  const { minutes } = parseInput(minutesInput, input)
  let raw: unknown = minutes
  if (typeof minutes === 'string') {
    try {
      raw = JSON.parse(minutes)
    } catch {
      throw badInput({ minutes: { key: 'research.errors.minutes' } })
    }
  }
  if (!raw || typeof raw !== 'object' || (raw as { type?: unknown }).type !== 'doc') throw badInput({ minutes: { key: 'research.errors.minutes' } })
  const doc = sanitizeDoc(raw)
  await db.transaction(async (tx) => {
    await tx.update(researchSessions).set({ minutes: doc as unknown as Record<string, unknown>, updatedAt: new Date() }).where(eq(researchSessions.id, session.id))
    await markForIndexing(tx, [sessionDocumentId(session.id)])
  })
  return doc
}

/**
 * The leader publishes the session (its minutes) to the district, or takes it back: while
 * published, every teacher and researcher of the district may read the session page.
 */
export async function setPublished(db: Database, actor: Actor, sessionId: string, input: unknown) {
  const { session } = await findLeadSession(db, actor, sessionId)
  const { published } = parseInput(publishInput, input)
  if (published && (!session.minutes || isEmptyDoc(sanitizeDoc(session.minutes)))) throw new AppError(409, { key: 'research.errors.nothingToPublish' })
  await db
    .update(researchSessions)
    .set({ publishedAt: published ? (session.publishedAt ?? new Date()) : null })
    .where(eq(researchSessions.id, session.id))
  return { published }
}

/** An active member adds a file to a session; its type is judged from the bytes as the library does. */
export async function uploadAttachment(ctx: Ctx, actor: Actor, sessionId: string, upload: Upload) {
  const body = upload.body instanceof Readable ? upload.body : Readable.from(upload.body)
  try {
    const { session } = await findMemberSession(ctx.db, actor, sessionId)
    const [existing] = await ctx.db.select({ n: count() }).from(researchSessionFiles).where(eq(researchSessionFiles.sessionId, session.id))
    if ((existing?.n ?? 0) >= maxFilesPerSession) throw new AppError(400, { key: 'library.errors.tooManyFiles', params: { max: maxFilesPerSession } }, { fields: { file: { key: 'library.errors.tooManyFiles', params: { max: maxFilesPerSession } } } })
    const id = crypto.randomUUID()
    const storageKey = `research/files/${id}`
    const stored = await storeSniffedUpload(ctx.storage, storageKey, { fileName: upload.fileName, body }, maxFileBytes)
    const [file] = await ctx.db.insert(researchSessionFiles).values({ id, sessionId: session.id, uploaderId: actor.id, storageKey, ...stored }).returning()
    return fileView(file!, actor.displayName)
  } finally {
    body.destroy()
  }
}

/** The uploader or the leader takes a file off; its bytes go too. */
export async function removeAttachment(ctx: Ctx, actor: Actor, sessionId: string, fileId: string) {
  const { session, isLeader } = await findMemberSession(ctx.db, actor, sessionId)
  const [file] = isUuid(fileId)
    ? await ctx.db
        .select()
        .from(researchSessionFiles)
        .where(and(eq(researchSessionFiles.id, fileId), eq(researchSessionFiles.sessionId, session.id)))
    : []
  if (!file) throw notFound('research.errors.fileNotFound')
  if (!isLeader && file.uploaderId !== actor.id) throw new AppError(403, { key: 'errors.forbidden' })
  await ctx.db.delete(researchSessionFiles).where(eq(researchSessionFiles.id, file.id))
  await ctx.storage.delete(file.storageKey).catch(() => {})
}

/** A session's file for whoever may read the session; always a download of its own type, never a page of ours. */
export async function attachmentResponse(ctx: Ctx, actor: Actor, fileId: string) {
  const [row] = isUuid(fileId) ? await ctx.db.select().from(researchSessionFiles).where(eq(researchSessionFiles.id, fileId)) : []
  if (!row) throw notFound('research.errors.fileNotFound')
  await findReadableSession(ctx.db, actor, row.sessionId).catch(() => {
    throw notFound('research.errors.fileNotFound')
  })
  const got = await ctx.storage.get(row.storageKey)
  if (!got) throw notFound('research.errors.fileNotFound')
  return new Response(Readable.toWeb(got.body) as ReadableStream, {
    headers: {
      'Content-Type': row.contentType,
      'Content-Length': String(got.object.size),
      'Content-Disposition': contentDisposition('attachment', row.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=3600',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  })
}

/** "/library/<id>", a full library address or the bare id: the resource id in it. */
export function resourceIdOf(text: string): string | null {
  const match = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(text)
  return match ? match[1]!.toLowerCase() : null
}

/** An active member links a published library resource of the district to the session. */
export async function linkResource(db: Database, actor: Actor, sessionId: string, input: unknown) {
  const { session } = await findMemberSession(db, actor, sessionId)
  const { resourceId: text } = parseInput(linkResourceInput, input)
  const resourceId = resourceIdOf(text)
  const [resource] = resourceId
    ? await db
        .select({ id: resources.id, title: resources.title })
        .from(resources)
        .where(and(eq(resources.id, resourceId), eq(resources.districtId, actor.districtId), isNotNull(resources.publishedVersion), ne(resources.status, 'archived')))
    : []
  if (!resource) throw badInput({ resourceId: { key: 'research.errors.resourceNotFound' } })
  const inserted = await db.insert(researchSessionResources).values({ sessionId: session.id, resourceId: resource.id, addedBy: actor.id }).onConflictDoNothing().returning()
  if (inserted.length === 0) throw badInput({ resourceId: { key: 'research.errors.alreadyLinked' } })
  return resource
}

export async function unlinkResource(db: Database, actor: Actor, sessionId: string, resourceId: string) {
  const { session } = await findMemberSession(db, actor, sessionId)
  const removed = isUuid(resourceId)
    ? await db
        .delete(researchSessionResources)
        .where(and(eq(researchSessionResources.sessionId, session.id), eq(researchSessionResources.resourceId, resourceId)))
        .returning()
    : []
  if (removed.length === 0) throw notFound('research.errors.resourceNotFound')
}

export interface FileView {
  id: string
  fileName: string
  contentType: string
  size: number
  uploader: string | null
  uploaderId: string | null
  createdAt: string
}
const fileView = (row: typeof researchSessionFiles.$inferSelect, uploader: string | null): FileView => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  uploader,
  uploaderId: row.uploaderId,
  createdAt: row.createdAt.toISOString(),
})

export interface SessionSummary {
  id: string
  groupId: string
  groupName: string
  kind: SessionKind
  title: string
  startsAt: string
  endsAt: string
  /** Shanghai day and times, as shown. */
  day: string
  startTime: string
  endTime: string
  place: string
  onlineUrl: string
  cancelled: boolean
  published: boolean
  /** The reader's own answer, when invited. */
  myRsvp: 'pending' | 'yes' | 'maybe' | 'no' | null
}

const summaryOf = (s: SessionRow, groupName: string, myRsvp: SessionSummary['myRsvp']): SessionSummary => ({
  id: s.id,
  groupId: s.groupId,
  groupName,
  kind: s.kind,
  title: s.title,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  day: shanghaiDay(s.startsAt),
  startTime: shanghaiTime(s.startsAt),
  endTime: shanghaiTime(s.endsAt),
  place: s.place,
  onlineUrl: s.onlineUrl,
  cancelled: s.cancelledAt !== null,
  published: s.publishedAt !== null,
  myRsvp,
})

export interface InviteeView {
  userId: string
  displayName: string
  rsvp: 'pending' | 'yes' | 'maybe' | 'no'
  checkedIn: boolean
  checkedInAt: string | null
}

export interface SessionView extends SessionSummary {
  agenda: string
  /** Invites the whole group, members who join later included. */
  allMembers: boolean
  minutes: RichDoc | null
  group: { id: string; name: string }
  access: SessionAccess
  /** Only members (and administrators) see who is invited and who came. */
  invitees: InviteeView[] | null
  files: FileView[]
  resources: { id: string; title: string }[]
  can: { edit: boolean; writeMinutes: boolean; publish: boolean; rsvp: boolean; checkIn: boolean; recordAttendance: boolean; attach: boolean }
}

export async function getSession(db: Database, actor: Actor, sessionId: string, now = new Date()): Promise<SessionView> {
  const { session, group, access, isLeader, invitee } = await findReadableSession(db, actor, sessionId)
  const invitees =
    access === 'published'
      ? null
      : (
          await db
            .select({ userId: researchSessionInvitees.userId, displayName: users.displayName, rsvp: researchSessionInvitees.rsvp, checkedInAt: researchSessionInvitees.checkedInAt })
            .from(researchSessionInvitees)
            .innerJoin(users, eq(users.id, researchSessionInvitees.userId))
            .where(eq(researchSessionInvitees.sessionId, session.id))
            .orderBy(asc(users.displayName))
        ).map((r) => ({ userId: r.userId, displayName: r.displayName, rsvp: r.rsvp, checkedIn: r.checkedInAt !== null, checkedInAt: r.checkedInAt?.toISOString() ?? null }))
  const files = await db
    .select({ file: researchSessionFiles, uploader: users.displayName })
    .from(researchSessionFiles)
    .leftJoin(users, eq(users.id, researchSessionFiles.uploaderId))
    .where(eq(researchSessionFiles.sessionId, session.id))
    .orderBy(asc(researchSessionFiles.createdAt))
  const linked = await db
    .select({ id: resources.id, title: resources.title })
    .from(researchSessionResources)
    .innerJoin(resources, eq(resources.id, researchSessionResources.resourceId))
    .where(eq(researchSessionResources.sessionId, session.id))
    .orderBy(asc(researchSessionResources.createdAt))
  const open = !session.cancelledAt
  const member = access === 'member'
  return {
    ...summaryOf(session, group.name, invitee?.rsvp ?? null),
    agenda: session.agenda,
    allMembers: session.allMembers,
    minutes: session.minutes ? sanitizeDoc(session.minutes) : null,
    group: { id: group.id, name: group.name },
    access,
    invitees,
    files: files.map((f) => fileView(f.file, f.uploader)),
    resources: linked,
    can: {
      edit: isLeader && open && !group.archivedAt,
      writeMinutes: member && (isLeader || invitee !== null),
      publish: isLeader,
      rsvp: invitee !== null && open,
      checkIn: invitee !== null && !invitee.checkedInAt && isCheckInOpen(session, now),
      recordAttendance: isLeader && open,
      attach: member,
    },
  }
}

/** A group's sessions, newest plan first, and its 专题教研 count for this term. */
export async function groupSessions(db: Database, actor: Actor, groupId: string, now = new Date()) {
  const group = await requireGroupMember(db, actor, groupId)
  const rows = await db
    .select({ session: researchSessions, rsvp: researchSessionInvitees.rsvp })
    .from(researchSessions)
    .leftJoin(researchSessionInvitees, and(eq(researchSessionInvitees.sessionId, researchSessions.id), eq(researchSessionInvitees.userId, actor.id)))
    .where(eq(researchSessions.groupId, group.id))
    .orderBy(desc(researchSessions.startsAt))
  const sessions = rows.map((r) => summaryOf(r.session, group.name, r.rsvp ?? null))
  const upcoming = sessions.filter((s) => new Date(s.endsAt) >= now).reverse()
  const past = sessions.filter((s) => new Date(s.endsAt) < now)
  return { group, upcoming, past, progress: topicProgress(rows.map((r) => r.session), now) }
}

/**
 * Sessions between two Shanghai days (the end exclusive): of one group for its readers, or the
 * actor's own — those of their groups they are invited to or lead.
 */
export async function calendarSessions(db: Database, actor: Actor, scope: { groupId: string } | 'mine', range: { from: string; to: string }): Promise<SessionSummary[]> {
  const window = and(gte(researchSessions.startsAt, fromShanghai(range.from)), lt(researchSessions.startsAt, fromShanghai(range.to)))
  let where
  if (scope === 'mine') {
    where = and(
      window,
      eq(researchGroups.districtId, actor.districtId),
      sql`exists (select 1 from research_group_members m where m.group_id = ${researchSessions.groupId} and m.user_id = ${actor.id} and m.status = 'active')`,
      or(isNotNull(researchSessionInvitees.userId), eq(researchGroups.leaderId, actor.id)),
    )
  } else {
    const group = await requireGroupMember(db, actor, scope.groupId)
    where = and(window, eq(researchSessions.groupId, group.id))
  }
  const rows = await db
    .select({ session: researchSessions, groupName: researchGroups.name, rsvp: researchSessionInvitees.rsvp })
    .from(researchSessions)
    .innerJoin(researchGroups, eq(researchGroups.id, researchSessions.groupId))
    .leftJoin(researchSessionInvitees, and(eq(researchSessionInvitees.sessionId, researchSessions.id), eq(researchSessionInvitees.userId, actor.id)))
    .where(where)
    .orderBy(asc(researchSessions.startsAt))
  return rows.map((r) => summaryOf(r.session, r.groupName, r.rsvp ?? null))
}

/**
 * Sessions whose minutes are published to the district, newest first: how teachers and researchers
 * outside a group find what it chose to share.
 */
export async function publishedSessions(db: Database, actor: Actor, limit = 20): Promise<SessionSummary[]> {
  if (!(actor.role === 'teacher' || actor.role === 'researcher' || actor.role === 'admin')) return []
  const rows = await db
    .select({ session: researchSessions, groupName: researchGroups.name })
    .from(researchSessions)
    .innerJoin(researchGroups, eq(researchGroups.id, researchSessions.groupId))
    .where(and(eq(researchGroups.districtId, actor.districtId), isNotNull(researchSessions.publishedAt), isNull(researchSessions.cancelledAt)))
    .orderBy(desc(researchSessions.startsAt))
    .limit(limit)
  return rows.map((r) => summaryOf(r.session, r.groupName, null))
}

/**
 * The day-before reminder: every invitee of a session that starts tomorrow (Shanghai day) and is
 * not cancelled, unless they said they will not come or left the group. Once per person and
 * session, however often the job runs (the notification's dedupe key).
 */
export async function sendSessionReminders(db: Database, now = new Date()): Promise<{ sessions: number; notified: number }> {
  const tomorrow = addDays(shanghaiDay(now), 1)
  const sessions = await db
    .select()
    .from(researchSessions)
    .innerJoin(researchGroups, eq(researchGroups.id, researchSessions.groupId))
    .where(and(gte(researchSessions.startsAt, fromShanghai(tomorrow)), lt(researchSessions.startsAt, fromShanghai(addDays(tomorrow, 1))), isNull(researchSessions.cancelledAt), isNull(researchGroups.archivedAt)))
  let notified = 0
  for (const { research_sessions: session } of sessions) {
    const invitees = await db
      .select({ userId: researchSessionInvitees.userId })
      .from(researchSessionInvitees)
      .innerJoin(researchGroupMembers, and(eq(researchGroupMembers.groupId, session.groupId), eq(researchGroupMembers.userId, researchSessionInvitees.userId), eq(researchGroupMembers.status, 'active')))
      .where(and(eq(researchSessionInvitees.sessionId, session.id), ne(researchSessionInvitees.rsvp, 'no')))
    const sent = await notify(db, {
      userIds: invitees.map((i) => i.userId),
      kind: 'research.sessionReminder',
      params: kindParams(session),
      link: sessionLink(session.id),
      // A session moved to another day is reminded of again; the same day, never twice.
      dedupeKey: `research.sessionReminder:${session.id}:${session.startsAt.toISOString()}`,
    })
    notified += sent.length
  }
  return { sessions: sessions.length, notified }
}
