import { PassThrough, type Transform } from 'node:stream'
import { createElement } from 'react'
import { renderToPipeableStream } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { withoutNulPadding } from '../../app/platform/stream-padding.server'

/** Renders a page of short Chinese strings (each well under React's 2048-byte buffer) through `body`. */
function render(lead: number, body: Transform | PassThrough): Promise<Buffer> {
  const tree = createElement(
    'div',
    null,
    'a'.repeat(lead),
    Array.from({ length: 300 }, (_, i) => createElement('span', { key: i, title: '视频播放器' }, '观察记录')),
  )
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    body.on('data', (part: Buffer) => parts.push(part))
    body.on('end', () => resolve(Buffer.concat(parts)))
    const { pipe } = renderToPipeableStream(tree, { onAllReady: () => pipe(body), onShellError: reject })
  })
}

describe('the HTML stream', () => {
  it('carries no NUL bytes where React pads a buffer after a split Chinese character', async () => {
    let padded = 0
    for (let lead = 0; lead < 3; lead++) {
      const plain = await render(lead, new PassThrough())
      padded += plain.filter((byte) => byte === 0).length
      const html = (await render(lead, withoutNulPadding())).toString('utf8')
      expect(html.includes('\u0000')).toBe(false)
      expect(html.match(/title="视频播放器"/g)).toHaveLength(300)
      expect(html.match(/观察记录/g)).toHaveLength(300)
    }
    // The bug this guards against is real in the React this project uses.
    expect(padded).toBeGreaterThan(0)
  })
})
