import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isFlagged, tableText, type FigureTable } from '~/modules/reports/tables'

/** Labels and cells of figure tables in the reader's language. */
export function useLabel() {
  const { t } = useTranslation()
  return tableText((key, params) => String(t(key, params as never)))
}

/** A figure table; cells that mark a shortfall say so in words, not only in colour. */
export function DataTable({ table, id }: { table: FigureTable; id?: string }) {
  const { t } = useTranslation()
  const { label, cell } = useLabel()
  return (
    <table className="figure-table" id={id}>
      <caption>{label(table.title)}</caption>
      <thead>
        <tr>
          {table.columns.map((column, i) => (
            <th key={i} scope="col">
              {label(column)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((value, c) =>
              c === 0 ? (
                <th key={c} scope="row">
                  {cell(value)}
                </th>
              ) : (
                <td key={c} className={isFlagged(table, r, c) ? 'flagged' : undefined}>
                  {cell(value)}
                  {isFlagged(table, r, c) ? <span className="flag-text"> {t('reports.gapMark')}</span> : null}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export interface Bar {
  label: string
  value: number | null
  flagged?: boolean
}

/**
 * Horizontal bars for reading at a glance. The picture is hidden from screen readers: the same
 * figures are in the table beside it, which they read instead (and anyone can show).
 */
export function BarChart({ bars, max, unit, target, targetLabel }: { bars: Bar[]; max?: number; unit?: '%'; target?: number; targetLabel?: string }) {
  const top = Math.max(max ?? 0, target ?? 0, ...bars.map((b) => b.value ?? 0), 1)
  const rowHeight = 34
  const labelWidth = 200
  const width = 640
  const plot = width - labelWidth - 60
  const height = bars.length * rowHeight + (target !== undefined ? 18 : 4)
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false" preserveAspectRatio="xMinYMin meet">
      {bars.map((bar, i) => {
        const y = i * rowHeight + 4
        const w = bar.value === null ? 0 : Math.max(bar.value > 0 ? 2 : 0, (bar.value / top) * plot)
        return (
          <g key={i}>
            <text x={labelWidth - 8} y={y + 19} textAnchor="end" className="bar-label">
              {bar.label.length > 11 ? `${bar.label.slice(0, 10)}…` : bar.label}
            </text>
            <rect x={labelWidth} y={y} width={w} height={rowHeight - 8} className={bar.flagged ? 'bar flagged' : 'bar'} />
            <text x={labelWidth + w + 6} y={y + 19} className="bar-value">
              {bar.value === null ? '—' : `${bar.value}${unit ?? ''}`}
            </text>
          </g>
        )
      })}
      {target !== undefined ? (
        <g>
          <line x1={labelWidth + (target / top) * plot} x2={labelWidth + (target / top) * plot} y1={0} y2={height - 14} className="target-line" />
          <text x={labelWidth + (target / top) * plot + 4} y={height - 3} className="bar-label">
            {targetLabel}
          </text>
        </g>
      ) : null}
    </svg>
  )
}

/** A chart with its table: the table is always in the page for screen readers and can be shown to anyone. */
export function Figure({ table, bars, unit, target, targetLabel, csvHref }: { table: FigureTable; bars?: Bar[]; unit?: '%'; target?: number; targetLabel?: string; csvHref?: string }) {
  const { t } = useTranslation()
  const { label } = useLabel()
  const [shown, setShown] = useState(!bars)
  const tableId = useId()
  return (
    <figure className="figure" aria-label={label(table.title)}>
      {bars ? <BarChart bars={bars} unit={unit} target={target} targetLabel={targetLabel} max={unit === '%' ? 100 : undefined} /> : null}
      <div className={shown ? 'figure-data' : 'figure-data visually-hidden'}>
        <DataTable table={table} id={tableId} />
      </div>
      <figcaption className="figure-actions no-print">
        {bars ? (
          <button type="button" className="secondary" aria-expanded={shown} aria-controls={tableId} onClick={() => setShown(!shown)}>
            {shown ? t('reports.hideTable') : t('reports.showTable')}
          </button>
        ) : null}
        {csvHref ? (
          <a href={csvHref} download>
            {t('reports.csvOne')}
          </a>
        ) : null}
      </figcaption>
    </figure>
  )
}
