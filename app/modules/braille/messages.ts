/**
 * User-facing messages for braille conversion errors, keyed by `BrailleError.key`.
 * Placeholders use i18next's `{{name}}` syntax so the app's i18n can load this record as is.
 */
export const brailleMessages = {
  'zh-CN': {
    invalidText: '要转换的文本必须是字符串。',
    textTooLong: '文本过长：最多 {{max}} 个字符。',
    unknownScheme: '未知的盲文方案“{{scheme}}”，可选：common（国家通用盲文）、current（现行盲文）。',
    invalidSegmenter: '分词器必须是一个函数。',
    segmenterMismatch: '分词结果与原文不一致：“{{text}}”。',
    unsupportedCharacter: '无法转换为盲文的字符：“{{char}}”。',
    invalidPageSize: '{{name}} 必须是 {{min}} 到 {{max}} 之间的整数。',
    notBraille: '输入中含有非盲文字符：“{{char}}”。',
    eightDotCell: 'BRF 只能表示六点盲文，不能表示“{{char}}”。',
  },
  en: {
    invalidText: 'The text to convert must be a string.',
    textTooLong: 'The text is too long: at most {{max}} characters.',
    unknownScheme: 'Unknown braille scheme "{{scheme}}"; use common (national common braille) or current (current braille).',
    invalidSegmenter: 'The segmenter must be a function.',
    segmenterMismatch: 'The segmenter’s words do not add up to the text: "{{text}}".',
    unsupportedCharacter: 'This character cannot be written in braille: "{{char}}".',
    invalidPageSize: '{{name}} must be a whole number from {{min}} to {{max}}.',
    notBraille: 'The input contains a character that is not braille: "{{char}}".',
    eightDotCell: 'BRF carries six-dot braille only, not "{{char}}".',
  },
} as const satisfies Record<'zh-CN' | 'en', Record<string, string>>

export type BrailleLocale = keyof typeof brailleMessages
export type BrailleMessageKey = keyof (typeof brailleMessages)['en']

/** Fills `{{name}}` placeholders; used for the English `Error.message` and by callers without i18n. */
export function formatBrailleMessage(
  key: BrailleMessageKey,
  params: Readonly<Record<string, string | number>> = {},
  locale: BrailleLocale = 'en',
): string {
  return brailleMessages[locale][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
