import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ResourceView, VariantView } from '~/modules/library/resources.server'
import { RichText } from '../rich-text'
import { Lines } from './resource-details'

/**
 * The variants side by side (the default), or one at a time with a switch between them. The switch
 * is made of links, so it works without JavaScript and a chosen variant can be bookmarked.
 */
export function VariantsView({ resource: r, selected, mode }: { resource: Pick<ResourceView, 'id' | 'variants' | 'version'>; selected: string | null; mode: 'one' | 'side' }) {
  const { t } = useTranslation()
  const current = r.variants.find((v) => v.key === selected) ?? r.variants[0]!
  const version = r.version !== null ? `&version=${r.version}` : ''
  const shown = mode === 'side' ? r.variants : [current]
  return (
    <section aria-labelledby="variants-title" className="variants">
      <h2 id="variants-title">{t('library.variants.title')}</h2>
      <div className="variant-switch no-print">
        <nav aria-label={t('library.variants.switchTo')}>
          <ul>
            {r.variants.map((v) => (
              <li key={v.key}>
                <Link to={`?variant=${v.key}&view=one${version}`} preventScrollReset aria-current={mode === 'one' && v.key === current.key ? 'true' : undefined}>
                  {t(`library.variantNames.${v.key}`)}
                </Link>
              </li>
            ))}
            <li>
              <Link to={`?view=side${version}`} preventScrollReset aria-current={mode === 'side' ? 'true' : undefined}>
                {t('library.variants.sideBySide')}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className={mode === 'side' ? 'variant-columns' : 'variant-single'}>
        {shown.map((v) => (
          <Variant key={v.key} variant={v} resourceId={r.id} version={r.version} />
        ))}
      </div>
    </section>
  )
}

export function Variant({ variant: v, resourceId, version, actions = true }: { variant: VariantView; resourceId: string; version: number | null; actions?: boolean }) {
  const { t } = useTranslation()
  const id = `variant-${v.key}`
  const versionQuery = version !== null ? `&version=${version}` : ''
  return (
    <section aria-labelledby={id} className="variant">
      <h3 id={id}>{t(`library.variantNames.${v.key}`)}</h3>
      {v.objectives.trim() ? (
        <>
          <h4>{t('library.variants.objectives')}</h4>
          <Lines value={v.objectives} />
        </>
      ) : null}
      {v.activities.content.length ? (
        <>
          <h4>{t('library.variants.activities')}</h4>
          <RichText doc={v.activities} />
        </>
      ) : null}
      {v.assessment.trim() ? (
        <>
          <h4>{t('library.variants.assessment')}</h4>
          <Lines value={v.assessment} />
        </>
      ) : null}
      {actions ? (
        <p className="no-print variant-actions">
          <Link to={`/library/${resourceId}/print?variant=${v.key}${versionQuery}`} aria-label={`${t('library.variants.print')}：${t(`library.variantNames.${v.key}`)}`}>
            {t('library.variants.print')}
          </Link>{' '}
          ·{' '}
          <a href={`/library/${resourceId}/variants/${v.key}/download${version !== null ? `?version=${version}` : ''}`} aria-label={`${t('library.variants.download')}：${t(`library.variantNames.${v.key}`)}`}>
            {t('library.variants.download')}
          </a>
        </p>
      ) : null}
    </section>
  )
}
