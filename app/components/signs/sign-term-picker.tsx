import type { Editor } from '@tiptap/react'
import { useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { SignTermSummary } from '~/modules/signs/terms.server'
import { signTermMark } from '~/modules/signs/marks'

/**
 * The toolbar's "sign word" button: on selected text it opens a dialog to find the glossary term
 * (searched by the selected words at first) and marks the text with it; on marked text it offers to
 * remove the mark. The dialog is modal and native, so Escape closes it and focus returns to the text.
 */
export function SignTermPicker({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [terms, setTerms] = useState<SignTermSummary[] | null>(null)
  const [hint, setHint] = useState<string | null>(null)
  const marked = editor.isActive(signTermMark)

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal()
  }, [open])

  useEffect(() => {
    if (!open) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`/signs/search?q=${encodeURIComponent(query)}`, { signal: controller.signal })
        .then((response) => (response.ok ? response.json() : { terms: [] }))
        .then((body: { terms: SignTermSummary[] }) => setTerms(body.terms))
        .catch(() => undefined)
    }, 150)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [open, query])

  function start() {
    if (marked) {
      editor.chain().focus().extendMarkRange(signTermMark).unsetMark(signTermMark).run()
      return
    }
    const { from, to, empty } = editor.state.selection
    if (empty) {
      setHint(t('signs.mark.noSelection'))
      return
    }
    setHint(null)
    setQuery(editor.state.doc.textBetween(from, to, ' ').trim())
    setTerms(null)
    setOpen(true)
  }

  function choose(term: SignTermSummary) {
    dialog.current?.close()
    editor.chain().focus().setMark(signTermMark, { termId: term.id }).run()
  }

  return (
    <>
      <button type="button" className="tool" aria-pressed={marked} onClick={start}>
        {marked ? t('signs.mark.remove') : t('signs.mark.button')}
      </button>
      {hint ? (
        <span role="status" className="tool-hint">
          {hint}
        </span>
      ) : null}
      {open
        ? createPortal(
            <dialog
              ref={dialog}
              className="sign-dialog"
              aria-labelledby={`${id}-title`}
              aria-describedby={`${id}-intro`}
              onClose={() => {
                setOpen(false)
                editor.commands.focus()
              }}
            >
              <h2 id={`${id}-title`}>{t('signs.mark.dialogTitle')}</h2>
              <p id={`${id}-intro`}>{t('signs.mark.dialogIntro')}</p>
              <label htmlFor={`${id}-query`}>{t('signs.mark.query')}</label>
              <input id={`${id}-query`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoFocus />
              <div aria-live="polite">
                {terms === null ? (
                  <p>{t('signs.mark.loading')}</p>
                ) : terms.length === 0 ? (
                  <p>{t('signs.mark.none')}</p>
                ) : (
                  <ul className="sign-picker-results">
                    {terms.map((term) => (
                      <li key={term.id}>
                        <button type="button" onClick={() => choose(term)}>
                          {t('signs.mark.choose', { word: term.word })}
                        </button>{' '}
                        <span>
                          {term.pinyin} · {t(`signs.categories.${term.category}`)}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <button type="button" onClick={() => dialog.current?.close()}>
                {t('signs.mark.cancel')}
              </button>
            </dialog>,
            document.body,
          )
        : null}
    </>
  )
}
