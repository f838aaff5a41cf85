import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlayerTextTrack } from '~/modules/media/types'
import { cuePlainText, currentCueIndex, formatClock, transcriptText, type Cue } from '~/modules/media/webvtt'

/**
 * The captions as a transcript beside the player: the current line is marked, any line seeks the
 * video, a search narrows it down, and it downloads as plain text.
 */
export function Transcript({
  tracks,
  cues,
  language,
  time,
  onSeek,
  title,
}: {
  tracks: PlayerTextTrack[]
  cues: Record<string, Cue[]>
  language: string | null
  time: number
  onSeek: (seconds: number) => void
  title: string
}) {
  const { t } = useTranslation()
  const id = useId()
  const [chosen, setChosen] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const list = useRef<HTMLOListElement>(null)
  const track = tracks.find((tr) => tr.language === (chosen ?? language)) ?? tracks[0]
  const lines = useMemo(() => (track ? (cues[track.id] ?? []) : []), [track, cues])
  const current = currentCueIndex(lines, time)
  const needle = query.trim().toLowerCase()
  const shown = useMemo(() => lines.map((cue, index) => ({ cue, index, text: cuePlainText(cue.text) })).filter((line) => !needle || line.text.toLowerCase().includes(needle)), [lines, needle])
  const downloadHref = useMemo(() => {
    if (typeof URL === 'undefined' || typeof Blob === 'undefined' || lines.length === 0) return null
    return URL.createObjectURL(new Blob([transcriptText(lines)], { type: 'text/plain;charset=utf-8' }))
  }, [lines])
  useEffect(() => () => void (downloadHref && URL.revokeObjectURL(downloadHref)), [downloadHref])

  // Keep the current line in view, unless the viewer is reading elsewhere in the list.
  useEffect(() => {
    const element = list.current?.querySelector<HTMLElement>('[aria-current="true"]')
    if (!element || !list.current || list.current.contains(document.activeElement)) return
    const box = list.current
    const top = element.offsetTop - box.offsetTop
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - element.clientHeight) box.scrollTop = Math.max(0, top - box.clientHeight / 3)
  }, [current])

  return (
    <section className="transcript" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('media.transcript.heading')}</h2>
      {tracks.length === 0 ? (
        <p>{t('media.transcript.none')}</p>
      ) : (
        <>
          <div className="transcript-tools">
            {tracks.length > 1 ? (
              <label>
                {t('media.transcript.language')}
                <select value={track?.language} onChange={(event) => setChosen(event.target.value)}>
                  {tracks.map((tr) => (
                    <option key={tr.id} value={tr.language}>
                      {t(`media.languages.${tr.language}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <label>
              {t('media.transcript.search')}
              <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} aria-describedby={`${id}-count`} />
            </label>
            <p id={`${id}-count`} role="status" className="hint">
              {needle ? (shown.length ? t('media.transcript.matches', { count: shown.length }) : t('media.transcript.noMatches')) : ''}
            </p>
            {downloadHref ? (
              <a href={downloadHref} download={`${title}.txt`}>
                {t('media.transcript.download')}
              </a>
            ) : null}
          </div>
          <ol ref={list} className="transcript-lines" lang={track?.language}>
            {shown.map(({ cue, index, text }) => (
              <li key={index}>
                <button type="button" onClick={() => onSeek(cue.start)} aria-current={index === current ? 'true' : undefined} aria-label={`${t('media.transcript.seekTo', { time: formatClock(cue.start) })}: ${text}`}>
                  <span className="transcript-time" aria-hidden="true">
                    {formatClock(cue.start)}
                  </span>{' '}
                  <span aria-hidden="true">{highlight(text, needle)}</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

function highlight(text: string, needle: string) {
  if (!needle) return text
  const at = text.toLowerCase().indexOf(needle)
  if (at < 0) return text
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  )
}
