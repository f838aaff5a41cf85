import { expect, test, type Page } from '@playwright/test'
import { demoPassword, expectAccessible, signIn, signOut, visit } from './support'

const title = `认识时钟：整点（${Date.now().toString(36)}）`

/** A second teacher of the demo 培智 school, made through the API as an administrator would. */
async function createColleague(page: Page) {
  const session = await page.request.post('/api/v1/session', { data: { login: 'admin', password: demoPassword } })
  const { token } = await session.json()
  const headers = { Authorization: `Bearer ${token}` }
  const schools = await (await page.request.get('/api/v1/schools', { headers })).json()
  const schoolId = schools.find((s: { kind: string }) => s.kind === 'peizhi').id
  const created = await page.request.post('/api/v1/users', { headers, data: { username: 'wanglaoshi', displayName: '王老师', role: 'teacher', schoolId, password: 'a-long-password-1' } })
  expect([201, 409]).toContain(created.status())
}

async function review(page: Page, decision: '通过' | '需要修改', comments = '') {
  await page.getByRole('radio', { name: decision }).check()
  await page.getByLabel(/^无障碍（1–5）/).selectOption('4')
  await page.getByLabel(/^课标对应（1–5）/).selectOption('4')
  await page.getByLabel(/^差异化（1–5）/).selectOption('5')
  if (comments) await page.getByLabel(/^意见/).fill(comments)
  await page.getByRole('button', { name: '提交审核结论' }).click()
  await expect(page.getByRole('status').filter({ hasText: '审核结论已保存。' })).toBeVisible()
}

test('a teacher writes a differentiated lesson with a PDF; a researcher asks for a change, then publishes; a colleague finds, favourites and rates it', async ({ page }) => {
  test.setTimeout(180_000)
  await createColleague(page)

  // The teacher writes the lesson with two variants.
  await signIn(page, 'teacher')
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '资源库' }).click()
  await expectAccessible(page)
  await page.getByRole('navigation', { name: '资源库导航' }).getByRole('link', { name: '新建资源' }).click()
  await expectAccessible(page)
  await page.getByRole('link', { name: '国家课程标准课例' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新建资源：国家课程标准课例')
  await expect(page.getByRole('toolbar', { name: '格式工具' }).first()).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel(/^标题/).fill(title)
  await page.getByLabel(/^简介/).fill('认识钟面上的整点，能说出起床、上学的时间。')
  await page.getByLabel(/^学校类型/).selectOption({ label: '培智学校' })
  await page.getByLabel(/^学科/).selectOption({ label: '生活数学' })
  await page.getByLabel(/^学段/).selectOption({ label: '小学' })
  await page.getByLabel(/^年级/).selectOption({ label: '3 年级' })
  await page.getByLabel(/^教学目标/).fill('认识时针和分针\n读出整点')
  const procedure = page.getByRole('textbox', { name: '教学过程' })
  await procedure.click()
  await page.getByRole('toolbar', { name: '格式工具' }).first().getByRole('button', { name: '标题 2' }).click()
  await page.keyboard.type('一、拨一拨')
  await page.keyboard.press('Enter')
  await page.keyboard.type('用钟面模型拨出 7 点和 8 点。')
  // Two variants: A and C; B is left out.
  await page.getByRole('group', { name: 'B 层（部分支持）' }).getByRole('checkbox', { name: '包含这个版本' }).uncheck()
  await page.getByRole('group', { name: 'A 层（独立完成）' }).getByLabel(/^目标/).fill('独立读出整点')
  await page.getByRole('group', { name: 'A 层（独立完成）' }).getByRole('textbox', { name: '活动' }).fill('独立拨钟并说出时间。')
  await page.getByRole('group', { name: 'C 层（完全支持）' }).getByLabel(/^目标/).fill('在辅助下指认时针')
  await page.getByRole('group', { name: 'C 层（完全支持）' }).getByRole('textbox', { name: '活动' }).fill('教师握着学生的手拨动时针。')
  await page.getByRole('button', { name: '保存草稿' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已创建草稿' })).toBeVisible()
  await expectAccessible(page)

  // A PDF, judged by its bytes, and a file that only pretends to be one.
  const fileInput = page.getByLabel('选择要上传的文件')
  await fileInput.setInputFiles({ name: '假的.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is not a pdf at all '.repeat(20)) })
  await page.getByRole('button', { name: '上传', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: '不支持这种文件类型' })).toBeVisible()
  await fileInput.setInputFiles('content/files/数字描红1-10.pdf')
  await page.getByRole('button', { name: '上传', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: '已上传 数字描红1-10.pdf。' })).toBeVisible()
  await expect(page.getByRole('link', { name: '数字描红1-10.pdf' })).toBeVisible()
  await expect(page.getByLabel(/^标题/)).toHaveValue(title)
  await expectAccessible(page)

  await page.getByRole('link', { name: '返回' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByRole('heading', { name: 'A 层（独立完成）' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'C 层（完全支持）' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'B 层（部分支持）' })).toHaveCount(0)
  await page.getByRole('button', { name: '提交审核' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已提交审核。' })).toBeVisible()
  await expectAccessible(page)
  await signOut(page)

  // The researcher asks for a change.
  await signIn(page, 'researcher')
  await visit(page, '/library/review')
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { name: '审核 · 学校审核' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('radio', { name: '需要修改' }).check()
  await page.getByRole('button', { name: '提交审核结论' }).click()
  await expect(page.getByText('请给出 1 到 5 分。').first()).toBeVisible()
  await expectAccessible(page)
  await review(page, '需要修改', '请在 A 层加上半点的拓展。')
  await signOut(page)

  // The teacher sees where the lesson stands, changes it and submits again.
  await signIn(page, 'teacher')
  await visit(page, '/library/mine')
  const card = page.getByRole('article', { name: title })
  await expect(card.getByText('需要修改')).toBeVisible()
  await card.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('请在 A 层加上半点的拓展。')).toBeVisible()
  await page.getByRole('link', { name: '编辑', exact: true }).click()
  await page.getByRole('group', { name: 'A 层（独立完成）' }).getByLabel(/^目标/).fill('独立读出整点\n拓展：读出半点')
  await page.getByRole('button', { name: '保存草稿' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已保存。' })).toBeVisible()
  await page.getByRole('link', { name: '返回' }).click()
  await page.getByRole('button', { name: '提交审核' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已提交审核。' })).toBeVisible()
  await signOut(page)

  // The researcher approves at the school level and then, for the district, publishes.
  await signIn(page, 'researcher')
  await visit(page, '/library/review')
  await page.getByRole('link', { name: title }).click()
  await review(page, '通过')
  await expect(page.getByText('等待区级审核')).toBeVisible()
  await review(page, '通过')
  await expect(page.locator('.resource-meta').getByText('已发布')).toBeVisible()
  await expectAccessible(page)
  await signOut(page)

  // A colleague finds it by browsing school type → subject, favourites and rates it.
  await signIn(page, 'wanglaoshi', 'a-long-password-1')
  await visit(page, '/library')
  const tree = page.getByRole('navigation', { name: '按学校类型' })
  await tree.getByRole('link', { name: /^培智学校/ }).click()
  await tree.getByRole('link', { name: /^生活数学/ }).click()
  await tree.getByRole('link', { name: /^小学/ }).click()
  await tree.getByRole('link', { name: /^3 年级/ }).click()
  await expect(page).toHaveURL(/schoolType=peizhi&subject=life_maths&stage=primary&grade=3/)
  await expectAccessible(page)
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByText('拓展：读出半点')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'C 层（完全支持）', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'A 层（独立完成）' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'C 层（完全支持）' })).toBeVisible()
  await page.getByRole('button', { name: '收藏' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已收藏。' })).toBeVisible()
  await page.getByRole('combobox', { name: /^评分/ }).selectOption({ label: '5 星' })
  await page.getByLabel(/^评论/).fill('C 层的辅助写得很具体，马上能用。')
  await page.getByRole('button', { name: '提交评分' }).click()
  await expect(page.getByRole('status').filter({ hasText: '谢谢，你的评分已保存。' })).toBeVisible()
  await expect(page.locator('.ratings').getByText('C 层的辅助写得很具体，马上能用。')).toBeVisible()
  await expectAccessible(page)
  await visit(page, '/library/favourites')
  await expect(page.getByRole('link', { name: title })).toBeVisible()

  // …and adapts it as a draft of their own, crediting the original.
  await page.getByRole('link', { name: title }).click()
  await page.getByRole('button', { name: '改编为我的资源' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已复制为你的草稿' })).toBeVisible()
  await expect(page.getByLabel(/^作者署名/)).toHaveValue(`王老师（改编自《${title}》，张老师）`)
  await expectAccessible(page)
})

test('the starter corpus is there on first start, with printable supports for autism strategies', async ({ page }) => {
  await signIn(page, 'teacher')
  await visit(page, '/library?kind=autism_strategy')
  await expect(page.getByRole('status').filter({ hasText: /共 1\d 个资源/ })).toBeVisible()
  await page.getByRole('link', { name: '先—后板：先写作业，后玩积木' }).click()
  await expectAccessible(page)
  await page.getByRole('link', { name: '先—后板', exact: true }).click()
  await expect(page.getByRole('region', { name: '先' })).toContainText('写 5 道数学题')
  await expect(page.getByRole('region', { name: '后' })).toContainText('玩积木 5 分钟')
  await expectAccessible(page)
})
