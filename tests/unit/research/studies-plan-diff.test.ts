import { describe, expect, it } from 'vitest'
import { diffPlans, diffText, planBlocks } from '../../../app/modules/research/studies/plan-diff'

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const h = (text: string) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] })
const list = (...items: string[]) => ({ type: 'bulletList', content: items.map((t) => ({ type: 'listItem', content: [p(t)] })) })
const doc = (...content: object[]) => ({ type: 'doc', content }) as never
/** A stand-in for jieba: two-character words. */
const pairs = (text: string) => text.match(/.{1,2}/gsu) ?? []

describe('plan diff', () => {
  it('flattens a plan into blocks of known kinds, skipping empty paragraphs', () => {
    expect(planBlocks(doc(h('教学目标'), p(''), list('认识红色', '认识蓝色'), { type: 'blockquote', content: [p('提示')] }))).toEqual([
      { kind: 'heading', text: '教学目标' },
      { kind: 'listItem', text: '认识红色' },
      { kind: 'listItem', text: '认识蓝色' },
      { kind: 'quote', text: '提示' },
    ])
  })

  it('marks added, removed and changed blocks, with word-level changes inside a changed one', () => {
    const before = doc(h('教学目标'), p('学生能认识红色。'), p('用卡片复习。'), p('下课前整理教具。'))
    const after = doc(h('教学目标'), p('学生能认识红色和蓝色。'), p('下课前整理教具。'), p('布置家庭练习。'))
    const diff = diffPlans(before, after)
    expect(diff.blocks.map((b) => b.change)).toEqual(['same', 'changed', 'removed', 'same', 'added'])
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1, same: 2 })
    expect(diff.blocks[1]!.segments).toEqual([
      { op: 'same', text: '学生能认识红色' },
      { op: 'ins', text: '和蓝色' },
      { op: 'same', text: '。' },
    ])
    expect(diff.blocks[2]!.segments).toEqual([{ op: 'del', text: '用卡片复习。' }])
    expect(diff.blocks[4]!.segments).toEqual([{ op: 'ins', text: '布置家庭练习。' }])
  })

  it('compares by the words the segmenter gives, so a changed word is shown whole', () => {
    expect(diffText('红色卡片', '蓝色卡片', pairs)).toEqual([
      { op: 'del', text: '红色' },
      { op: 'ins', text: '蓝色' },
      { op: 'same', text: '卡片' },
    ])
  })

  it('treats a rewritten block as removed and added, and a heading turned paragraph as another block', () => {
    const diff = diffPlans(doc(p('完全不同的旧内容')), doc(p('另写一段新文字'), h('完全不同的旧内容')))
    expect(diff.blocks.map((b) => [b.change, b.kind])).toEqual([
      ['removed', 'paragraph'],
      ['added', 'paragraph'],
      ['added', 'heading'],
    ])
  })

  it('finds nothing to show between identical plans', () => {
    const plan = doc(h('目标'), list('一', '二'))
    expect(diffPlans(plan, plan).counts).toEqual({ added: 0, removed: 0, changed: 0, same: 3 })
  })
})
