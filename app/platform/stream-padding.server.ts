import { Transform } from 'node:stream'

/**
 * React 18.3's renderToPipeableStream sometimes sends a whole 2048-byte buffer when a multi-byte
 * character did not fit at its end, so the chunk ends in one to three unused NUL bytes
 * (facebook/react#31134, #24985). With Chinese text that puts a U+0000 into the page — inside an
 * attribute such as a player's aria-label it stays there after hydration. Valid HTML never
 * contains NUL, so the bytes are dropped from the end of each chunk as it passes.
 */
export function withoutNulPadding(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length
      while (end > 0 && chunk.length - end < 3 && chunk[end - 1] === 0) end--
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end))
    },
  })
}
