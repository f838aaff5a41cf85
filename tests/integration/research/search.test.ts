import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../../app/modules/accounts/actor'
import { createGroup, inviteMembers, respondToInvitation, updateGroup } from '../../../app/modules/research/groups.server'
import { cancelSession, createSession, saveMinutes } from '../../../app/modules/research/sessions.server'
import { searchFor } from '../../../app/modules/search/search.server'
import { syncSearchIndex } from '../../../app/modules/search/sync.server'
import { databaseKinds } from '../../support/database'
import { actorFor } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

describe.each(databaseKinds)('教研 sessions in the platform search on %s', (kind) => {
  let rt: Runtime
  const a = {} as Record<'researcher' | 'teacher' | 'teacher2' | 'student', Actor>
  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    for (const who of ['researcher', 'teacher', 'teacher2', 'student'] as const) a[who] = await actorFor(rt.db, who)
  })
  afterAll(() => stopTestRuntime(rt))

  const found = async (who: keyof typeof a, q: string) => {
    await syncSearchIndex(rt.db, rt.search)
    return (await searchFor(rt, a[who], { q })).hits.filter((h) => h.kind === 'research_session').map((h) => h.title)
  }

  it('finds a session by its title, agenda and minutes for the group’s members only', async () => {
    const group = await createGroup(rt.db, a.researcher, { name: '视障数学教研组' })
    await inviteMembers(rt.db, a.researcher, group.id, { userIds: [a.teacher.id, a.teacher2.id] })
    await respondToInvitation(rt.db, a.teacher, group.id, { answer: 'accept' })
    const session = await createSession(rt.db, a.researcher, group.id, { kind: 'topic', title: '盲文数学符号教学', date: '2030-03-05', startTime: '14:00', endTime: '16:00', place: '盲校', agenda: '摸读练习的设计' })
    expect(await found('teacher', '盲文数学符号')).toEqual(['盲文数学符号教学'])
    expect(await found('researcher', '摸读练习')).toEqual(['盲文数学符号教学'])
    await saveMinutes(rt.db, a.teacher, session.id, { minutes: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '结论：先用凸点卡片再过渡到点字本。' }] }] } })
    expect(await found('teacher', '凸点卡片')).toEqual(['盲文数学符号教学'])
    // Invited but not yet a member, or a student: nothing.
    expect(await found('teacher2', '盲文数学符号')).toEqual([])
    expect(await found('student', '盲文数学符号')).toEqual([])
    await respondToInvitation(rt.db, a.teacher2, group.id, { answer: 'accept' })
    expect(await found('teacher2', '盲文数学符号')).toEqual(['盲文数学符号教学'])
    const hit = (await searchFor(rt, a.teacher2, { q: '盲文数学符号' })).hits.find((h) => h.kind === 'research_session')
    expect(hit).toMatchObject({ url: `/research/sessions/${session.id}`, summary: expect.stringContaining('专题教研 · 视障数学教研组') })
    // Renaming the group renames it in the session's entry.
    await updateGroup(rt.db, a.researcher, group.id, { name: '盲校数学教研组', description: '' })
    await syncSearchIndex(rt.db, rt.search)
    expect((await searchFor(rt, a.teacher, { q: '盲文数学符号' })).hits.find((h) => h.kind === 'research_session')?.summary).toContain('盲校数学教研组')
    // A cancelled session is no longer found.
    await cancelSession(rt.db, a.researcher, session.id)
    expect(await found('teacher', '盲文数学符号')).toEqual([])
  })
})
