import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ResourceCard as Card } from '~/modules/library/resources.server'

export function ResourceCards({ items, showStatus = false }: { items: Card[]; showStatus?: boolean }) {
  return (
    <ul className="cards resource-cards">
      {items.map((item) => (
        <li key={item.id} className="card resource-card">
          <ResourceCard item={item} showStatus={showStatus} />
        </li>
      ))}
    </ul>
  )
}

function ResourceCard({ item, showStatus }: { item: Card; showStatus: boolean }) {
  const { t, i18n } = useTranslation()
  return (
    <article aria-labelledby={`card-${item.id}`}>
      {item.thumbnailFileId ? <img className="card-thumbnail" src={`/library/files/${item.thumbnailFileId}/thumbnail`} alt="" loading="lazy" width={320} height={180} /> : null}
      <p className="card-kind">
        {t(`library.kinds.${item.kind}`)}
        {item.exemplary ? <span className="exemplary-badge">{t('library.exemplary')}</span> : null}
      </p>
      <h2 id={`card-${item.id}`} className="card-title">
        <Link to={`/library/${item.id}`}>{item.title}</Link>
      </h2>
      <p className="card-placement">
        {[t(`library.schoolTypes.${item.schoolType}`), t(`library.subjects.${item.subject}`), t(`stages.${item.stage}`), item.grade ? t('library.gradeN', { grade: item.grade }) : null].filter(Boolean).join(' · ')}
      </p>
      {showStatus ? (
        <p className="card-status">
          <span className={`status status-${item.status}`}>{t(`library.statuses.${item.status}`)}</span>
          {item.status === 'submitted' && item.reviewLevel ? ` · ${t(`library.statusAt.${item.reviewLevel}`)}` : null}
        </p>
      ) : null}
      {showStatus && item.reviewComments ? (
        <p className="card-review">
          <strong>{t('library.page.reviewsLabel')}</strong>
          {item.reviewComments}
        </p>
      ) : null}
      {item.summary ? <p className="card-summary">{item.summary}</p> : null}
      {item.disabilityCategories.length ? (
        <ul className="tags" aria-label={t('library.fields.categories')}>
          {item.disabilityCategories.map((c) => (
            <li key={c}>{t(`library.categories.${c}`)}</li>
          ))}
        </ul>
      ) : null}
      <p className="card-meta">
        {t('library.byline', { author: item.author, updated: new Date(item.updatedAt).toLocaleDateString(i18n.language) })} · {t('library.views', { count: item.views })} ·{' '}
        {item.averageRating !== null ? t('library.ratingSummary', { average: item.averageRating, count: item.ratings }) : t('library.noRatingsYet')}
      </p>
    </article>
  )
}
