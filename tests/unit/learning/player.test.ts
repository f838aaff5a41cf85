import { describe, expect, it } from 'vitest'
import { annotateSentences, chooseVoice, splitKeep, splitSentences } from '~/modules/learning/player'
import { sanitizeDoc } from '~/modules/library/rich-text'

describe('splitting lesson text into sentences for read-aloud', () => {
  it('cuts after 。！？；!? and keeps the punctuation with its sentence', () => {
    expect(splitSentences('先洗手。再擦干！你会了吗？会；很好!OK?')).toEqual(['先洗手。', '再擦干！', '你会了吗？', '会；', '很好!', 'OK?'])
  })

  it('keeps a closing quote with its sentence and ends a sentence at a line break', () => {
    expect(splitSentences('老师说：“排好队。”大家站好\n第二行')).toEqual(['老师说：“排好队。”', '大家站好', '第二行'])
  })

  it('drops pieces that are only punctuation or space', () => {
    expect(splitSentences('  。\n！  \n好。')).toEqual(['好。'])
  })

  it('keeps every character when cutting (nothing is lost from the rendered text)', () => {
    const text = '一、导入。播放视频，暂停！说一说？'
    expect(splitKeep(text).join('')).toBe(text)
  })
})

describe('marking sentences in a rich-text document', () => {
  const doc = sanitizeDoc({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '认识标志' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '看到' },
          { type: 'text', text: '出口', marks: [{ type: 'signTerm', attrs: { termId: '00000000-0000-4000-8000-000000000001' } }] },
          { type: 'text', text: '就往外走。看到入口', marks: [{ type: 'bold' }] },
          { type: 'text', text: '就进去。' },
        ],
      },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '收银台付钱' }] }] }] },
    ],
  })

  it('numbers the sentences across text nodes, headings and list items', () => {
    expect(annotateSentences(doc).sentences).toEqual(['认识标志', '看到出口就往外走。', '看到入口就进去。', '收银台付钱'])
  })

  it('cuts a text node at a sentence end and keeps a sign-marked word whole', () => {
    const { pieces } = annotateSentences(doc)
    const paragraph = doc.content[1]!.content!
    expect(pieces.get(paragraph[0]!)).toEqual([{ text: '看到', sentence: 1, start: true }])
    expect(pieces.get(paragraph[1]!)).toEqual([{ text: '出口', sentence: 1, start: false }])
    expect(pieces.get(paragraph[2]!)).toEqual([
      { text: '就往外走。', sentence: 1, start: false },
      { text: '看到入口', sentence: 2, start: true },
    ])
    expect(pieces.get(paragraph[3]!)).toEqual([{ text: '就进去。', sentence: 2, start: false }])
  })
})

describe('choosing a read-aloud voice', () => {
  const voices = [
    { name: 'Cantonese', lang: 'zh-HK' },
    { name: 'English', lang: 'en-US', default: true },
    { name: 'Mandarin', lang: 'zh-CN' },
  ]
  it('takes a zh-CN voice for a Chinese page and an English one for an English page', () => {
    expect(chooseVoice(voices, 'zh-CN')?.name).toBe('Mandarin')
    expect(chooseVoice(voices, 'en')?.name).toBe('English')
  })
  it('prefers a mainland Mandarin voice when there is no exact match', () => {
    expect(chooseVoice([{ lang: 'zh-TW' }, { lang: 'zh_CN' }], 'zh')?.lang).toBe('zh_CN')
  })
  it('returns null when the device has no voice for the language', () => {
    expect(chooseVoice([{ lang: 'en-GB' }], 'zh-CN')).toBeNull()
    expect(chooseVoice([], 'en')).toBeNull()
  })
})
