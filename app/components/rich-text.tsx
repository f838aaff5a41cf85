import { createContext, Fragment, useContext, useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SignTermButton } from '~/components/signs/sign-term-button'
import { safeHref, safeImageSrc, sanitizeDoc, type RichNode } from '~/modules/library/rich-text'
import { annotateSentences, type SentenceMap } from '~/modules/learning/player'
import { cleanSignTermAttrs, signTermMark } from '~/modules/signs/marks'

/** When reading aloud: which sentence each piece of text belongs to, and which one is being read. */
const Reading = createContext<{ map: SentenceMap; current: number | null } | null>(null)

/**
 * Renders stored Tiptap JSON through the allow-list: the document is sanitized again here and each
 * node type maps to one element, so nothing a user typed can become markup or script.
 */
export function RichText({ doc, className, sentences }: { doc: unknown; className?: string; sentences?: { current: number | null } }) {
  const clean = useMemo(() => sanitizeDoc(doc), [doc])
  const map = useMemo(() => (sentences ? annotateSentences(clean) : null), [clean, sentences !== undefined]) // eslint-disable-line react-hooks/exhaustive-deps
  const body = <div className={['rich-text', className].filter(Boolean).join(' ')}>{clean.content.map((node, i) => <Node key={i} node={node} />)}</div>
  return map ? <Reading.Provider value={{ map, current: sentences?.current ?? null }}>{body}</Reading.Provider> : body
}

function Children({ node }: { node: RichNode }) {
  return <>{(node.content ?? []).map((child, i) => <Node key={i} node={child} />)}</>
}

function Node({ node }: { node: RichNode }): ReactNode {
  const { t } = useTranslation()
  switch (node.type) {
    case 'text':
      return <Marked node={node} />
    case 'hardBreak':
      return <br />
    case 'paragraph':
      return (
        <p>
          <Children node={node} />
        </p>
      )
    case 'heading': {
      const level = Number(node.attrs?.level ?? 3)
      const Tag = (level === 2 ? 'h3' : level === 3 ? 'h4' : 'h5') as 'h3'
      return (
        <Tag>
          <Children node={node} />
        </Tag>
      )
    }
    case 'bulletList':
      return (
        <ul>
          <Children node={node} />
        </ul>
      )
    case 'orderedList':
      return (
        <ol start={Number(node.attrs?.start ?? 1)}>
          <Children node={node} />
        </ol>
      )
    case 'listItem':
      return (
        <li>
          <Children node={node} />
        </li>
      )
    case 'blockquote':
      return (
        <blockquote>
          <Children node={node} />
        </blockquote>
      )
    case 'codeBlock':
      return (
        <pre>
          <code>
            <Children node={node} />
          </code>
        </pre>
      )
    case 'horizontalRule':
      return <hr />
    case 'image': {
      const src = safeImageSrc(node.attrs?.src)
      return src ? <img src={src} alt={String(node.attrs?.alt ?? '')} loading="lazy" /> : null
    }
    case 'callout': {
      const kind = String(node.attrs?.kind ?? 'adaptation') as 'adaptation'
      return (
        <aside className={`callout callout-${kind}`} aria-label={t(`library.callouts.${kind}`)}>
          <p className="callout-label">{t(`library.callouts.${kind}`)}</p>
          <Children node={node} />
        </aside>
      )
    }
    case 'table': {
      const rows = node.content ?? []
      const headerRows = rows.filter((row) => row.content?.every((cell) => cell.type === 'tableHeader'))
      const bodyRows = rows.filter((row) => !headerRows.includes(row))
      return (
        <div className="table-wrap">
          <table>
            {headerRows.length ? (
              <thead>
                {headerRows.map((row, i) => (
                  <Node key={i} node={row} />
                ))}
              </thead>
            ) : null}
            <tbody>
              {bodyRows.map((row, i) => (
                <Node key={i} node={row} />
              ))}
            </tbody>
          </table>
        </div>
      )
    }
    case 'tableRow':
      return (
        <tr>
          <Children node={node} />
        </tr>
      )
    case 'tableHeader':
    case 'tableCell': {
      const Cell = node.type === 'tableHeader' ? 'th' : 'td'
      const colSpan = Number(node.attrs?.colspan ?? 1)
      const rowSpan = Number(node.attrs?.rowspan ?? 1)
      return (
        <Cell colSpan={colSpan > 1 ? colSpan : undefined} rowSpan={rowSpan > 1 ? rowSpan : undefined} scope={node.type === 'tableHeader' ? 'col' : undefined}>
          <Children node={node} />
        </Cell>
      )
    }
    default:
      return null
  }
}

function Marked({ node }: { node: RichNode }) {
  const reading = useContext(Reading)
  const pieces = reading?.map.pieces.get(node)
  if (reading && pieces) {
    // Read-aloud: each piece carries its sentence, so the one being read can be marked.
    return (
      <>
        {pieces.map((piece, i) => (
          <span
            key={i}
            className={['sentence', piece.start ? 'sentence-start' : null, reading.current === piece.sentence ? 'sentence-current' : null].filter(Boolean).join(' ')}
            data-sentence={piece.sentence}
          >
            <MarkedText node={{ ...node, text: piece.text }} />
          </span>
        ))}
      </>
    )
  }
  return <MarkedText node={node} />
}

function MarkedText({ node }: { node: RichNode }) {
  let out: ReactNode = node.text ?? ''
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>
    else if (mark.type === 'italic') out = <em>{out}</em>
    else if (mark.type === 'underline') out = <u>{out}</u>
    else if (mark.type === 'strike') out = <s>{out}</s>
    else if (mark.type === 'code') out = <code>{out}</code>
    else if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href)
      if (href) out = <a href={href} rel="noopener noreferrer nofollow">{out}</a>
    }
  }
  const sign = node.marks?.find((mark) => mark.type === signTermMark)
  const termId = sign ? cleanSignTermAttrs(sign.attrs)?.termId : undefined
  if (termId) {
    // A button inside a link is not allowed: a linked word keeps its link, its sign comes right after.
    const linked = node.marks?.some((mark) => mark.type === 'link' && safeHref(mark.attrs?.href))
    return linked ? (
      <>
        {out}
        <SignTermButton termId={termId} label={node.text ?? ''}>
          {'🤟'}
        </SignTermButton>
      </>
    ) : (
      <SignTermButton termId={termId} label={node.text ?? ''}>
        {out}
      </SignTermButton>
    )
  }
  return <Fragment>{out}</Fragment>
}
