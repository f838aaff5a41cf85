import type { SearchDocument } from '../../../app/modules/search/document'

/** A small deterministic PRNG (mulberry32), so every run measures the same corpus and queries. */
export function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!, int: (n: number) => Math.floor(next() * n) }
}

/** Subjects with topics a teacher would write about, per school type. */
export const topics: Record<string, { schoolType: string; subject: string; topics: string[] }> = {
  life_chinese: { schoolType: 'peizhi', subject: 'life_chinese', topics: ['认识自己的名字', '看图说话：我的家', '学写“人”字', '购物清单上的字', '安全标志的认读', '读绘本《好饿的毛毛虫》', '打招呼用语', '认识交通标志', '学说自我介绍', '天气词语'] },
  life_maths: { schoolType: 'peizhi', subject: 'life_maths', topics: ['认识人民币', '10以内的点数', '认识钟表：整点', '超市购物付款', '比较长短', '认识图形：圆形', '分类整理衣物', '认识星期', '简单的加法', '量身高'] },
  life_adaptation: { schoolType: 'peizhi', subject: 'life_adaptation', topics: ['洗手的步骤', '刷牙', '整理书包', '过马路', '乘坐公交车', '认识情绪', '穿脱外套', '餐桌礼仪', '打电话求助', '整理床铺'] },
  labour_skills: { schoolType: 'peizhi', subject: 'labour_skills', topics: ['擦桌子', '洗袜子', '叠衣服', '拖地', '包饺子', '种植绿萝', '垃圾分类', '做水果沙拉', '扫地', '洗碗'] },
  singing_rhythm: { schoolType: 'peizhi', subject: 'singing_rhythm', topics: ['拍手歌', '跟着节奏走', '打击乐器合奏', '律动：小星星', '音乐游戏抢椅子'] },
  orientation_mobility: { schoolType: 'mangxiao', subject: 'orientation_mobility', topics: ['使用盲杖', '校园定向行走', '上下楼梯', '利用声音辨别方向', '随行技巧'] },
  chinese_blind: { schoolType: 'mangxiao', subject: 'chinese', topics: ['盲文摸读：声母', '盲文书写：韵母', '点字练习：标点', '听读课文《春晓》', '盲文数字'] },
  communication: { schoolType: 'longxiao', subject: 'communication', topics: ['手语：学校生活', '看话练习', '手语：家庭成员', '书面语表达', '手语：情绪词汇'] },
  maths_regular: { schoolType: 'regular', subject: 'maths', topics: ['随班就读：两位数加法', '融合课堂：分数的认识', '随班就读：统计图', '乘法口诀', '长方形的面积'] },
}

const kinds = ['lesson', 'lesson', 'lesson', 'autism_strategy', 'worksheet', 'teaching_aid', 'slides', 'video', 'school_course', 'sign_language', 'braille'] as const
const stages = ['primary', 'primary', 'junior', 'senior', 'vocational', 'preschool'] as const
const disabilities = ['visual', 'hearing', 'intellectual', 'autism', 'physical', 'speech', 'multiple'] as const
const strategies = ['视觉日程', '社交故事', '结构化教学', '图片交换沟通系统', '回合式教学', '关键反应训练', '视频示范', '先后板', '代币制']
/** Sentences any lesson may carry. */
const general = [
  '教师先出示实物和图片，引导学生观察并说出名称。',
  '课后布置家庭作业，请家长协助记录完成情况。',
  '用小组合作的方式练习，轮流扮演不同角色。',
  '评价采用观察记录和作品展示相结合的方式。',
  '本课注重生活化，选取学生日常生活中的真实情境。',
  '根据个别化教育计划调整目标和支持方式。',
  '课堂开始前复习上节课的内容，帮助学生建立联系。',
  '教师示范后，学生分组练习，教师巡视并个别指导。',
  '结束时用儿歌总结本课要点。',
  '准备学生熟悉的物品，降低理解难度。',
  '及时给予表扬和代币奖励，强化正确行为。',
  '练习中穿插游戏，保持学生的注意力。',
]
/** Adaptation sentences, only for the disability categories a resource is made for. */
const adaptations: Record<string, string[]> = {
  autism: ['为孤独症学生准备视觉提示卡，减少口头指令。', '用视觉日程提示活动顺序，提前告知变化。'],
  hearing: ['听障学生配合手语和字幕观看视频。', '教师面向学生说话，便于看话。'],
  visual: ['视障学生使用盲文材料和触摸教具。', '为低视力学生放大字号并提高对比度。'],
  intellectual: ['把任务分解为小步骤，每一步配图片。'],
  physical: ['为肢体障碍学生调整座位和操作工具。'],
  speech: ['使用沟通板帮助言语障碍学生表达需求。'],
  multiple: ['多重障碍学生由教师和助理一对一支持。'],
}
const tierSentence = 'A 层学生独立完成练习，B 层学生在提示下完成，C 层学生在教师全程支持下完成。'

export function generateCorpus(count: number, districtId: string, ownerId: string): SearchDocument[] {
  const r = random(20261125)
  const subjectKeys = Object.keys(topics)
  const docs: SearchDocument[] = []
  for (let i = 0; i < count; i++) {
    const { schoolType, subject, topics: list } = topics[r.pick(subjectKeys)]!
    const kind = r.pick(kinds)
    const topic = r.pick(list)
    const strategy = kind === 'autism_strategy' ? `${r.pick(strategies)}：` : ''
    const stage = r.pick(stages)
    const docDisabilities = [...new Set(Array.from({ length: 1 + r.int(2) }, () => r.pick(disabilities)))]
    const tierCount = r.int(4)
    const body = [
      `本课围绕“${topic}”展开。`,
      ...Array.from({ length: 3 + r.int(4) }, () => r.pick(general)),
      ...docDisabilities.map((d) => r.pick(adaptations[d]!)),
      ...(tierCount ? [tierSentence] : []),
    ].join('')
    docs.push({
      id: `bench:${i}`,
      kind,
      title: `${strategy}${topic}${r.next() < 0.5 ? '（第' + (1 + r.int(3)) + '课时）' : ''}`,
      summary: `${topic}。${r.pick(general)}`,
      body,
      keywords: [topic.slice(0, 4)],
      url: `/library/bench-${i}`,
      schoolType,
      stage,
      subject,
      disabilities: docDisabilities,
      tiers: ['a', 'b', 'c'].slice(0, tierCount),
      features: r.next() < 0.2 ? ['video', 'captions'] : r.next() < 0.05 ? ['braille'] : [],
      districtId,
      published: r.next() < 0.95,
      ownerId,
      groupIds: [],
      updatedAt: new Date(Date.UTC(2026, 0, 1) + r.int(300) * 86_400_000),
    })
  }
  return docs
}

/** At least 200 mixed queries: words, phrases, pinyin, initials, with and without facets. */
export function generateQueries(): { q: string; filters: Record<string, string> }[] {
  const words = ['认识人民币', '洗手', '孤独症', '自闭症', '视觉日程', '社交故事', '盲杖', '手语', '超市购物', '叠衣服', '垃圾分类', '钟表', '盲文', '随班就读', '融合教育', '情绪', '公交车', '拍手歌', '饺子', '面积']
  const phrases = ['认识人民币 超市', '洗手 步骤', '孤独症 视觉', '盲文 声母', '手语 学校', '随班就读 加法', '社交故事 情绪', '过马路 安全', '刷牙 生活适应', '分类 衣物']
  const pinyin = ['renminbi', 'xishou', 'gudu', 'mangzhang', 'shouyu', 'chaoshi', 'diezifu', 'lajifenlei', 'zhongbiao', 'mangwen']
  const initials = ['rmb', 'gdz', 'sjrc', 'sjgs', 'mz', 'sy', 'cs', 'ljfl', 'bzjd', 'xs']
  const filters: Record<string, string>[] = [{}, { kind: 'lesson' }, { schoolType: 'peizhi' }, { disability: 'autism' }, { stage: 'primary', tier: 'c' }, { feature: 'video' }]
  const queries: { q: string; filters: Record<string, string> }[] = []
  ;[...words, ...phrases, ...pinyin, ...initials].forEach((q, i) => {
    for (const f of [filters[0]!, filters[(i % 5) + 1]!, filters[((i + 2) % 5) + 1]!, filters[((i + 4) % 5) + 1]!]) queries.push({ q, filters: f })
  })
  return queries
}
