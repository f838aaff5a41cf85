/** A lesson as an author would send it: two variants, a body, the lesson parts. */
export const lessonInput = (title = '认识人民币：1 元和 5 角') => ({
  kind: 'lesson',
  title,
  summary: '在模拟超市中认识 1 元和 5 角，能按价格付钱。',
  schoolType: 'peizhi',
  subject: 'life_maths',
  stage: 'primary',
  grade: 3,
  licence: 'cc-by-sa',
  attribution: '张老师',
  details: { objectives: '认识 1 元和 5 角\n能按标价付钱', keywords: '人民币、元、角' },
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '导入：逛超市。' }] }] },
  variants: [
    { key: 'tier-a', objectives: '独立付 1 元和 5 角', activities: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '独立购物' }] }] }, assessment: '独立完成 3 次购物' },
    { key: 'tier-c', objectives: '在辅助下指认 1 元', activities: { type: 'doc', content: [] }, assessment: '指认正确' },
  ],
})
