import { describe, expect, it } from 'vitest'
import { correctQuery } from '../../../app/modules/search/correct.server'
import { highlight, oneOffPatterns, planQuery, snippet, toTsquery } from '../../../app/modules/search/query.server'
import { indexWords, pinyinKeys, pinyinOf, queryWords, synonymsOf } from '../../../app/modules/search/words.server'

describe('Chinese words', () => {
  it('keeps special-education terms whole and yields the parts of compounds for the index', () => {
    expect(queryWords('培智生活语文')).toEqual(['培智', '生活语文'])
    expect(queryWords('随班就读 数学')).toEqual(['随班就读', '数学'])
    expect(indexWords('孤独症儿童的视觉日程')).toEqual(expect.arrayContaining(['孤独', '孤独症', '儿童', '视觉', '日程', '视觉日程']))
    expect(indexWords('孤独症儿童的视觉日程')).not.toContain('的')
  })

  it('normalises full-width forms and case', () => {
    expect(queryWords('ＰＥＣＳ　沟通')).toEqual(['pecs', '沟通'])
  })

  it('reads synonyms from the data file, both ways', () => {
    expect(synonymsOf('自闭症')).toEqual(expect.arrayContaining(['孤独症', 'asd']))
    expect(synonymsOf('孤独症')).toContain('自闭症')
    expect(synonymsOf('融合教育')).toContain('随班就读')
    expect(synonymsOf('数学')).toEqual([])
  })

  it('keys pinyin at every syllable boundary, so partial pinyin is an exact lookup', () => {
    expect(pinyinKeys(['孤独症', 'PECS']).sort()).toEqual(['pi:gd', 'pi:gdz', 'py:gu', 'py:gudu', 'py:guduzheng'])
  })

  it('gives full pinyin and initials in context', () => {
    expect(pinyinOf('孤独症')).toEqual({ full: 'guduzheng', initials: 'gdz' })
    expect(pinyinOf('银行')).toEqual({ full: 'yinhang', initials: 'yh' })
  })
})

describe('query plans', () => {
  it('needs every word, each through itself, its synonyms or its pinyin', () => {
    const plan = planQuery('自闭症 gdz')
    expect(plan.map((w) => w.word)).toEqual(['自闭症', 'gdz'])
    expect(plan[0]!.alternatives).toEqual(expect.arrayContaining([{ lexeme: '孤独症', prefix: false }]))
    expect(plan[1]!.alternatives).toEqual(expect.arrayContaining([{ lexeme: 'py:gdz', prefix: false }, { lexeme: 'pi:gdz', prefix: false }]))
  })

  it('matches the word being typed and single characters by prefix', () => {
    expect(planQuery('盲')[0]!.alternatives[0]).toEqual({ lexeme: '盲', prefix: true })
    expect(planQuery('数学 教学', { typing: true }).map((w) => w.alternatives[0])).toEqual([
      { lexeme: '数学', prefix: false },
      { lexeme: '教学', prefix: true },
    ])
    expect(planQuery('数学 教学')[1]!.alternatives[0]).toEqual({ lexeme: '教学', prefix: false })
  })

  it('quotes lexemes so that no query text is read as tsquery syntax', () => {
    expect(toTsquery([{ word: "a'b", alternatives: [{ lexeme: "a'b\\", prefix: true }], marks: [] }])).toBe("('a''b\\\\':*)")
    expect(toTsquery(planQuery('!!! & | ()'))).toBe('')
  })
})

describe('one wrong character', () => {
  it('makes a pattern for each position', () => {
    expect(oneOffPatterns('孤读症')).toEqual(['_读症', '孤_症', '孤读_'])
    expect(oneOffPatterns('a_%')).toEqual(['_\\_\\%', 'a_\\%', 'a\\__'])
  })

  const lookup = (known: string[]) => ({
    existing: async (words: string[]) => new Set(words.filter((w) => known.includes(w))),
    like: async (patterns: string[]) =>
      known.filter((k) => patterns.some((p) => new RegExp(`^${p.replace(/\\(.)/g, '$1').replace(/_/g, '.')}$`, 'u').test(k))),
  })

  it('reads the closest known word, longest first, and leaves known words alone', async () => {
    const terms = lookup(['孤独症', '结构化', '结构化教学', '社交故事'])
    expect(await correctQuery('孤读症儿童', terms)).toEqual({ q: '孤独症儿童', corrections: [{ from: '孤读症', to: '孤独症' }] })
    expect(await correctQuery('结沟化教学', terms)).toEqual({ q: '结构化教学', corrections: [{ from: '结沟化教学', to: '结构化教学' }] })
    expect(await correctQuery('孤独症', terms)).toEqual({ q: '孤独症', corrections: [] })
    expect(await correctQuery('数学', terms)).toEqual({ q: '数学', corrections: [] })
  })
})

describe('highlighting', () => {
  it('marks every occurrence, longest mark first', () => {
    expect(highlight('孤独症儿童与孤独', ['孤独', '孤独症'])).toEqual([
      { text: '孤独症', match: true },
      { text: '儿童与', match: false },
      { text: '孤独', match: true },
    ])
    expect(highlight('PECS 图片', ['pecs'])).toEqual([
      { text: 'PECS', match: true },
      { text: ' 图片', match: false },
    ])
  })

  it('cuts a snippet around the first match with ellipses', () => {
    const text = `${'甲'.repeat(100)}硬币${'乙'.repeat(100)}`
    const segments = snippet(text, ['硬币'], 60)
    expect(segments[0]).toEqual({ text: '…', match: false })
    expect(segments.at(-1)).toEqual({ text: '…', match: false })
    expect(segments.find((s) => s.match)).toEqual({ text: '硬币', match: true })
  })
})
