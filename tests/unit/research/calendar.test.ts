import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { calendarMonth, sessionsToIcs } from '../../../app/modules/research/calendar.server'
import type { SessionSummary } from '../../../app/modules/research/sessions.server'

const session = (extra: Partial<SessionSummary> = {}): SessionSummary & { agenda: string; kindLabel: string } => ({
  id: '6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f',
  groupId: '11111111-2222-4333-8444-555555555555',
  groupName: '培智语文教研组',
  kind: 'topic',
  title: '绘本教学中的分层提问；逗号, 和换行',
  startsAt: '2026-03-15T06:30:00.000Z',
  endsAt: '2026-03-15T08:00:00.000Z',
  day: '2026-03-15',
  startTime: '14:30',
  endTime: '16:00',
  place: '同行区培智学校 201 教室',
  onlineUrl: 'https://meeting.example.cn/j/123',
  cancelled: false,
  published: false,
  myRsvp: 'yes',
  agenda: '1. 观摩课例\n2. 分组研讨',
  kindLabel: '专题教研',
  ...extra,
})

describe('the iCalendar download', () => {
  it('parses back as RFC 5545 with Asia/Shanghai times, a stable UID and the text unharmed', () => {
    const text = sessionsToIcs({ name: '我的教研活动', origin: 'https://tongxing.example', sessions: [session(), session({ id: '7f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f', cancelled: true, title: '取消的活动' })] })
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)
    const calendar = new ICAL.Component(ICAL.parse(text))
    const zone = calendar.getFirstSubcomponent('vtimezone')!
    expect(zone.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai')
    ICAL.TimezoneService.register(zone)
    const [first, second] = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(first!.uid).toBe('research-session-6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f@tongxing')
    expect(first!.summary).toBe('专题教研：绘本教学中的分层提问；逗号, 和换行')
    expect(first!.location).toBe('同行区培智学校 201 教室')
    expect(first!.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Shanghai')
    expect(first!.startDate.zone.tzid).toBe('Asia/Shanghai')
    expect(first!.startDate.toString()).toBe('2026-03-15T14:30:00')
    expect(first!.startDate.toJSDate().toISOString()).toBe('2026-03-15T06:30:00.000Z')
    expect(first!.endDate.toJSDate().toISOString()).toBe('2026-03-15T08:00:00.000Z')
    expect(first!.description).toContain('1. 观摩课例\n2. 分组研讨')
    expect(first!.description).toContain('https://tongxing.example/research/sessions/6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f')
    expect(first!.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(second!.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    // DTSTAMP is UTC, as the RFC requires.
    expect(first!.component.getFirstProperty('dtstamp')!.getFirstValue()!.toString()).toMatch(/Z$/)
  })
})

describe('the month grid', () => {
  it('shows whole weeks, Monday first', () => {
    const november = calendarMonth('2026-11')
    expect(november).toMatchObject({ month: '2026-11', previous: '2026-10', next: '2026-12', from: '2026-10-26', to: '2026-12-07' })
    expect(november.weeks).toHaveLength(6)
    expect(november.weeks[0]!.map((d) => d.day)).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01'])
    expect(november.weeks[0]![6]!.inMonth).toBe(true)
    expect(november.weeks[0]![0]!.inMonth).toBe(false)
    expect(calendarMonth('2027-02').weeks).toHaveLength(4)
    expect(calendarMonth('2026-01').previous).toBe('2025-12')
  })
})
