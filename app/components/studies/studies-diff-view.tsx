import { useTranslation } from 'react-i18next'
import type { PlanDiff, Segment } from '~/modules/research/studies/plan-diff'

/**
 * A plan comparison as a reader sees it: every block labelled in words (added, removed, changed, and
 * what kind of block), and inside a changed block the words in <ins>/<del> with hidden "added:" /
 * "removed:" labels for screen readers, underlined and struck through so nothing depends on colour.
 */
export function PlanDiffView({ diff, showUnchanged = true }: { diff: PlanDiff; showUnchanged?: boolean }) {
  const { t } = useTranslation()
  const total = diff.counts.added + diff.counts.removed + diff.counts.changed
  return (
    <div className="plan-diff">
      <p>{total === 0 ? t('studies.diff.noChanges') : t('studies.diff.counts', diff.counts)}</p>
      <ol className="plan-diff-blocks">
        {diff.blocks
          .filter((block) => showUnchanged || block.change !== 'same')
          .map((block, i) => (
            <li key={i} className={`plan-diff-block plan-diff-${block.change}`} data-change={block.change}>
              <span className="plan-diff-label">
                {block.change === 'same' ? t(`studies.diff.blockKinds.${block.kind}`) : `${t(`studies.diff.${block.change}`)} · ${t(`studies.diff.blockKinds.${block.kind}`)}`}
              </span>
              <span className={`plan-diff-text plan-diff-kind-${block.kind}`}>
                {block.segments.map((segment, j) => (
                  <SegmentView key={j} segment={segment} whole={block.change === 'added' || block.change === 'removed'} />
                ))}
              </span>
            </li>
          ))}
      </ol>
    </div>
  )
}

function SegmentView({ segment, whole }: { segment: Segment; whole: boolean }) {
  const { t } = useTranslation()
  if (segment.op === 'same') return <>{segment.text}</>
  const Tag = segment.op
  // A whole added or removed block already says so in its label; words inside a changed block say it themselves.
  return (
    <Tag>
      {whole ? null : <span className="visually-hidden">{t(`studies.diff.${segment.op}`)}</span>}
      {segment.text}
      {whole ? null : <span className="visually-hidden">{t(`studies.diff.${segment.op}End`)}</span>}
    </Tag>
  )
}
