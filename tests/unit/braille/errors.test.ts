import { describe, expect, it } from 'vitest'
import { BrailleError, brailleMessages, formatBrailleMessage, toBraille, toBrf } from '~/modules/braille'

describe('bad input', () => {
  it.each([[undefined], [null], [42], [{ text: '你好' }]])('rejects a non-string text: %s', (text) => {
    expect(() => toBraille(text)).toThrow(expect.objectContaining({ key: 'invalidText' }))
  })

  it('rejects an unknown scheme', () => {
    const call = () => toBraille('你好', { scheme: 'taiwan' as never })
    expect(call).toThrow(BrailleError)
    expect(call).toThrow(expect.objectContaining({ key: 'unknownScheme', params: { scheme: 'taiwan' } }))
  })

  it('rejects a segmenter that is not a function or loses text', () => {
    expect(() => toBraille('你好', { segment: 'jieba' as never })).toThrow(
      expect.objectContaining({ key: 'invalidSegmenter' }),
    )
    expect(() => toBraille('你好', { segment: () => ['你'] })).toThrow(
      expect.objectContaining({ key: 'segmenterMismatch' }),
    )
  })

  it('rejects text that is too long', () => {
    expect(() => toBraille('字'.repeat(1_000_001))).toThrow(expect.objectContaining({ key: 'textTooLong' }))
  })

  it('rejects non-string BRF input', () => {
    expect(() => toBrf(7)).toThrow(expect.objectContaining({ key: 'invalidText' }))
  })

  it('leaves out characters without a braille form and lists them, or throws if asked', () => {
    const result = toBraille('你好☺', { segment: () => ['你好'] })
    expect(result.cells).toBe('⠝⠓⠖⠄')
    expect(result.unsupported).toEqual(['☺'])
    expect(() => toBraille('你好☺', { segment: () => ['你好'], onUnsupported: 'throw' })).toThrow(
      expect.objectContaining({ key: 'unsupportedCharacter', params: { char: '☺' } }),
    )
  })
})

describe('messages', () => {
  it('has the same keys in zh-CN and English', () => {
    expect(Object.keys(brailleMessages['zh-CN']).sort()).toEqual(Object.keys(brailleMessages.en).sort())
  })

  it('fills placeholders; the error message is the English text', () => {
    const error = new BrailleError('unknownScheme', { scheme: 'x' })
    expect(error.message).toBe(formatBrailleMessage('unknownScheme', { scheme: 'x' }))
    expect(formatBrailleMessage('invalidPageSize', { name: 'cellsPerLine', min: 10, max: 100 }, 'zh-CN')).toBe(
      'cellsPerLine 必须是 10 到 100 之间的整数。',
    )
  })
})

describe('unsupported characters inside Chinese words', () => {
  it('drops a word made only of characters without a reading, without a double blank', () => {
    const result = toBraille('你𪚥好', { segment: () => ['你', '𪚥', '好'] })
    expect(result.cells).toBe('⠝\u2800⠓⠖⠄')
    expect(result.unsupported).toEqual(['𪚥'])
  })
})
