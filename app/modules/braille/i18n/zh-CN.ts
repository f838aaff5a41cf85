import { brailleMessages } from '../messages'

/** Braille's UI text; the catalogue mounts it under `braille`. */
export const brailleZhCN = {
  nav: '盲文',
  title: '盲文转换',
  intro: '把汉字文本（含数字、字母和标点）转换为盲文，并排预览，下载可供盲文打印机使用的 BRF 文件。',
  text: '要转换的文本',
  scheme: '盲文方案',
  schemes: { common: '国家通用盲文（GF 0019-2018）', current: '现行盲文' },
  cellsPerLine: '每行方数',
  linesPerPage: '每页行数',
  convert: '转换',
  download: '下载 BRF',
  print: '汉字原文',
  braille: '盲文',
  pageN: '第 {{n}} 页',
  pages: '共 {{count}} 页（每行 {{cells}} 方，每页 {{lines}} 行）',
  unsupported: '以下字符没有盲文形式，已略去：{{chars}}',
  errors: {
    ...brailleMessages['zh-CN'],
    emptyText: '请输入要转换的文本。',
    textTooLongForRequest: '一次最多转换 200000 个字符。',
  },
}
