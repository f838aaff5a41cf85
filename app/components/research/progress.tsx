import { useTranslation } from 'react-i18next'
import type { TopicProgress } from '~/modules/research/semester'
import { lastDayOf } from '~/modules/research/semester'

/** This term's 专题教研 against the plan's target, in words and as a meter. */
export function TopicProgressPanel({ progress }: { progress: TopicProgress }) {
  const { t } = useTranslation()
  const { semester, held, planned, target, met } = progress
  return (
    <section aria-labelledby="progress-title" className={`research-progress ${met ? 'met' : 'not-met'}`}>
      <h2 id="progress-title">{t('research.progress.title')}</h2>
      <p>
        {t(`research.progress.${semester.term}`, { from: semester.schoolYear, to: semester.schoolYear + 1, start: semester.start, end: lastDayOf(semester) })}
      </p>
      <p className="progress-count">
        <meter min={0} max={target} value={Math.min(held, target)} aria-label={t('research.progress.meter', { held, target })} /> {t('research.progress.count', { held, planned, target })}
      </p>
      <p className="progress-verdict">
        <strong>{met ? t('research.progress.met') : t('research.progress.notMet', { count: target - held })}</strong>
      </p>
    </section>
  )
}
