import { describe, expect, it } from 'vitest'
import { sanitizeDoc } from '../../../app/modules/library/rich-text'
import { signCategories } from '../../../app/modules/signs/categories'
import { signsEn } from '../../../app/modules/signs/i18n/en'
import { signsZhCN } from '../../../app/modules/signs/i18n/zh-CN'
import { categoryFromCsv } from '../../../app/modules/signs/import.server'
import { cleanSignTermAttrs } from '../../../app/modules/signs/marks'
import { normaliseQuery, searchKeysOf } from '../../../app/modules/signs/pinyin.server'
import { signTermInput, splitWords } from '../../../app/modules/signs/schemas'

const termId = '3f2b8c1e-4a5d-4e6f-9a0b-1c2d3e4f5a6b'
const paragraph = (...content: unknown[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] })

describe('the signTerm mark', () => {
  it('keeps a term id and nothing else', () => {
    expect(cleanSignTermAttrs({ termId, class: 'x', onclick: 'alert(1)' })).toEqual({ termId })
    expect(cleanSignTermAttrs({ termId: termId.toUpperCase() })).toEqual({ termId })
  })

  it('names no term when the id is not a uuid', () => {
    for (const bad of [undefined, null, 42, '', 'javascript:alert(1)', `${termId}x`, `/signs/${termId}`, { termId }]) {
      expect(cleanSignTermAttrs({ termId: bad })).toBeNull()
    }
    expect(cleanSignTermAttrs(undefined)).toBeNull()
  })

  it('survives sanitizing beside other marks, and a forged one is dropped while its text stays', () => {
    const doc = paragraph(
      { type: 'text', text: '安静', marks: [{ type: 'bold' }, { type: 'signTerm', attrs: { termId, style: 'position:fixed' } }, { type: 'signTerm', attrs: { termId: '00000000-0000-4000-8000-000000000000' } }] },
      { type: 'text', text: '坐好', marks: [{ type: 'signTerm', attrs: { termId: '<img src=x onerror=alert(1)>' } }] },
    )
    expect(sanitizeDoc(doc).content[0]!.content).toEqual([
      { type: 'text', text: '安静', marks: [{ type: 'bold' }, { type: 'signTerm', attrs: { termId } }] },
      { type: 'text', text: '坐好' },
    ])
  })

  it('is not kept in code blocks, where no mark is', () => {
    const doc = { type: 'doc', content: [{ type: 'codeBlock', content: [{ type: 'text', text: '安静', marks: [{ type: 'signTerm', attrs: { termId } }] }] }] }
    expect(sanitizeDoc(doc).content[0]!.content).toEqual([{ type: 'text', text: '安静' }])
  })
})

describe('term input', () => {
  it('splits related words on the separators teachers type', () => {
    expect(splitWords('老师、同学, 上课，下课;安静；注意  看 老师')).toEqual(['老师', '同学', '上课', '下课', '安静', '注意', '看'])
    expect(splitWords('  ')).toEqual([])
  })

  it('trims, turns an empty video id into none, and refuses what is not a term', () => {
    expect(signTermInput.parse({ word: ' 安静 ', category: 'classroom', related: '注意、看', videoAssetId: '' })).toEqual({
      word: '安静',
      category: 'classroom',
      handshape: '',
      movement: '',
      notes: '',
      related: ['注意', '看'],
      videoAssetId: null,
    })
    const bad = signTermInput.safeParse({ word: '', category: 'magic', videoAssetId: 'abc', related: Array.from({ length: 13 }, (_, i) => `词${i}`).join('、') })
    expect(bad.success).toBe(false)
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]))
    expect(fields).toMatchObject({ category: 'signs.errors.category', videoAssetId: 'signs.errors.videoId', related: 'signs.errors.tooManyRelated' })
    expect(fields.word).toBeDefined()
  })
})

describe('categories in a CSV', () => {
  it('are read by code or by name in either language', () => {
    expect(categoryFromCsv('classroom')).toBe('classroom')
    expect(categoryFromCsv(' Feelings ')).toBe('feelings')
    expect(categoryFromCsv('日常生活')).toBe('daily')
    expect(categoryFromCsv('daily life')).toBe('daily')
    expect(categoryFromCsv('魔法')).toBeNull()
    expect(categoryFromCsv(undefined)).toBeNull()
  })

  it('each have a label in both languages', () => {
    for (const category of signCategories) {
      expect(signsZhCN.categories[category]).toBeTruthy()
      expect(signsEn.categories[category]).toBeTruthy()
    }
  })
})

describe('search keys', () => {
  it('are toneless pinyin and initials, so "laoshi" and "ls" both find 老师', () => {
    expect(searchKeysOf('老师')).toEqual({ pinyin: 'laoshi', initials: 'ls' })
    expect(searchKeysOf('绿色')).toEqual({ pinyin: 'lvse', initials: 'ls' })
    expect(normaliseQuery('Lao Shi')).toBe('laoshi')
    expect(normaliseQuery('Lǚ xíng')).toBe('lvxing')
    expect(normaliseQuery('lǎo shī')).toBe('laoshi')
  })
})

describe('a term in the platform search', () => {
  it('is sign-language material of its district, found by word, pinyin and description', async () => {
    const { toSearchDocument } = await import('../../../app/modules/signs/search-source.server')
    const row = {
      id: termId,
      districtId: 'd1',
      word: '安静',
      pinyin: 'anjing',
      initials: 'aj',
      category: 'classroom',
      handshape: '一手伸食指',
      movement: '食指竖在嘴唇前',
      notes: '',
      videoAssetId: null,
      contentKey: null,
      createdBy: null,
      updatedBy: null,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    }
    expect(toSearchDocument(row)).toMatchObject({
      id: `sign:${termId}`,
      kind: 'sign_term',
      title: '安静',
      summary: '课堂用语 · 食指竖在嘴唇前',
      body: '一手伸食指\n食指竖在嘴唇前',
      keywords: ['ān jìng', 'anjing', 'aj'],
      url: `/signs/${termId}`,
      features: ['sign'],
      districtId: 'd1',
      published: true,
    })
    expect(toSearchDocument({ ...row, videoAssetId: termId }).features).toEqual(['sign', 'video'])
  })
})
