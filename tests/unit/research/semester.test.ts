import { describe, expect, it } from 'vitest'
import { lastDayOf, semesterOf, topicProgress } from '../../../app/modules/research/semester'
import { fromShanghai, shanghaiDay, shanghaiTime, whenText } from '../../../app/modules/research/time'

describe('semesters, the Chinese school way', () => {
  it.each([
    ['2026-09-01', 'autumn', 2026, '2026-09-01', '2027-02-01'],
    ['2026-12-31', 'autumn', 2026, '2026-09-01', '2027-02-01'],
    ['2027-01-31', 'autumn', 2026, '2026-09-01', '2027-02-01'],
    ['2027-02-01', 'spring', 2026, '2027-02-01', '2027-09-01'],
    ['2027-06-15', 'spring', 2026, '2027-02-01', '2027-09-01'],
    ['2027-08-31', 'spring', 2026, '2027-02-01', '2027-09-01'],
  ])('%s is in the %s term of the %i school year', (day, term, schoolYear, start, end) => {
    expect(semesterOf(day)).toEqual({ term, schoolYear, start, end })
  })

  it('reads an instant on the Shanghai clock: 31 January 17:00 UTC is already 1 February in Shanghai', () => {
    expect(semesterOf(new Date('2027-01-31T15:59:59Z')).term).toBe('autumn')
    expect(semesterOf(new Date('2027-01-31T16:00:00Z')).term).toBe('spring')
    expect(lastDayOf(semesterOf('2026-10-01'))).toBe('2027-01-31')
  })
})

describe('this term’s 专题教研 against the target of two', () => {
  const now = fromShanghai('2026-11-25', '12:00')
  const at = (day: string, time = '14:00') => fromShanghai(day, time)

  it('counts uncancelled 专题教研 of the current term only, held and planned apart', () => {
    const sessions = [
      { kind: 'topic', startsAt: at('2026-09-10') },
      { kind: 'topic', startsAt: at('2026-11-25', '09:00') },
      { kind: 'topic', startsAt: at('2026-12-20') },
      { kind: 'topic', startsAt: at('2026-10-10'), cancelledAt: at('2026-10-01') },
      { kind: 'collective_planning', startsAt: at('2026-10-12') },
      { kind: 'topic', startsAt: at('2026-06-01') },
      { kind: 'topic', startsAt: at('2027-02-01', '08:00') },
    ]
    expect(topicProgress(sessions, now)).toEqual({ semester: semesterOf('2026-11-25'), held: 2, planned: 1, target: 2, met: true })
  })

  it('is not met by plans, and a session on the term’s first Shanghai morning belongs to it', () => {
    expect(topicProgress([{ kind: 'topic', startsAt: at('2026-09-01', '07:00') }, { kind: 'topic', startsAt: at('2027-01-31', '15:00') }], now)).toMatchObject({ held: 1, planned: 1, met: false })
    expect(topicProgress([], now)).toMatchObject({ held: 0, planned: 0, met: false })
  })
})

describe('the district clock', () => {
  it('writes days and times in Asia/Shanghai whatever the server’s zone', () => {
    const start = new Date('2026-03-15T06:30:00Z')
    expect(shanghaiDay(new Date('2026-03-15T16:30:00Z'))).toBe('2026-03-16')
    expect(shanghaiTime(start)).toBe('14:30')
    expect(fromShanghai('2026-03-15', '14:30').toISOString()).toBe('2026-03-15T06:30:00.000Z')
    expect(whenText(start, new Date('2026-03-15T08:00:00Z'))).toBe('2026-03-15 14:30–16:00')
  })
})
