import { useTranslation } from 'react-i18next'
import type { BrailleConversion } from '~/modules/braille/service.server'

/**
 * Print and braille side by side, word by word, so a sighted teacher can check a conversion against
 * the text; then the braille as it will be embossed, page by page. Braille cells are marked
 * aria-hidden only where the print beside them already says the same.
 */
export function BrailleSideBySide({ result, cellsPerLine, linesPerPage }: { result: BrailleConversion; cellsPerLine: number; linesPerPage: number }) {
  const { t } = useTranslation()
  return (
    <div className="braille-result">
      {result.unsupported.length ? <p className="notice">{t('braille.unsupported', { chars: result.unsupported.join(' ') })}</p> : null}
      <h2>
        {t('braille.print')} / {t('braille.braille')}
      </h2>
      <ol className="braille-words" lang="zh-CN">
        {result.words
          .filter((w) => w.kind !== 'newline')
          .map((w, i) => (
            <li key={i}>
              <span className="print">{w.text}</span>
              {w.pinyin.length ? <span className="pinyin">{w.pinyin.join(' ')}</span> : null}
              <span className="cells">{w.braille}</span>
            </li>
          ))}
      </ol>
      <h2>{t('braille.braille')}</h2>
      <p>{t('braille.pages', { count: result.pages.length, cells: cellsPerLine, lines: linesPerPage })}</p>
      {result.pages.map((page, i) => (
        <figure key={i} className="braille-page-view">
          <figcaption>{t('braille.pageN', { n: i + 1 })}</figcaption>
          <pre className="cells" tabIndex={0}>
            {page.join('\n')}
          </pre>
        </figure>
      ))}
    </div>
  )
}
