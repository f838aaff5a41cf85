import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../../app/modules/accounts/actor'
import { clearBrailleCorrection, getResourceBraille, printTextOf, saveBrailleCorrection } from '../../../app/modules/braille/resource.server'
import { createResource, publishDirectly, updateResource } from '../../../app/modules/library/resources.server'
import { docFromText } from '../../../app/modules/library/rich-text'
import { databaseKinds } from '../../support/database'
import { actorFor } from '../../support/media'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

describe.each(databaseKinds)('a resource’s braille version on %s', (kind) => {
  let rt: Runtime
  let teacher: Actor
  let researcher: Actor
  let student: Actor
  let id: string
  const lesson = (procedure: string) => ({
    kind: 'lesson',
    title: '认识钟表',
    summary: '认识整点。',
    schoolType: 'mangxiao',
    subject: 'maths',
    stage: 'primary',
    grade: 1,
    disabilityCategories: ['visual'],
    licence: 'cc-by',
    attribution: '李老师',
    details: { objectives: '能摸读钟面上的整点' },
    body: docFromText(procedure),
    variants: [],
  })

  beforeAll(async () => {
    rt = await startTestRuntime(kind)
    teacher = await actorFor(rt.db, 'teacher')
    researcher = await actorFor(rt.db, 'researcher')
    student = await actorFor(rt.db, 'student')
    id = (await createResource(rt.db, teacher, lesson('摸一摸时针和分针。'))).id
    await publishDirectly(rt.db, id)
  })
  afterAll(() => stopTestRuntime(rt))

  it('converts the print text a reader gets, lesson parts included', async () => {
    const view = await getResourceBraille(rt.db, researcher, id, 'common')
    expect(view.print).toBe('认识钟表\n认识整点。\n教学目标：能摸读钟面上的整点\n摸一摸时针和分针。')
    expect(view.braille).toMatch(/^[\u2800-\u28ff\n]+$/)
    expect(view.correction).toBeNull()
    expect(printTextOf({ title: 'A', summary: '', kind: 'worksheet', details: { objectives: '不算' }, body: docFromText('正文') })).toBe('A\n正文')
  })

  it('keeps a teacher’s correction with the resource, per scheme, and says when the text changed since', async () => {
    const automatic = (await getResourceBraille(rt.db, researcher, id, 'common')).braille
    const corrected = `${automatic}\n⠁⠃ ⠉`
    await saveBrailleCorrection(rt.db, researcher, id, 'common', { braille: corrected })
    const view = await getResourceBraille(rt.db, teacher, id, 'common')
    expect(view.braille).toBe(corrected.replace(' ', '\u2800'))
    expect(view.correction).toMatchObject({ correctedBy: researcher.displayName, stale: false })
    expect((await getResourceBraille(rt.db, teacher, id, 'current')).correction).toBeNull()

    await updateResource(rt.db, teacher, id, lesson('摸一摸时针、分针和秒针。'))
    expect((await getResourceBraille(rt.db, teacher, id, 'common', 'working')).correction?.stale).toBe(true)

    await clearBrailleCorrection(rt.db, researcher, id, 'common')
    expect((await getResourceBraille(rt.db, teacher, id, 'common')).correction).toBeNull()
  })

  it('refuses a correction that is not six-dot braille, naming the character, and keeps the one saved', async () => {
    await saveBrailleCorrection(rt.db, teacher, id, 'common', { braille: '⠁⠃' })
    await expect(saveBrailleCorrection(rt.db, teacher, id, 'common', { braille: '⠁A⠃' })).rejects.toMatchObject({
      status: 400,
      options: { fields: { braille: { key: 'braille.errors.notBraille', params: { char: 'A' } } } },
    })
    await expect(saveBrailleCorrection(rt.db, teacher, id, 'common', { braille: '⠁⣿' })).rejects.toMatchObject({
      status: 400,
      options: { fields: { braille: { key: 'braille.errors.eightDotCell' } } },
    })
    await expect(saveBrailleCorrection(rt.db, teacher, id, 'common', { braille: '  \n' })).rejects.toMatchObject({ status: 400 })
    expect((await getResourceBraille(rt.db, teacher, id, 'common')).braille).toBe('⠁⠃')
  })

  it('lets only authors of resources correct', async () => {
    expect((await getResourceBraille(rt.db, student, id, 'common').catch(() => null))?.canCorrect ?? false).toBe(false)
    await expect(saveBrailleCorrection(rt.db, student, id, 'common', { braille: '⠁' })).rejects.toMatchObject({ status: 403 })
    await expect(clearBrailleCorrection(rt.db, student, id, 'common')).rejects.toMatchObject({ status: 403 })
  })
})
