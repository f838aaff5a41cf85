import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resources } from '../../../db/schema'
import type { Actor } from '../../../app/modules/accounts/actor'
import { loadContent } from '../../../app/modules/library/content.server'
import { searchFor } from '../../../app/modules/search/search.server'
import { syncSearchIndex } from '../../../app/modules/search/sync.server'
import { actorFor } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

/**
 * What a teacher types, and the starter resources (by their file in content/resources) they expect
 * among the first five results. Words, synonyms, pinyin, initials, Latin names and one typo.
 */
const judgements: [query: string, expected: string[]][] = [
  ['洗手', ['peizhi-life-adaptation-g2-handwashing', 'audio-handwashing-song', 'slides-handwashing']],
  ['七步洗手', ['peizhi-life-adaptation-g2-handwashing', 'slides-handwashing']],
  ['xishou', ['peizhi-life-adaptation-g2-handwashing', 'audio-handwashing-song', 'slides-handwashing']],
  ['人民币', ['peizhi-life-maths-g3-rmb', 'aid-rmb-cards']],
  ['renminbi', ['peizhi-life-maths-g3-rmb', 'aid-rmb-cards']],
  ['rmb', ['peizhi-life-maths-g3-rmb', 'aid-rmb-cards']],
  ['过马路', ['peizhi-life-adaptation-g5-crossing-road', 'audio-crossing-road-story']],
  ['视觉日程', ['autism-visual-schedule-morning']],
  ['自闭症 日程', ['autism-visual-schedule-morning']],
  ['社交故事', ['autism-social-story-fire-drill']],
  ['PECS', ['autism-pecs-phase1-2']],
  ['图片交换沟通系统', ['autism-pecs-phase1-2']],
  ['结构化教学', ['autism-teacch-workstation']],
  ['结沟化教学', ['autism-teacch-workstation']],
  ['TEACCH', ['autism-teacch-workstation']],
  ['代币制', ['autism-token-economy']],
  ['回合式教学', ['autism-dtt-colour-matching']],
  ['关键反应训练', ['autism-prt-play']],
  ['视频示范', ['autism-video-modelling-greeting']],
  ['盲杖', ['mangxiao-orientation-g2-cane-basics']],
  ['定向行走', ['mangxiao-orientation-g2-cane-basics', 'course-mangxiao-om-city']],
  ['登鹳雀楼', ['braille-poem-dengguanquelou', 'regular-chinese-g2-ancient-poem']],
  ['盲文 古诗', ['braille-poem-dengguanquelou']],
  ['手语', ['sign-school-words', 'sign-feelings-cards', 'video-sign-greetings', 'course-longxiao-sign-drama']],
  ['情绪', ['longxiao-communication-g1-feelings', 'sign-feelings-cards', 'worksheet-feelings-match']],
  ['叠衣服', ['peizhi-labour-skills-g4-folding-clothes']],
  ['三明治', ['peizhi-labour-skills-j9-making-sandwich']],
  ['蛋炒饭', ['voc-cooking-fried-rice']],
  ['钉纽扣', ['voc-garment-sewing-button']],
  ['电路', ['voc-mechatronics-circuit']],
  ['读屏软件', ['voc-computer-typing']],
  ['按摩', ['voc-massage-head']],
  ['刷牙', ['preschool-health-toothbrushing']],
  ['毛毛虫', ['preschool-language-picture-book']],
  ['随班就读 数学', ['regular-maths-g4-area']],
  ['融合教育 排球', ['regular-pe-g6-adapted-volleyball']],
  ['长方形的面积', ['regular-maths-g4-area']],
  ['丝绸之路', ['longxiao-history-j8-silk-road']],
  ['杠杆', ['mangxiao-physics-j8-lever']],
  ['门球', ['mangxiao-pe-g4-goalball']],
  ['剪窗花', ['peizhi-arts-leisure-j8-paper-cutting']],
  ['拍手歌', ['peizhi-singing-rhythm-g1-clap-song']],
  ['公交时刻表', ['peizhi-life-maths-j8-timetable']],
  ['招聘启事', ['peizhi-life-chinese-j7-job-notice']],
  ['简历', ['peizhi-life-chinese-s11-resume']],
  ['银行卡', ['peizhi-life-adaptation-s10-bank-card']],
  ['超市 标志', ['peizhi-life-chinese-g3-supermarket-signs']],
  ['便利店', ['mangxiao-social-adaptation-g6-shopping']],
  ['整理书包', ['video-pack-schoolbag']],
  ['拍球', ['peizhi-sport-health-g3-ball-skills']],
  ['树叶拓印', ['peizhi-painting-crafts-g2-leaf-print']],
  ['口部运动', ['peizhi-rehabilitation-g2-oral-motor']],
  ['剩余视力', ['mangxiao-rehab-g4-residual-vision']],
  ['校园小农场', ['course-peizhi-campus-farm']],
  ['购物清单', ['worksheet-shopping-list']],
  ['数字描红', ['worksheet-trace-numbers']],
]

describe('relevance of search over the starter content', () => {
  let rt: Runtime
  let teacher: Actor
  const scores: { query: string; precision: number; missing: string[] }[] = []

  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
    await loadContent({ db: rt.db, storage: rt.storage })
    await syncSearchIndex(rt.db, rt.search)
    teacher = await actorFor(rt.db, 'teacher')
  }, 120_000)
  afterAll(() => stopTestRuntime(rt))

  it(`finds what a teacher expects in the top 5 for ${judgements.length} queries (precision@5 ≥ 0.8)`, async () => {
    expect(judgements.length).toBeGreaterThanOrEqual(40)
    for (const [query, expected] of judgements) {
      const hits = (await searchFor(rt, teacher, { q: query, pageSize: 5 })).hits
      // Other findable things (glossary terms …) keep their places in the top 5 but are not resources to judge.
      const ids = hits.filter((h) => h.id.startsWith('resource:')).map((h) => h.id.replace(/^resource:/, ''))
      const keys = ids.length ? (await rt.db.select({ key: resources.contentKey }).from(resources).where(inArray(resources.id, ids))).map((r) => r.key) : []
      const found = expected.filter((key) => keys.includes(key))
      // Precision at 5 against what is relevant: a query with two relevant resources scores 1 when both are in the top 5.
      scores.push({ query, precision: found.length / Math.min(5, expected.length), missing: expected.filter((key) => !keys.includes(key)) })
    }
    const precision = scores.reduce((sum, s) => sum + s.precision, 0) / scores.length
    const misses = scores.filter((s) => s.missing.length).map((s) => `${s.query} → missing ${s.missing.join(', ')}`)
    console.info(`search relevance: precision@5 = ${precision.toFixed(3)} over ${scores.length} queries${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`)
    expect(precision).toBeGreaterThanOrEqual(0.8)
  }, 120_000)
})
