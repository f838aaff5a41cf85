import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { PassThrough, type Readable } from 'node:stream'
import PDFDocument from 'pdfkit'
import { AppError } from '~/platform/errors'
import { createI18n, type Locale } from '~/platform/i18n'
import { periodLabel } from './periods'
import type { AnnualReport } from './reports.server'
import { annualSummary, isFlagged, schoolsTable, tableText, termsTable, type FigureTable } from './tables'

/**
 * The annual report as a tagged PDF (language, title, headings, paragraphs and tables marked for
 * screen readers) with the Chinese glyphs it uses embedded. Chinese needs a CJK font, which is not
 * shipped with Node: REPORT_FONT names one, else a system font is looked for; without any, the
 * export says how to get one and the printable page (print → Save as PDF) still works.
 */
const knownFonts: { file: string; name?: string }[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', name: 'WenQuanYiZenHei' },
  { file: '/System/Library/Fonts/PingFang.ttc', name: 'PingFangSC-Regular' },
  { file: 'C:\\Windows\\Fonts\\msyh.ttc', name: 'MicrosoftYaHei' },
  { file: 'C:\\Windows\\Fonts\\simhei.ttf' },
]

let found: { file: string; name?: string } | null | undefined

/** A font with Chinese glyphs: the configured one, a known system one, or one fontconfig lists for zh. */
export function reportFont(configured?: string): { file: string; name?: string } | null {
  if (configured) {
    const [file, name] = configured.split('#')
    return existsSync(file!) ? { file: file!, name } : null
  }
  if (found !== undefined) return found
  found = knownFonts.find((f) => existsSync(f.file)) ?? null
  if (!found) {
    try {
      const listed = execFileSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8', timeout: 5000 })
      const file = listed
        .split('\n')
        .map((line) => line.replace(/:\s*$/, '').trim())
        .find((line) => /\.(ttf|otf)$/i.test(line))
      if (file) found = { file }
    } catch {
      // No fontconfig: nothing more to look for.
    }
  }
  return found
}

export function annualReportPdf(report: AnnualReport, locale: Locale, fontSetting?: string): Readable {
  const font = reportFont(fontSetting)
  if (!font) throw new AppError(503, { key: 'reports.errors.noFont' })
  const { t } = createI18n(locale)
  const text = tableText((key, params) => t(key, params))
  const title = t('reports.annual.title', { district: report.district, year: text.label(periodLabel(report.year)) })

  const doc = new PDFDocument({ size: 'A4', margin: 48, tagged: true, lang: locale, displayTitle: true, pdfVersion: '1.7', info: { Title: title, Author: report.district, Subject: t('reports.annual.subject') } } as PDFKit.PDFDocumentOptions)
  doc.registerFont('cjk', font.file, font.name)
  doc.font('cjk')
  const out = new PassThrough()
  doc.pipe(out)
  const root = doc.struct('Document')
  doc.addStructure(root)

  const heading = (text: string, level: 1 | 2 | 3) => {
    const size = { 1: 18, 2: 14, 3: 12 }[level]
    if (doc.y > doc.page.height - 120) doc.addPage()
    root.add(doc.struct(`H${level}`, {}, () => void doc.fontSize(size).fillColor('#000').text(text, { paragraphGap: 6 })))
  }
  const paragraph = (text: string) => root.add(doc.struct('P', {}, () => void doc.fontSize(10).fillColor('#222').text(text, { paragraphGap: 4, lineGap: 2 })))
  const table = (figures: FigureTable) => {
    heading(text.label(figures.title), 3)
    const header = figures.columns.map((c) => ({ text: text.label(c), type: 'TH' as const }))
    const rows = figures.rows.map((row, r) =>
      row.map((cell, c) => {
        const value = text.cell(cell)
        return { text: isFlagged(figures, r, c) ? `${value} ${t('reports.gapMark')}` : value, type: c === 0 ? ('TH' as const) : ('TD' as const) }
      }),
    )
    doc.fontSize(9).fillColor('#000')
    ;(doc as unknown as { table(o: unknown): void }).table({ data: [header, ...rows], defaultStyle: { padding: 3, border: 0.5, borderColor: '#888' } })
    doc.moveDown(0.8)
  }

  heading(title, 1)
  paragraph(t('reports.annual.generated', { date: report.generatedAt.slice(0, 10) }))
  paragraph(t('reports.annual.scope'))

  heading(t('reports.annual.summary'), 2)
  for (const sentence of annualSummary(report)) paragraph(text.label(sentence))

  heading(t('reports.annual.terms'), 2)
  table(termsTable(report))
  heading(t('reports.annual.bySchool'), 2)
  table(schoolsTable(report))
  heading(t('reports.annual.details'), 2)
  for (const figures of report.tables) table(figures)

  root.end()
  doc.end()
  return out
}
