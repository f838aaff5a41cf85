import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { RichText } from '../../../app/components/rich-text'
import { markdownToDoc } from '../../../app/modules/library/markdown'
import { imagesWithoutAlt, plainText, sanitizeDoc } from '../../../app/modules/library/rich-text'
import { createI18n } from '../../../app/platform/i18n'

const render = (doc: unknown) => renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n('zh-CN') }, createElement(RichText, { doc })))
const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) })
const para = (...content: unknown[]) => ({ type: 'paragraph', content })

describe('allow-listed rich text', () => {
  it('keeps what teachers write: headings, lists, tables, callouts, links and images of the library', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('导入')] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('看图片'))] }] },
        { type: 'callout', attrs: { kind: 'adaptation' }, content: [para(text('视障学生用触摸卡'))] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 1, rowspan: 1 }, content: [para(text('步骤'))] }] }, { type: 'tableRow', content: [{ type: 'tableCell', content: [para(text('洗手'))] }] }] },
        para(text('见'), text('课标', [{ type: 'link', attrs: { href: 'https://www.moe.gov.cn/' } }, { type: 'bold' }])),
        { type: 'image', attrs: { src: '/library/files/0b8a3b8e-1111-4222-8333-444455556666', alt: '流程图' } },
      ],
    }
    const clean = sanitizeDoc(doc)
    expect(clean.content.map((n) => n.type)).toEqual(['heading', 'bulletList', 'callout', 'table', 'paragraph', 'image'])
    expect(sanitizeDoc(clean)).toEqual(clean)
    const html = render(doc)
    expect(html).toContain('<h3>导入</h3>')
    expect(html).toContain('<aside class="callout callout-adaptation" aria-label="差异化调整"><p class="callout-label">差异化调整</p><p>视障学生用触摸卡</p></aside>')
    expect(html).toContain('<thead><tr><th scope="col"><p>步骤</p></th></tr></thead><tbody><tr><td><p>洗手</p></td></tr></tbody>')
    expect(html).toContain('<strong><a href="https://www.moe.gov.cn/" rel="noopener noreferrer nofollow">课标</a></strong>')
    expect(html).toContain('<img src="/library/files/0b8a3b8e-1111-4222-8333-444455556666" alt="流程图" loading="lazy"/>')
  })

  it('drops scripts, event handlers, unsafe links and foreign images, keeping the text', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'script', content: [text('alert(1)')] },
        para(text('点我', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
        para(text('<img src=x onerror=alert(1)>')),
        { type: 'image', attrs: { src: 'http://evil.example/x.png', onerror: 'alert(1)' } },
        { type: 'heading', attrs: { level: 1, onclick: 'x' }, content: [text('标题')] },
        { type: 'paragraph', attrs: { style: 'color:red' }, content: [text('正文', [{ type: 'highlight' }])] },
      ],
    }
    const clean = sanitizeDoc(doc)
    expect(clean.content).toEqual([
      para(text('alert(1)')),
      para(text('点我')),
      para(text('<img src=x onerror=alert(1)>')),
      { type: 'heading', attrs: { level: 2 }, content: [text('标题')] },
      para(text('正文')),
    ])
    const html = render(doc)
    expect(html).not.toMatch(/<script|javascript:|<img[^>]*onerror|evil\.example|style=/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('treats anything that is not a document as an empty one, and survives deep nesting', () => {
    expect(sanitizeDoc('<p>hi</p>')).toEqual({ type: 'doc', content: [] })
    expect(sanitizeDoc(null)).toEqual({ type: 'doc', content: [] })
    let deep: unknown = para(text('底'))
    for (let i = 0; i < 200; i++) deep = { type: 'blockquote', content: [deep] }
    expect(() => sanitizeDoc({ type: 'doc', content: [deep] })).not.toThrow()
  })

  it('counts the images that lack a text alternative', () => {
    const img = (alt: string) => ({ type: 'image', attrs: { src: 'https://example.cn/a.png', alt } })
    expect(imagesWithoutAlt(sanitizeDoc({ type: 'doc', content: [img('钟面'), img(' '), { type: 'callout', content: [img('')] }] }))).toBe(2)
  })

  it('gives the plain text for search and print, block by block', () => {
    expect(plainText(markdownToDoc('## 目标\n认识 **1 元**。\n\n- 看\n- 摸\n\n| 步骤 | 说明 |\n| --- | --- |\n| 一 | 洗手 |'))).toBe('目标\n认识 1 元。\n看\n摸\n步骤\n说明\n一\n洗手')
  })
})

describe('the corpus Markdown', () => {
  it('becomes Tiptap JSON with callouts, ordered lists, tables and inline marks', () => {
    const doc = markdownToDoc('## 一、导入\n1. 第一步\n2. 第二步\n> [!adaptation]\n> 使用大字卡。\n\n见[课标](https://example.cn/)和*图片*。')
    expect(doc.content.map((n) => n.type)).toEqual(['heading', 'orderedList', 'callout', 'paragraph'])
    expect(doc.content[2]).toEqual({ type: 'callout', attrs: { kind: 'adaptation' }, content: [para(text('使用大字卡。'))] })
    expect(doc.content[3]!.content).toEqual([text('见'), text('课标', [{ type: 'link', attrs: { href: 'https://example.cn/' } }]), text('和'), text('图片', [{ type: 'italic' }]), text('。')])
    expect(sanitizeDoc(doc)).toEqual(doc)
  })
})
