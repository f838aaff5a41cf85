import { describe, expect, it } from 'vitest'
import { contentDisposition, cleanFileName } from '../../../app/modules/library/files.server'
import { outlineFromUnits, resourceInputFromForm, unitsFromOutline } from '../../../app/modules/library/forms'
import { visualSupport } from '../../../app/modules/library/supports'

describe('the authoring form', () => {
  it('turns the form fields into the resource input the API takes', () => {
    const form = new FormData()
    for (const [k, v] of Object.entries({ kind: 'autism_strategy', title: '先—后板', schoolType: 'peizhi', subject: 'life_adaptation', stage: 'primary', grade: '2', licence: 'cc-by', attribution: '张老师', 'details.strategyType': 'first_then', 'details.steps': '写作业\n\n 玩积木 ', 'variant.tier-a.include': 'true', 'variant.tier-a.objectives': '独立', 'variant.tier-b.objectives': '没勾选的不算', body: '{"type":"doc","content":[]}' })) form.append(k, v)
    form.append('disabilityCategories', 'autism')
    const input = resourceInputFromForm(form)
    expect(input).toMatchObject({ kind: 'autism_strategy', grade: '2', disabilityCategories: ['autism'], details: { strategyType: 'first_then', steps: ['写作业', '玩积木'] } })
    expect(input.variants).toEqual([{ key: 'tier-a', objectives: '独立', activities: null, assessment: '' }])
  })

  it('reads a course outline into ordered units and lessons, and writes it back the same', () => {
    const outline = '# 认识小农场\n安全第一\n- 农场安全规则\n- 认识农具 /library/0b8a3b8e-1111-4222-8333-444455556666\n锄头、铲子\n\n# 收获\n- 采摘与称重'
    const units = unitsFromOutline(outline)
    expect(units).toEqual([
      { title: '认识小农场', summary: '安全第一', lessons: [{ title: '农场安全规则', summary: '', resourceId: null }, { title: '认识农具', summary: '锄头、铲子', resourceId: '0b8a3b8e-1111-4222-8333-444455556666' }] },
      { title: '收获', summary: '', lessons: [{ title: '采摘与称重', summary: '', resourceId: null }] },
    ])
    expect(unitsFromOutline(outlineFromUnits(units))).toEqual(units)
  })
})

describe('downloads and supports', () => {
  it('names downloads in UTF-8 (RFC 5987) with an ASCII fallback', () => {
    expect(contentDisposition('attachment', '认识人民币 (A层).pdf')).toBe(`attachment; filename="_____ (A_).pdf"; filename*=UTF-8''%E8%AE%A4%E8%AF%86%E4%BA%BA%E6%B0%91%E5%B8%81%20%28A%E5%B1%82%29.pdf`)
    expect(cleanFileName('C:\\fakepath\\教案"1".pdf')).toBe('教案1.pdf')
    expect(cleanFileName('../../etc/passwd')).toBe('passwd')
  })

  it('makes the printable supports from a strategy’s steps', () => {
    const details = { steps: ['写作业', '检查', '玩积木'], targetSkill: '完成作业', dataMeasure: 'duration', dataSessions: 3 }
    expect(visualSupport('first-then', details)).toEqual({ kind: 'first-then', first: '写作业', then: '玩积木' })
    expect(visualSupport('schedule', details)).toEqual({ kind: 'schedule', steps: [{ n: 1, text: '写作业' }, { n: 2, text: '检查' }, { n: 3, text: '玩积木' }] })
    expect(visualSupport('data-sheet', details)).toMatchObject({ target: '完成作业', measure: 'duration', sessions: 3 })
  })
})
