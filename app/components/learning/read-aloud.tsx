import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { chooseVoice } from '~/modules/learning/player'

export type ReadAloudStatus = 'idle' | 'speaking' | 'paused' | 'unsupported' | 'noVoice'

const speech = () => (typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null)

/** The browser's voices; some browsers fill the list only after `voiceschanged`, so wait a moment for it. */
async function loadVoices(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices()
  if (now.length) return now
  return new Promise((resolve) => {
    const done = () => {
      synth.removeEventListener?.('voiceschanged', done)
      clearTimeout(timer)
      resolve(synth.getVoices())
    }
    const timer = setTimeout(done, 1500)
    synth.addEventListener?.('voiceschanged', done)
  })
}

/**
 * Reads sentences aloud with the Web Speech API in the page's language (a zh-CN voice for Chinese),
 * one utterance per sentence so the page can mark the sentence being read. Says so when the device
 * has no voice for the language, instead of staying silent.
 */
export function useReadAloud({ sentences, locale, rate }: { sentences: string[]; locale: string; rate: number }) {
  const [status, setStatus] = useState<ReadAloudStatus>('idle')
  const [current, setCurrent] = useState<number | null>(null)
  // Cancelling fires the old utterance's end event: a generation number tells stale events apart.
  const generation = useRef(0)

  const stop = useCallback(() => {
    generation.current++
    speech()?.cancel()
    setCurrent(null)
    setStatus((s) => (s === 'speaking' || s === 'paused' ? 'idle' : s))
  }, [])

  useEffect(() => () => {
    generation.current++
    speech()?.cancel()
  }, [])

  const start = useCallback(
    async (from = 0) => {
      const synth = speech()
      if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return setStatus('unsupported')
      const voice = chooseVoice(await loadVoices(synth), locale)
      if (!voice) return setStatus('noVoice')
      const run = ++generation.current
      synth.cancel()
      const speak = (index: number) => {
        if (run !== generation.current) return
        if (index >= sentences.length) {
          setCurrent(null)
          setStatus('idle')
          return
        }
        const utterance = new SpeechSynthesisUtterance(sentences[index])
        utterance.voice = voice
        utterance.lang = voice.lang
        utterance.rate = rate
        utterance.onend = () => speak(index + 1)
        utterance.onerror = (event) => {
          if (run !== generation.current) return
          if (event.error === 'interrupted' || event.error === 'canceled') return
          speak(index + 1)
        }
        setCurrent(index)
        synth.speak(utterance)
      }
      setStatus('speaking')
      speak(from)
    },
    [sentences, locale, rate],
  )

  const pause = useCallback(() => {
    speech()?.pause()
    setStatus('paused')
  }, [])
  const resume = useCallback(() => {
    speech()?.resume()
    setStatus('speaking')
  }, [])

  /** One text on its own (an exercise's question), without touching the sentence marker. */
  const speakOnce = useCallback(
    async (text: string) => {
      const synth = speech()
      if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return setStatus('unsupported')
      const voice = chooseVoice(await loadVoices(synth), locale)
      if (!voice) return setStatus('noVoice')
      generation.current++
      setCurrent(null)
      synth.cancel()
      const utterance = new SpeechSynthesisUtterance(text)
      utterance.voice = voice
      utterance.lang = voice.lang
      utterance.rate = rate
      synth.speak(utterance)
      setStatus('idle')
    },
    [locale, rate],
  )

  return { status, current, start, stop, pause, resume, speakOnce }
}

export type ReadAloud = ReturnType<typeof useReadAloud>

/** Start / pause / resume / stop, the position, and a clear message when reading aloud cannot work. */
export function ReadAloudControls({ reader, total, locale }: { reader: ReadAloud; total: number; locale: string }) {
  const { t } = useTranslation()
  const language = t(`learning.player.languages.${locale === 'en' ? 'en' : 'zh-CN'}`)
  return (
    <div className="read-aloud" role="group" aria-label={t('learning.player.readAloudTools')}>
      <div className="big-buttons">
        {reader.status === 'speaking' ? (
          <button type="button" onClick={reader.pause}>
            {t('learning.player.pause')}
          </button>
        ) : reader.status === 'paused' ? (
          <button type="button" onClick={reader.resume}>
            {t('learning.player.resume')}
          </button>
        ) : (
          <button type="button" onClick={() => void reader.start(0)} disabled={total === 0}>
            {t('learning.player.start')}
          </button>
        )}
        {reader.status === 'speaking' || reader.status === 'paused' ? (
          <button type="button" className="secondary" onClick={reader.stop}>
            {t('learning.player.stop')}
          </button>
        ) : null}
      </div>
      {reader.current !== null ? <p className="reading-position">{t('learning.player.reading', { n: reader.current + 1, total })}</p> : null}
      {reader.status === 'noVoice' ? (
        <p role="alert" className="notice notice-error">
          {t('learning.player.noVoice', { language })}
        </p>
      ) : null}
      {reader.status === 'unsupported' ? (
        <p role="alert" className="notice notice-error">
          {t('learning.player.noSpeech')}
        </p>
      ) : null}
    </div>
  )
}
