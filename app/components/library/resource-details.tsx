import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { OutlineUnit } from '~/modules/library/forms'
import { lessonParts } from '~/modules/library/kinds'
import type { ResourceView } from '~/modules/library/resources.server'

const linesOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : []

/** Text typed one point per line: a list when there are several, a paragraph when there is one. */
export function Lines({ value }: { value: unknown }) {
  const lines = linesOf(value)
  if (lines.length === 0) return null
  if (lines.length === 1) return <p>{lines[0]}</p>
  return (
    <ul>
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  )
}

/** The kind's own fields, in the order a teacher reads them. */
export function ResourceDetails({ resource: r }: { resource: Pick<ResourceView, 'id' | 'kind' | 'details' | 'version'> }) {
  const { t } = useTranslation()
  const d = r.details
  const versionQuery = r.version !== null ? `?version=${r.version}` : ''
  switch (r.kind) {
    case 'lesson':
      return (
        <div className="lesson-parts">
          {lessonParts
            .filter((part) => linesOf(d[part]).length)
            .map((part) => (
              <section key={part} aria-labelledby={`part-${part}`}>
                <h2 id={`part-${part}`}>{t(`library.lessonParts.${part}`)}</h2>
                {part === 'keywords' ? <p>{linesOf(d[part]).join('、')}</p> : <Lines value={d[part]} />}
              </section>
            ))}
        </div>
      )
    case 'autism_strategy':
      return (
        <div className="strategy">
          <dl>
            <dt>{t('library.fields.strategyType')}</dt>
            <dd>{t(`library.strategyTypes.${String(d.strategyType)}`)}</dd>
            <dt>{t('library.fields.targetSkill')}</dt>
            <dd>{String(d.targetSkill ?? '')}</dd>
            <dt>{t('library.fields.dataMeasure')}</dt>
            <dd>{t(`library.dataMeasures.${String(d.dataMeasure ?? 'frequency')}`)}</dd>
          </dl>
          <section aria-labelledby="steps-title">
            <h2 id="steps-title">{t('library.fields.steps')}</h2>
            <ol>
              {linesOf(d.steps).map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          </section>
          {linesOf(d.materials).length ? (
            <section aria-labelledby="materials-title">
              <h2 id="materials-title">{t('library.fields.materials')}</h2>
              <Lines value={d.materials} />
            </section>
          ) : null}
          <section aria-labelledby="supports-title" className="no-print">
            <h2 id="supports-title">{t('library.page.supports')}</h2>
            <ul>
              {(['schedule', 'first-then', 'social-story', 'data-sheet'] as const).map((type) => (
                <li key={type}>
                  <Link to={`/library/${r.id}/supports/${type}${versionQuery}`}>
                    {t(`library.page.${type === 'schedule' ? 'schedule' : type === 'first-then' ? 'firstThen' : type === 'social-story' ? 'socialStory' : 'dataSheet'}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )
    case 'school_course': {
      const units = (d.units as OutlineUnit[] | undefined) ?? []
      return (
        <div className="course">
          <dl>
            {d.hoursPerWeek ? (
              <>
                <dt>{t('library.fields.hoursPerWeek')}</dt>
                <dd>{String(d.hoursPerWeek)}</dd>
              </>
            ) : null}
            {d.audience ? (
              <>
                <dt>{t('library.fields.audience')}</dt>
                <dd>{String(d.audience)}</dd>
              </>
            ) : null}
          </dl>
          <section aria-labelledby="units-title">
            <h2 id="units-title">{t('library.page.units')}</h2>
            <ol className="units">
              {units.map((unit, i) => (
                <li key={i}>
                  <h3>{t('library.page.unitN', { n: i + 1, title: unit.title })}</h3>
                  {unit.summary ? <p>{unit.summary}</p> : null}
                  <ol>
                    {unit.lessons.map((lesson, j) => (
                      <li key={j}>
                        {lesson.resourceId ? <Link to={`/library/${lesson.resourceId}`}>{lesson.title}</Link> : lesson.title}
                        {lesson.summary ? <p className="hint">{lesson.summary}</p> : null}
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          </section>
        </div>
      )
    }
    default: {
      const entries = Object.entries(d).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
      if (!entries.length) return null
      return (
        <dl className="kind-details">
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt>{t(`library.fields.${key}`)}</dt>
              <dd>
                {typeof value === 'boolean'
                  ? value
                    ? t('common.yes')
                    : t('common.no')
                  : key === 'scheme'
                    ? t(`library.fields.schemes.${String(value)}`)
                    : key === 'format'
                      ? t(`library.fields.formats.${String(value)}`)
                      : Array.isArray(value)
                        ? value.join('、')
                        : String(value)}
              </dd>
            </div>
          ))}
        </dl>
      )
    }
  }
}
