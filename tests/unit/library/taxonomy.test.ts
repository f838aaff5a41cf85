import { describe, expect, it } from 'vitest'
import { en } from '../../../app/platform/i18n/en'
import { zhCN } from '../../../app/platform/i18n/zh-CN'
import { kindDetails, resourceKinds, strategyTypes } from '../../../app/modules/library/kinds'
import { disabilityCategories, gradesOfStage, placementProblem, schoolTypes, stages, subjectCodes, subjects, subjectsOf, variantKeys } from '../../../app/modules/library/taxonomy'

describe('the curriculum taxonomy', () => {
  it('has the seven general subjects of the 2016 培智 standards, and its optional ones', () => {
    const general = subjectsOf('peizhi', 'primary').filter((s) => !('optional' in subjects[s]))
    expect(general).toEqual(['life_chinese', 'life_maths', 'life_adaptation', 'labour_skills', 'singing_rhythm', 'painting_crafts', 'sport_health'])
    expect(subjectsOf('peizhi', 'primary').filter((s) => 'optional' in subjects[s])).toEqual(expect.arrayContaining(['information_technology', 'rehabilitation', 'second_language', 'arts_leisure']))
  })

  it('gives 盲校 orientation and mobility, 聋校 communication and rhythm, and neither to the other', () => {
    expect(subjectsOf('mangxiao')).toContain('orientation_mobility')
    expect(subjectsOf('longxiao')).not.toContain('orientation_mobility')
    expect(subjectsOf('longxiao')).toEqual(expect.arrayContaining(['communication', 'rhythm']))
    expect(subjectsOf('mangxiao')).not.toContain('communication')
    expect(subjectsOf('regular', 'junior')).toContain('morality_law')
  })

  it('covers preschool to vocational, with the vocational programmes the corpus promises', () => {
    for (const type of ['peizhi', 'mangxiao', 'longxiao'] as const) {
      expect(subjectsOf(type, 'preschool')).toHaveLength(5)
      expect(subjectsOf(type, 'vocational')).toEqual(expect.arrayContaining(['voc_cooking', 'voc_garment', 'voc_computer', 'voc_mechatronics']))
    }
    for (const stage of stages) expect(schoolTypes.some((t) => subjectsOf(t, stage).length > 0)).toBe(true)
  })

  it('names the field a wrong placement is wrong in', () => {
    expect(placementProblem({ schoolType: 'peizhi', subject: 'life_maths', stage: 'primary', grade: 3 })).toBeNull()
    expect(placementProblem({ schoolType: 'mangxiao', subject: 'life_maths', stage: 'primary', grade: 3 })).toEqual({ field: 'subject', key: 'library.errors.subjectNotInSchoolType' })
    expect(placementProblem({ schoolType: 'peizhi', subject: 'singing_rhythm', stage: 'senior', grade: null })).toEqual({ field: 'stage', key: 'library.errors.stageNotInSubject' })
    expect(placementProblem({ schoolType: 'peizhi', subject: 'life_maths', stage: 'junior', grade: 3 })).toEqual({ field: 'grade', key: 'library.errors.gradeNotInStage' })
    expect(gradesOfStage.junior).toEqual([7, 8, 9])
  })

  it('has a label in both languages for every code it uses', () => {
    const labels: [string, string][] = [
      ...subjectCodes.map((c) => ['subjects', c]),
      ...resourceKinds.map((c) => ['kinds', c]),
      ...disabilityCategories.map((c) => ['categories', c]),
      ...variantKeys.map((c) => ['variantNames', c]),
      ...strategyTypes.map((c) => ['strategyTypes', c]),
      ...schoolTypes.map((c) => ['schoolTypes', c]),
    ].map(([group, code]) => [group!, code!])
    for (const [group, code] of labels) {
      const zh = (zhCN.library as unknown as Record<string, Record<string, string>>)[group]![code]
      const english = (en.library as unknown as Record<string, Record<string, string>>)[group]![code]
      expect(zh, `${group}.${code}`).toMatch(/\S/)
      expect(english, `${group}.${code}`).toMatch(/\S/)
      expect(english).not.toBe(zh)
    }
  })

  it('has a schema for the own fields of every kind', () => {
    expect(Object.keys(kindDetails).sort()).toEqual([...resourceKinds].sort())
    expect(kindDetails.autism_strategy.safeParse({ strategyType: 'pecs', targetSkill: '提要求', steps: ['拿图片'] }).success).toBe(true)
    expect(kindDetails.autism_strategy.safeParse({ strategyType: 'pecs', targetSkill: '提要求', steps: [] }).success).toBe(false)
    // Empty form fields mean "not given", not zero; "false" is false; a wrong number says so.
    expect(kindDetails.autism_strategy.parse({ strategyType: 'pecs', targetSkill: '提要求', steps: ['拿图片'], dataSessions: '' }).dataSessions).toBe(5)
    expect(kindDetails.worksheet.parse({ pages: '', answerKey: 'false' })).toEqual({ pages: null, answerKey: false })
    expect(kindDetails.worksheet.parse({ pages: '3', answerKey: 'true' })).toEqual({ pages: 3, answerKey: true })
    expect(kindDetails.worksheet.safeParse({ pages: '三页' }).error?.issues[0]?.message).toBe('errors.invalidNumber')
  })
})
