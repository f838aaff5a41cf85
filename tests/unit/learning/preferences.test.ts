import { describe, expect, it } from 'vitest'
import { cleanLayer, layerPreferences, preferencesInput, productDefaults } from '~/modules/learning/preferences'

describe('learner preference layers', () => {
  it('takes each field from the student, else the family, else the teacher, else the product default', () => {
    const { effective, sources } = layerPreferences({
      teacher: { captions: true, signWindow: 'pip', readAloudRate: 0.8, fontScale: 'x-large' },
      family: { signWindow: 'side', readAloudRate: 1.2 },
      student: { readAloudRate: 1.5 },
    })
    expect(effective).toMatchObject({ captions: true, signWindow: 'side', readAloudRate: 1.5, fontScale: 'x-large', contrast: productDefaults.contrast })
    expect(sources).toMatchObject({ captions: 'teacher', signWindow: 'family', readAloudRate: 'student', fontScale: 'teacher', contrast: 'default', scanInterval: 'default' })
  })

  it('lets a later layer switch a setting off (false is a value, not "unset")', () => {
    const { effective, sources } = layerPreferences({ teacher: { captions: true }, student: { captions: false } })
    expect(effective.captions).toBe(false)
    expect(sources.captions).toBe('student')
  })

  it('ignores stored values that no longer make sense', () => {
    expect(cleanLayer({ readAloudRate: 7, signWindow: 'huge', captions: true, unknown: 1 })).toEqual({ captions: true })
    expect(layerPreferences({ student: { readAloudRate: 7 } as never }).sources.readAloudRate).toBe('default')
  })
})

describe('the preferences form input', () => {
  it('reads switches and numbers and leaves empty fields unset', () => {
    expect(preferencesInput.parse({ captions: 'on', audioDescription: 'off', readAloudRate: '1.5', scanInterval: '', signWindow: '', fontScale: 'large' })).toEqual({
      captions: true,
      audioDescription: false,
      readAloudRate: 1.5,
      scanInterval: undefined,
      signWindow: undefined,
      fontScale: 'large',
      captionLanguage: undefined,
      contrast: undefined,
      reducedMotion: undefined,
    })
  })

  it('refuses a read-aloud speed outside 0.5–2 and a scanning interval outside 0.5–10 with their own messages', () => {
    const result = preferencesInput.safeParse({ readAloudRate: '3', scanInterval: '0.1' })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['readAloudRate', 'learning.errors.readAloudRate'],
      ['scanInterval', 'learning.errors.scanInterval'],
    ])
  })
})
