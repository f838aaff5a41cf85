/**
 * The curriculum the library is organised by: the 2016 curriculum standards for 培智, 盲校 and 聋校
 * compulsory education, the subjects of a regular school for 随班就读, the five domains of preschool
 * education and the vocational programmes of special-education secondary schools. Labels live in the
 * i18n catalogue under `library.subjects.<code>`; this is the one list of codes and where each applies.
 */
export const schoolTypes = ['peizhi', 'mangxiao', 'longxiao', 'regular'] as const
export type SchoolType = (typeof schoolTypes)[number]

export const stages = ['preschool', 'primary', 'junior', 'senior', 'vocational'] as const
export type Stage = (typeof stages)[number]

/** The grades a stage may carry; preschool and vocational programmes are not graded here. */
export const gradesOfStage: Record<Stage, readonly number[]> = {
  preschool: [],
  primary: [1, 2, 3, 4, 5, 6],
  junior: [7, 8, 9],
  senior: [10, 11, 12],
  vocational: [],
}

const compulsory: readonly Stage[] = ['primary', 'junior']
const schooling: readonly Stage[] = ['primary', 'junior', 'senior']
const everySpecial: readonly SchoolType[] = ['peizhi', 'mangxiao', 'longxiao']
const all: readonly SchoolType[] = schoolTypes

interface SubjectRule {
  schoolTypes: readonly SchoolType[]
  stages: readonly Stage[]
  /** 选择性课程 of the 培智 standards, as against the general (一般性) ones. */
  optional?: boolean
}

export const subjects = {
  // 培智学校义务教育课程标准（2016）: seven general subjects and the optional ones.
  life_chinese: { schoolTypes: ['peizhi'], stages: schooling },
  life_maths: { schoolTypes: ['peizhi'], stages: schooling },
  life_adaptation: { schoolTypes: ['peizhi'], stages: schooling },
  labour_skills: { schoolTypes: ['peizhi'], stages: schooling },
  singing_rhythm: { schoolTypes: ['peizhi'], stages: compulsory },
  painting_crafts: { schoolTypes: ['peizhi'], stages: compulsory },
  sport_health: { schoolTypes: ['peizhi'], stages: compulsory },
  information_technology: { schoolTypes: ['peizhi', 'mangxiao', 'longxiao', 'regular'], stages: schooling, optional: true },
  rehabilitation: { schoolTypes: ['peizhi'], stages: compulsory, optional: true },
  second_language: { schoolTypes: ['peizhi'], stages: compulsory, optional: true },
  arts_leisure: { schoolTypes: ['peizhi'], stages: compulsory, optional: true },
  school_based: { schoolTypes: all, stages: ['primary', 'junior', 'senior', 'vocational'], optional: true },
  // 盲校义务教育课程标准（2016）: the common subjects plus the ones only blind schools teach.
  morality_life: { schoolTypes: ['mangxiao', 'longxiao', 'regular'], stages: ['primary'] },
  morality_society: { schoolTypes: ['mangxiao', 'longxiao', 'regular'], stages: ['primary', 'junior'] },
  chinese: { schoolTypes: ['mangxiao', 'longxiao', 'regular'], stages: schooling },
  maths: { schoolTypes: ['mangxiao', 'longxiao', 'regular'], stages: schooling },
  english: { schoolTypes: ['mangxiao', 'regular'], stages: schooling },
  science: { schoolTypes: ['mangxiao', 'longxiao', 'regular'], stages: ['primary', 'junior'] },
  physics: { schoolTypes: ['mangxiao', 'longxiao', 'regular'], stages: ['junior', 'senior'] },
  chemistry: { schoolTypes: ['mangxiao', 'longxiao', 'regular'], stages: ['junior', 'senior'] },
  biology: { schoolTypes: ['mangxiao', 'longxiao', 'regular'], stages: ['junior', 'senior'] },
  history: { schoolTypes: ['mangxiao', 'longxiao', 'regular'], stages: ['junior', 'senior'] },
  geography: { schoolTypes: ['mangxiao', 'longxiao', 'regular'], stages: ['junior', 'senior'] },
  pe_health: { schoolTypes: ['mangxiao', 'longxiao', 'regular'], stages: schooling },
  music: { schoolTypes: ['mangxiao', 'regular'], stages: schooling },
  art_crafts: { schoolTypes: ['mangxiao'], stages: compulsory },
  orientation_mobility: { schoolTypes: ['mangxiao'], stages: schooling },
  comprehensive_rehabilitation: { schoolTypes: ['mangxiao'], stages: compulsory },
  social_adaptation: { schoolTypes: ['mangxiao'], stages: compulsory },
  // 聋校义务教育课程标准（2016）: its own 沟通与交往 and 律动, and 美术 in place of music.
  communication: { schoolTypes: ['longxiao'], stages: compulsory },
  rhythm: { schoolTypes: ['longxiao'], stages: compulsory },
  fine_arts: { schoolTypes: ['longxiao', 'regular'], stages: schooling },
  // 随班就读 in a regular school follows the regular subjects (above) and these.
  morality_law: { schoolTypes: ['regular'], stages: ['junior'] },
  labour: { schoolTypes: ['regular'], stages: schooling },
  // 学前 five domains, for every kind of school.
  pre_health: { schoolTypes: all, stages: ['preschool'] },
  pre_language: { schoolTypes: all, stages: ['preschool'] },
  pre_social: { schoolTypes: all, stages: ['preschool'] },
  pre_science: { schoolTypes: all, stages: ['preschool'] },
  pre_arts: { schoolTypes: all, stages: ['preschool'] },
  // 职业教育 programmes of special-education secondary vocational schools.
  voc_cooking: { schoolTypes: everySpecial, stages: ['vocational'] },
  voc_garment: { schoolTypes: everySpecial, stages: ['vocational'] },
  voc_computer: { schoolTypes: everySpecial, stages: ['vocational'] },
  voc_mechatronics: { schoolTypes: everySpecial, stages: ['vocational'] },
  voc_massage: { schoolTypes: ['mangxiao'], stages: ['vocational'] },
  voc_design: { schoolTypes: ['longxiao'], stages: ['vocational'] },
} as const satisfies Record<string, SubjectRule>

export type Subject = keyof typeof subjects
export const subjectCodes = Object.keys(subjects) as Subject[]

export const disabilityCategories = ['visual', 'hearing', 'intellectual', 'autism', 'physical', 'speech', 'multiple'] as const
export type DisabilityCategory = (typeof disabilityCategories)[number]

export const supportTiers = ['a', 'b', 'c'] as const
export type SupportTier = (typeof supportTiers)[number]

/** A variant is named by its tier or its disability category: `tier-a` … `disability-autism`. */
export const variantKeys = [...supportTiers.map((t) => `tier-${t}` as const), ...disabilityCategories.map((c) => `disability-${c}` as const)]
export type VariantKey = (typeof variantKeys)[number]

export const isVariantKey = (value: unknown): value is VariantKey => typeof value === 'string' && (variantKeys as string[]).includes(value)
export const categoryOfVariant = (key: VariantKey): DisabilityCategory | null => (key.startsWith('disability-') ? (key.slice('disability-'.length) as DisabilityCategory) : null)

export function isSubject(value: unknown): value is Subject {
  return typeof value === 'string' && Object.hasOwn(subjects, value)
}

/** The subjects of a school type, optionally of one stage, in catalogue order. */
export function subjectsOf(schoolType: SchoolType, stage?: Stage): Subject[] {
  return subjectCodes.filter((code) => {
    const rule: SubjectRule = subjects[code]
    return rule.schoolTypes.includes(schoolType) && (!stage || rule.stages.includes(stage))
  })
}

export const isOptionalSubject = (code: Subject) => (subjects[code] as SubjectRule).optional === true

/** Why a placement does not exist in the taxonomy, as an i18n key; null when it does. */
export function placementProblem(p: { schoolType: SchoolType; subject: Subject; stage: Stage; grade: number | null }): { field: 'subject' | 'stage' | 'grade'; key: string } | null {
  const rule: SubjectRule = subjects[p.subject]
  if (!rule.schoolTypes.includes(p.schoolType)) return { field: 'subject', key: 'library.errors.subjectNotInSchoolType' }
  if (!rule.stages.includes(p.stage)) return { field: 'stage', key: 'library.errors.stageNotInSubject' }
  if (p.grade !== null && !gradesOfStage[p.stage].includes(p.grade)) return { field: 'grade', key: 'library.errors.gradeNotInStage' }
  return null
}

export const licences = ['cc-by', 'cc-by-sa', 'cc-by-nc', 'cc-by-nc-sa', 'all-rights-reserved'] as const
export type Licence = (typeof licences)[number]
