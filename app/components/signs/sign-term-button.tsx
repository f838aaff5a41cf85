import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { mediaLinks } from '~/components/media/styles'
import type { SignTermView, SignVideo } from '~/modules/signs/terms.server'
import type { Message } from '~/platform/errors'
import { SignTermDetails } from './term-view'

/** The player's stylesheet, for pages that embed rich text without having added it to their links. */
const playerStylesheets = mediaLinks.flatMap((link) => ('href' in link && typeof link.href === 'string' ? [link.href] : []))

type Card = { state: 'loading' } | { state: 'ready'; term: SignTermView; video: SignVideo } | { state: 'failed'; message: Message }

/**
 * A word of lesson text marked with a glossary term: a button that opens the term's sign video and
 * description in a modal dialog. The dialog is native (`showModal`): focus moves into it, the page
 * behind is inert, Escape closes it, and focus returns to the word.
 */
export function SignTermButton({ termId, label, children }: { termId: string; label: string; children: ReactNode }) {
  const { t } = useTranslation()
  const id = useId()
  const button = useRef<HTMLButtonElement>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  const [card, setCard] = useState<Card>({ state: 'loading' })

  useEffect(() => {
    if (!open) return
    if (dialog.current && !dialog.current.open) dialog.current.showModal()
    if (card.state === 'ready') return
    const controller = new AbortController()
    setCard({ state: 'loading' })
    fetch(`/signs/${termId}/card`, { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then(async (response) => {
        const body = await response.json()
        setCard(response.ok ? { state: 'ready', term: body.term, video: body.video } : { state: 'failed', message: response.status === 404 ? { key: 'signs.mark.gone' } : body.message })
      })
      .catch((error) => {
        if (!controller.signal.aborted) setCard({ state: 'failed', message: { key: 'errors.server', params: { reason: String(error) } } })
      })
    return () => controller.abort()
    // The card is fetched once per opening; keeping it across openings is deliberate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, termId])

  const title = card.state === 'ready' ? card.term.word : label
  return (
    <>
      <button ref={button} type="button" className="sign-term-mark" aria-haspopup="dialog" aria-label={t('signs.mark.openSign', { word: label })} onClick={() => setOpen(true)}>
        {children}
      </button>
      {open
        ? createPortal(
            <dialog
              ref={dialog}
              className="sign-dialog"
              aria-labelledby={`${id}-title`}
              onClose={() => {
                setOpen(false)
                button.current?.focus()
              }}
            >
              {playerStylesheets.map((href) => (
                <link key={href} rel="stylesheet" href={href} />
              ))}
              <div className="sign-dialog-head">
                <h2 id={`${id}-title`} lang="zh-CN">
                  {t('signs.mark.openSign', { word: title })}
                </h2>
                <button type="button" className="sign-dialog-close" onClick={() => dialog.current?.close()} autoFocus>
                  {t('signs.mark.close')}
                </button>
              </div>
              <div aria-live="polite">
                {card.state === 'loading' ? <p>{t('signs.mark.loading')}</p> : null}
                {card.state === 'failed' ? <p role="alert">{t(card.message.key, card.message.params)}</p> : null}
                {card.state === 'ready' ? (
                  <>
                    {card.term.pinyin ? <p className="sign-pinyin">{card.term.pinyin}</p> : null}
                    <SignTermDetails term={card.term} video={card.video} headingLevel={3} />
                    <p>
                      <a href={`/signs/${card.term.id}`}>{t('signs.mark.more')}</a>
                    </p>
                  </>
                ) : null}
              </div>
            </dialog>,
            document.body,
          )
        : null}
    </>
  )
}
