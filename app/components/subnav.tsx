import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export interface SubnavSection {
  to: string
  /** The i18n key of its name. */
  key: string
  current: boolean
  /** Left out when false (a section the reader may not use). */
  show?: boolean
}

/**
 * An area's own navigation under the header, the current page marked for screen readers. `plain`
 * links load whole pages (for pages also opened from the offline cache, where client navigation has
 * no server); areas not worth printing hide it on paper.
 */
export function Subnav({ label, sections, plain = false, print = false }: { label: string; sections: SubnavSection[]; plain?: boolean; print?: boolean }) {
  const { t } = useTranslation()
  return (
    <nav className={print ? 'subnav' : 'subnav no-print'} aria-label={label}>
      <ul>
        {sections
          .filter((s) => s.show !== false)
          .map((s) => (
            <li key={s.to}>
              {plain ? (
                <a href={s.to} aria-current={s.current ? 'page' : undefined}>
                  {t(s.key)}
                </a>
              ) : (
                <Link to={s.to} aria-current={s.current ? 'page' : undefined}>
                  {t(s.key)}
                </Link>
              )}
            </li>
          ))}
      </ul>
    </nav>
  )
}
