import { useTranslation } from 'react-i18next'
import type { RoundSummary } from '~/modules/research/studies/rubric'

/** A round's rubric summary as a table: mean, how many scored, range and the change since the round before, in words. */
export function RubricSummaryTable({ summary, round }: { summary: RoundSummary; round: number }) {
  const { t, i18n } = useTranslation()
  const number = (value: number | null) => (value === null ? t('studies.summary.none') : value.toLocaleString(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }))
  const change = (value: number | null) =>
    value === null ? t('studies.summary.none') : value > 0 ? t('studies.summary.up', { value: number(value) }) : value < 0 ? t('studies.summary.down', { value: number(-value) }) : t('studies.summary.same')
  if (summary.observers === 0) return <p>{t('studies.summary.noScores')}</p>
  return (
    <div className="table-scroll">
      <table className="rubric-summary">
        <caption>{t('studies.summary.caption', { number: round })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('studies.summary.dimension')}</th>
            <th scope="col">{t('studies.summary.mean')}</th>
            <th scope="col">{t('studies.summary.count')}</th>
            <th scope="col">{t('studies.summary.range')}</th>
            <th scope="col">{t('studies.summary.change')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.dimensions.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.label}</th>
              <td>{number(d.mean)}</td>
              <td>{d.count}</td>
              <td>{d.min === null ? t('studies.summary.none') : `${d.min}–${d.max}`}</td>
              <td>{change(d.change)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('studies.summary.overall')}</th>
            <td>{number(summary.overall.mean)}</td>
            <td colSpan={2}>{t('studies.summary.observers', { count: summary.observers })}</td>
            <td>{change(summary.overall.change)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
