import { z } from 'zod'
import { endpoint, type Endpoint } from '~/platform/api/endpoint'
import { brailleRequest, convertText } from './service.server'

const word = z.object({ kind: z.enum(['han', 'number', 'latin', 'punctuation', 'newline']), text: z.string(), pinyin: z.array(z.string()), braille: z.string() })

export const brailleEndpoints: Endpoint[] = [
  endpoint({
    method: 'POST',
    path: '/braille',
    tag: 'braille',
    summary:
      'Convert Chinese text (with digits, Latin letters and punctuation) to 国家通用盲文 (scheme common, GF 0019-2018) or 现行盲文 (current), as Unicode braille or as BRF paginated for embossers (default 30 cells × 25 lines).',
    body: brailleRequest,
    response: z.object({
      scheme: z.enum(['common', 'current']),
      format: z.enum(['unicode', 'brf']),
      braille: z.string().optional(),
      brf: z.string().optional(),
      pages: z.array(z.array(z.string())),
      words: z.array(word),
      unsupported: z.array(z.string()),
    }),
    handle: (_ctx, { body }) => Promise.resolve(convertText(body)),
  }),
]
