import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, apiToken } from '../../support/http'
import { startTestRuntime, stopTestRuntime, type Runtime } from '../../support/runtime'

describe('POST /api/v1/braille', () => {
  let rt: Runtime
  let token: string
  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
    token = await apiToken('teacher')
  })
  afterAll(() => stopTestRuntime(rt))

  it('converts to national common braille as Unicode, word by word with pinyin', async () => {
    const response = await api('POST', '/braille', { token, body: { text: '我们上学。', scheme: 'common', format: 'unicode' } })
    expect(response.status).toBe(200)
    expect(response.body.scheme).toBe('common')
    expect(response.body.braille).toMatch(/^[\u2800-\u28ff\n]+$/)
    expect(response.body.words.map((w: { text: string }) => w.text)).toEqual(['我们', '上学', '。'])
    expect(response.body.words[0].pinyin).toEqual(['wo3', 'men0'])
  })

  it('writes BRF paginated to the requested page size', async () => {
    const text = '盲文打印机按页输出。'.repeat(30)
    const response = await api('POST', '/braille', { token, body: { text, format: 'brf', cellsPerLine: 20, linesPerPage: 5 } })
    expect(response.status).toBe(200)
    const pages = (response.body.brf as string).split('\f')
    expect(pages.length).toBe(response.body.pages.length)
    expect(pages.length).toBeGreaterThan(1)
    for (const page of pages) {
      const lines = page.split('\r\n').filter(Boolean)
      expect(lines.length).toBeLessThanOrEqual(5)
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(20)
      expect(page).toMatch(/^[ -~\r\n]*$/)
    }
  })

  it('gives the current scheme a different result from the common one', async () => {
    const common = await api('POST', '/braille', { token, body: { text: '他们在学校学习。', scheme: 'common' } })
    const current = await api('POST', '/braille', { token, body: { text: '他们在学校学习。', scheme: 'current' } })
    expect(current.status).toBe(200)
    expect(current.body.braille).not.toEqual(common.body.braille)
  })

  it('names the field of bad input, in Chinese and English', async () => {
    const empty = await api('POST', '/braille', { token, body: { text: '' } })
    expect(empty.status).toBe(400)
    expect(empty.body.error.fields.text.messages['zh-CN']).toBe('请输入要转换的文本。')
    expect(empty.body.error.fields.text.messages.en).toBe('Enter the text to convert.')
    const scheme = await api('POST', '/braille', { token, body: { text: '你好', scheme: 'braille-2' } })
    expect(scheme.status).toBe(400)
    expect(Object.keys(scheme.body.error.fields)).toEqual(['scheme'])
    const size = await api('POST', '/braille', { token, body: { text: '你好', cellsPerLine: 5 } })
    expect(size.status).toBe(400)
    expect(Object.keys(size.body.error.fields)).toEqual(['cellsPerLine'])
  })

  it('needs a signed-in caller', async () => {
    expect((await api('POST', '/braille', { body: { text: '你好' } })).status).toBe(401)
  })
})
