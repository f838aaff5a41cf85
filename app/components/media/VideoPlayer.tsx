import { useCallback, useEffect, useId, useRef, useState, type CSSProperties, type MutableRefObject, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type HlsType from 'hls.js'
import { formatBytes } from '~/modules/media/transfer'
import {
  captionBackgrounds,
  captionColors,
  captionSizes,
  commandForKey,
  defaultPreferences,
  followerCorrection,
  nextRate,
  playbackRates,
  readPreferences,
  repeatJump,
  setRepeatPoint,
  signLayouts,
  type PlayerPreferences,
  type RepeatRange,
  type SignLayout,
} from '~/modules/media/playback'
import type { PlayerSource, PlayerTextTrack } from '~/modules/media/types'
import { activeCues, cuePlainText, formatClock, parseWebVtt, type Cue } from '~/modules/media/webvtt'
import { Transcript } from './Transcript'

const preferencesKey = 'tongxing.player'

/** How a player starts when the page decides for the viewer (a student's learner preferences) instead of this browser's last choice. */
export interface InitialPlayerSettings {
  /** A caption language to show, or null for captions off. */
  captionLanguage: string | null
  signLayout: SignLayout
  audioDescription: boolean
}

/**
 * The accessible player: hls.js (or native HLS) loaded only when a video is on the page; keyboard
 * control; captions drawn by us so their size, colour and background follow the viewer's choice;
 * chapters; A–B repeat; a sign-language window in step with the video; audio description as a second
 * track or as text read aloud; and an interactive transcript beside it. Nothing plays until asked.
 */
/** What a page around the player may do with it: seek (e.g. from a time-coded note) and read the position. */
export interface PlayerHandle {
  seek(seconds: number): void
  currentTime(): number
}

export function VideoPlayer({ source, transcript = true, handle, initial }: { source: PlayerSource; transcript?: boolean; handle?: MutableRefObject<PlayerHandle | null>; initial?: InitialPlayerSettings }) {
  const { t } = useTranslation()
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const stage = useRef<HTMLDivElement>(null)
  const video = useRef<HTMLVideoElement>(null)
  const sign = useRef<HTMLVideoElement>(null)
  const describedAudio = useRef<HTMLAudioElement>(null)
  const [prefs, setPrefs] = useState<PlayerPreferences>(defaultPreferences)
  const [loaded, setLoaded] = useState(false)
  const [playing, setPlaying] = useState(false)
  const [time, setTime] = useState(0)
  const [duration, setDuration] = useState(source.durationMs / 1000)
  const [muted, setMuted] = useState(false)
  const [fullscreen, setFullscreen] = useState(false)
  const [failed, setFailed] = useState(false)
  const [repeat, setRepeat] = useState<RepeatRange>({ a: null, b: null })
  const [levels, setLevels] = useState<{ index: number; height: number }[]>([])
  const [quality, setQuality] = useState<string>('auto')
  const [descriptionTrack, setDescriptionTrack] = useState<string>('off')
  const [announcement, setAnnouncement] = useState('')
  const cues = useTrackCues(source.textTracks)
  const storyboard = useStoryboard(source.storyboard)
  const [preview, setPreview] = useState<{ time: number; left: number } | null>(null)
  const hls = useRef<HlsType | null>(null)

  // Preferences are the viewer's, kept in this browser.
  useEffect(() => {
    const saved = readPreferences(localStorage.getItem(preferencesKey))
    if (!initial) return setPrefs(saved)
    // A student's learner preferences decide how their lesson videos start (docs/decisions/009).
    setPrefs({ ...saved, captionLanguage: initial.captionLanguage, signLayout: initial.signLayout, speakDescriptions: initial.audioDescription && source.audioDescriptions.length === 0 })
    if (initial.audioDescription && source.audioDescriptions[0]) setDescriptionTrack(source.audioDescriptions[0].id)
  }, []) // eslint-disable-line react-hooks/exhaustive-deps
  const updatePrefs = useCallback((change: Partial<PlayerPreferences>) => {
    setPrefs((previous) => {
      const next = { ...previous, ...change }
      try {
        localStorage.setItem(preferencesKey, JSON.stringify(next))
      } catch {}
      return next
    })
  }, [])

  const captionTracks = source.textTracks.filter((track) => track.kind === 'captions')
  const captionTrack = captionTracks.find((track) => track.language === prefs.captionLanguage) ?? null
  const chapterTrack = source.textTracks.find((track) => track.kind === 'chapters' && track.language === (prefs.captionLanguage ?? 'zh-CN')) ?? source.textTracks.find((track) => track.kind === 'chapters')
  const descriptionTextTrack = source.textTracks.find((track) => track.kind === 'descriptions' && track.language === (prefs.captionLanguage ?? 'zh-CN')) ?? source.textTracks.find((track) => track.kind === 'descriptions')
  const chapters = chapterTrack ? (cues[chapterTrack.id] ?? []) : []
  const shownCaptions = captionTrack ? activeCues(cues[captionTrack.id] ?? [], time) : []
  const audioOnly = quality === 'audio'
  const signLayout: SignLayout = source.sign && !audioOnly ? prefs.signLayout : 'off'

  // The stream: hls.js where MSE exists, the browser's own HLS otherwise (Safari, iOS).
  const mainSrc = audioOnly && source.audioOnlySrc ? source.audioOnlySrc : source.src
  useEffect(() => {
    const element = video.current
    if (!element) return
    let cancelled = false
    const resumeAt = element.currentTime
    const wasPlaying = !element.paused
    setFailed(false)
    const destroy = attachStream(element, mainSrc, {
      onLevels: (found) => !cancelled && setLevels(found),
      onFatal: () => !cancelled && setFailed(true),
      onInstance: (instance) => (hls.current = instance),
    })
    const restore = () => {
      if (resumeAt > 0) element.currentTime = resumeAt
      if (wasPlaying) void element.play().catch(() => {})
    }
    element.addEventListener('loadedmetadata', restore, { once: true })
    return () => {
      cancelled = true
      element.removeEventListener('loadedmetadata', restore)
      hls.current = null
      void destroy.then((stop) => stop())
    }
  }, [mainSrc])

  useEffect(() => {
    if (signLayout === 'off' || !sign.current || !source.sign) return
    const destroy = attachStream(sign.current, source.sign.src, {})
    return () => void destroy.then((stop) => stop())
  }, [signLayout, source.sign])

  const describedSrc = source.audioDescriptions.find((d) => d.id === descriptionTrack)?.src ?? null
  useEffect(() => {
    if (!describedSrc || !describedAudio.current) return
    const destroy = attachStream(describedAudio.current, describedSrc, {})
    return () => void destroy.then((stop) => stop())
  }, [describedSrc])

  // Rate, volume and which audio is heard follow the preferences.
  useEffect(() => {
    const element = video.current
    if (!element) return
    element.playbackRate = prefs.rate
    element.volume = prefs.volume
    element.muted = muted || Boolean(describedSrc)
    if (describedAudio.current) {
      describedAudio.current.volume = prefs.volume
      describedAudio.current.muted = muted
    }
  }, [prefs.rate, prefs.volume, muted, describedSrc, loaded])

  // Followers (sign video, described audio) stay within a third of a second of the main video.
  useEffect(() => {
    const main = video.current
    if (!main) return
    const followers = () => [signLayout !== 'off' ? sign.current : null, describedSrc ? describedAudio.current : null].filter((f): f is HTMLMediaElement => Boolean(f))
    const sync = () => {
      for (const follower of followers()) {
        const fix = followerCorrection({ time: main.currentTime, paused: main.paused, rate: main.playbackRate }, { time: follower.currentTime, duration: follower.duration })
        if (fix.seekTo !== null) follower.currentTime = fix.seekTo
        follower.playbackRate = fix.rate
        if (fix.play && follower.paused) void follower.play().catch(() => {})
        if (!fix.play && !follower.paused) follower.pause()
      }
    }
    const events = ['play', 'pause', 'seeked', 'ratechange', 'waiting', 'playing'] as const
    for (const name of events) main.addEventListener(name, sync)
    const timer = window.setInterval(sync, 1000)
    sync()
    return () => {
      for (const name of events) main.removeEventListener(name, sync)
      window.clearInterval(timer)
    }
  }, [signLayout, describedSrc])

  // Media element state into React.
  useEffect(() => {
    const element = video.current
    if (!element) return
    const onTime = () => setTime(element.currentTime)
    const onDuration = () => Number.isFinite(element.duration) && element.duration > 0 && setDuration(element.duration)
    const onPlay = () => setPlaying(true)
    const onPause = () => setPlaying(false)
    const onLoaded = () => setLoaded(true)
    element.addEventListener('timeupdate', onTime)
    element.addEventListener('seeked', onTime)
    element.addEventListener('durationchange', onDuration)
    element.addEventListener('play', onPlay)
    element.addEventListener('pause', onPause)
    element.addEventListener('loadedmetadata', onLoaded)
    return () => {
      element.removeEventListener('timeupdate', onTime)
      element.removeEventListener('seeked', onTime)
      element.removeEventListener('durationchange', onDuration)
      element.removeEventListener('play', onPlay)
      element.removeEventListener('pause', onPause)
      element.removeEventListener('loadedmetadata', onLoaded)
    }
  }, [])

  // A–B repeat checks often while playing (timeupdate alone overshoots by up to a quarter second).
  useEffect(() => {
    if (repeat.a === null || repeat.b === null || !playing) return
    const timer = window.setInterval(() => {
      const element = video.current
      if (!element) return
      const jump = repeatJump(repeat, element.currentTime)
      if (jump !== null) element.currentTime = jump
    }, 100)
    return () => window.clearInterval(timer)
  }, [repeat, playing])

  useSpokenDescriptions(prefs.speakDescriptions && descriptionTextTrack ? (cues[descriptionTextTrack.id] ?? null) : null, descriptionTextTrack?.language ?? 'zh-CN', video)

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === root.current)
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [])

  const seekTo = useCallback((seconds: number) => {
    const element = video.current
    if (!element) return
    element.currentTime = Math.max(0, Math.min(seconds, Number.isFinite(element.duration) ? element.duration : seconds))
    setTime(element.currentTime)
  }, [])

  useEffect(() => {
    if (!handle) return
    handle.current = { seek: seekTo, currentTime: () => video.current?.currentTime ?? 0 }
    return () => {
      handle.current = null
    }
  }, [handle, seekTo])

  const toggle = useCallback(() => {
    const element = video.current
    if (!element) return
    if (element.paused) void element.play().catch(() => setFailed(true))
    else element.pause()
  }, [])

  const run = (command: NonNullable<ReturnType<typeof commandForKey>>) => {
    const element = video.current
    if (!element) return
    switch (command.type) {
      case 'toggle':
        return toggle()
      case 'seekBy':
        return seekTo(element.currentTime + command.seconds)
      case 'volumeBy': {
        const volume = Math.round(Math.min(1, Math.max(0, prefs.volume + command.delta)) * 10) / 10
        updatePrefs({ volume })
        setAnnouncement(`${t('media.player.volume')} ${Math.round(volume * 100)}%`)
        return
      }
      case 'mute':
        return setMuted((m) => !m)
      case 'captions': {
        const next = captionTrack ? null : (captionTracks[0]?.language ?? null)
        updatePrefs({ captionLanguage: next })
        setAnnouncement(`${t('media.player.captions')}: ${next ? t(`media.languages.${next}`) : t('media.player.captionsOff')}`)
        return
      }
      case 'fullscreen':
        return void toggleFullscreen()
      case 'rate': {
        const rate = nextRate(prefs.rate, command.direction)
        updatePrefs({ rate })
        setAnnouncement(`${t('media.player.speed')} ${rate}×`)
        return
      }
      case 'repeat':
        return markRepeat(command.point)
      case 'clearRepeat':
        setRepeat({ a: null, b: null })
        setAnnouncement(t('media.player.clearRepeat'))
        return
    }
  }

  function markRepeat(point: 'a' | 'b') {
    const now = video.current?.currentTime ?? 0
    const next = setRepeatPoint(repeat, point, now)
    setRepeat(next)
    setAnnouncement(next.a !== null && next.b !== null ? t('media.player.repeatOn', { a: formatClock(next.a), b: formatClock(next.b) }) : t('media.player.repeatA', { a: formatClock(next.a ?? now) }))
  }

  async function toggleFullscreen() {
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => {})
    else await root.current?.requestFullscreen().catch(() => {})
  }

  function onKeyDown(event: ReactKeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const target = event.target as HTMLElement
    if (target.closest('.transcript, .sign-window')) return
    const command = commandForKey(event.key, { tag: target.tagName, type: (target as HTMLInputElement).type })
    if (!command) return
    event.preventDefault()
    run(command)
  }

  function chooseQuality(value: string) {
    setQuality(value)
    if (value !== 'audio' && value !== 'auto' && hls.current) hls.current.currentLevel = Number(value)
    if (value === 'auto' && hls.current) hls.current.currentLevel = -1
  }

  const captionStyle = {
    '--caption-scale': { small: 0.8, medium: 1, large: 1.35, xlarge: 1.75 }[prefs.captionSize],
    '--caption-color': { white: '#ffffff', yellow: '#ffeb3b', cyan: '#7df9ff', green: '#a5ff8a' }[prefs.captionColor],
    '--caption-background': { black: '#000000', translucent: 'rgba(0, 0, 0, 0.6)', none: 'transparent' }[prefs.captionBackground],
  } as CSSProperties
  const currentChapter = chapters.filter((c) => c.start <= time).at(-1)

  return (
    <div className="player-layout">
      <div
        ref={root}
        className="player"
        role="region"
        aria-label={t('media.player.region', { title: source.title })}
        aria-describedby={`${id}-keys`}
        onKeyDown={onKeyDown}
        data-fullscreen={fullscreen || undefined}
      >
        <div ref={stage} className="player-stage" data-sign-layout={signLayout} style={captionStyle}>
          <div className="player-main">
            <video
              ref={video}
              className="player-video"
              preload="metadata"
              playsInline
              poster={source.poster ?? undefined}
              onClick={toggle}
              aria-label={source.title}
              tabIndex={-1}
            />
            {failed ? (
              <p role="alert" className="player-error">
                {t('media.player.error')}
              </p>
            ) : null}
          </div>
          {source.sign && signLayout !== 'off' ? (
            <SignWindow layout={signLayout} stage={stage} prefs={prefs} onMove={(signWindow) => updatePrefs({ signWindow })} label={t('media.player.signWindow')} hint={t('media.player.signMoveHint')}>
              <video ref={sign} className="player-sign-video" muted playsInline preload="metadata" poster={source.sign.poster ?? undefined} aria-label={t('media.player.signWindow')} />
            </SignWindow>
          ) : null}
          {shownCaptions.length ? (
            <div className="player-captions" aria-hidden="true" lang={captionTrack?.language}>
              {shownCaptions.map((cue, i) => (
                <span key={`${cue.start}-${i}`} className="player-caption">
                  {cuePlainText(cue.text)}
                </span>
              ))}
            </div>
          ) : null}
          {describedSrc ? <audio ref={describedAudio} preload="auto" /> : null}
        </div>

        <div className="player-controls">
          <div className="player-row">
            <button type="button" onClick={toggle} aria-label={playing ? t('media.player.pause') : t('media.player.play')} className="player-play">
              <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
            </button>
            <button type="button" onClick={() => seekTo(time - 5)} aria-label={t('media.player.back')}>
              <span aria-hidden="true">−5</span>
            </button>
            <button type="button" onClick={() => seekTo(time + 5)} aria-label={t('media.player.forward')}>
              <span aria-hidden="true">+5</span>
            </button>
            <label
              className="player-seek"
              onPointerMove={(event) => {
                const rect = event.currentTarget.getBoundingClientRect()
                const fraction = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width))
                setPreview({ time: fraction * duration, left: fraction * 100 })
              }}
              onPointerLeave={() => setPreview(null)}
            >
              <span className="visually-hidden">{t('media.player.seek')}</span>
              {preview && storyboard.length ? <StoryboardPreview tiles={storyboard} time={preview.time} left={preview.left} /> : null}
              <input
                type="range"
                min={0}
                max={Math.max(duration, 0.1)}
                step={0.1}
                value={Math.min(time, duration)}
                onChange={(event) => seekTo(Number(event.target.value))}
                onKeyUp={(event) => {
                  const at = Number(event.currentTarget.value)
                  setPreview({ time: at, left: duration > 0 ? (at / duration) * 100 : 0 })
                }}
                onBlur={() => setPreview(null)}
                aria-valuetext={t('media.player.seekValue', { current: formatClock(time), total: formatClock(duration) })}
              />
            </label>
            <span className="player-time" aria-hidden="true">
              {formatClock(time)} / {formatClock(duration)}
            </span>
          </div>
          <div className="player-row player-options">
            <button type="button" onClick={() => setMuted((m) => !m)} aria-pressed={muted}>
              {muted ? t('media.player.unmute') : t('media.player.mute')}
            </button>
            <label>
              {t('media.player.volume')}
              <input type="range" min={0} max={1} step={0.05} value={prefs.volume} onChange={(event) => updatePrefs({ volume: Number(event.target.value) })} aria-valuetext={`${Math.round(prefs.volume * 100)}%`} />
            </label>
            <label>
              {t('media.player.speed')}
              <select value={String(prefs.rate)} onChange={(event) => updatePrefs({ rate: Number(event.target.value) })}>
                {playbackRates.map((rate) => (
                  <option key={rate} value={rate}>
                    {rate}×
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('media.player.captions')}
              <select value={captionTrack?.language ?? ''} onChange={(event) => updatePrefs({ captionLanguage: event.target.value || null })}>
                <option value="">{t('media.player.captionsOff')}</option>
                {captionTracks.map((track) => (
                  <option key={track.id} value={track.language}>
                    {t(`media.languages.${track.language}`)}
                  </option>
                ))}
              </select>
            </label>
            {source.kind === 'video' ? (
              <label>
                {t('media.player.quality')}
                <select value={quality} onChange={(event) => chooseQuality(event.target.value)}>
                  <option value="auto">{t('media.player.qualityAuto')}</option>
                  {levels.map((level) => (
                    <option key={level.index} value={String(level.index)}>
                      {level.height}p
                    </option>
                  ))}
                  {source.audioOnlySrc ? <option value="audio">{t('media.player.audioOnly')}</option> : null}
                </select>
              </label>
            ) : null}
            {source.sign ? (
              <label>
                {t('media.player.sign')}
                <select value={signLayout} onChange={(event) => updatePrefs({ signLayout: event.target.value as SignLayout })}>
                  {signLayouts.map((layout) => (
                    <option key={layout} value={layout}>
                      {t(`media.player.sign${layout === 'off' ? 'Off' : layout === 'pip' ? 'Pip' : layout === 'side' ? 'Side' : 'Swap'}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {source.audioDescriptions.length ? (
              <label>
                {t('media.player.description')}
                <select value={descriptionTrack} onChange={(event) => setDescriptionTrack(event.target.value)}>
                  <option value="off">{t('media.player.descriptionOff')}</option>
                  {source.audioDescriptions.map((track) => (
                    <option key={track.id} value={track.id}>
                      {t(`media.languages.${track.language}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {descriptionTextTrack ? (
              <label className="checkbox">
                <input type="checkbox" checked={prefs.speakDescriptions} onChange={(event) => updatePrefs({ speakDescriptions: event.target.checked })} />
                {t('media.player.descriptionSpeak')}
              </label>
            ) : null}
            <button type="button" onClick={() => void toggleFullscreen()} aria-pressed={fullscreen}>
              {fullscreen ? t('media.player.exitFullscreen') : t('media.player.fullscreen')}
            </button>
          </div>
          <div className="player-row player-options">
            <fieldset className="player-repeat">
              <legend>{t('media.player.repeat')}</legend>
              <button type="button" onClick={() => markRepeat('a')}>
                {t('media.player.setA')}
              </button>
              <button type="button" onClick={() => markRepeat('b')}>
                {t('media.player.setB')}
              </button>
              <button type="button" onClick={() => setRepeat({ a: null, b: null })} disabled={repeat.a === null && repeat.b === null}>
                {t('media.player.clearRepeat')}
              </button>
              <span className="player-repeat-state">
                {repeat.a !== null && repeat.b !== null ? t('media.player.repeatOn', { a: formatClock(repeat.a), b: formatClock(repeat.b) }) : repeat.a !== null ? t('media.player.repeatA', { a: formatClock(repeat.a) }) : ''}
              </span>
            </fieldset>
            <details className="player-style">
              <summary>{t('media.player.captionStyle')}</summary>
              <label>
                {t('media.player.captionSize')}
                <select value={prefs.captionSize} onChange={(event) => updatePrefs({ captionSize: event.target.value as PlayerPreferences['captionSize'] })}>
                  {captionSizes.map((size) => (
                    <option key={size} value={size}>
                      {t(`media.player.sizes.${size}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('media.player.captionColor')}
                <select value={prefs.captionColor} onChange={(event) => updatePrefs({ captionColor: event.target.value as PlayerPreferences['captionColor'] })}>
                  {captionColors.map((color) => (
                    <option key={color} value={color}>
                      {t(`media.player.colors.${color}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('media.player.captionBackground')}
                <select value={prefs.captionBackground} onChange={(event) => updatePrefs({ captionBackground: event.target.value as PlayerPreferences['captionBackground'] })}>
                  {captionBackgrounds.map((background) => (
                    <option key={background} value={background}>
                      {t(`media.player.backgrounds.${background}`)}
                    </option>
                  ))}
                </select>
              </label>
            </details>
          </div>
          {chapters.length ? (
            <nav className="player-chapters" aria-label={t('media.player.chapters')}>
              <ol>
                {chapters.map((chapter, i) => (
                  <li key={`${chapter.start}-${i}`}>
                    <button type="button" onClick={() => seekTo(chapter.start)} aria-current={chapter === currentChapter ? 'true' : undefined}>
                      <span className="chapter-time">{formatClock(chapter.start)}</span> {cuePlainText(chapter.text)}
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <p id={`${id}-keys`} className="hint player-keys">
            {t('media.player.shortcuts')} {t('media.player.noAutoplay')}
          </p>
          {source.download ? (
            <p>
              <a href={source.download.href} download>
                {t('media.player.download', { size: formatBytes(source.download.size) })}
              </a>
            </p>
          ) : null}
        </div>
        <p role="status" aria-live="polite" className="visually-hidden">
          {announcement}
        </p>
      </div>
      {transcript ? <Transcript tracks={captionTracks} cues={cues} language={captionTrack?.language ?? captionTracks[0]?.language ?? null} time={time} onSeek={seekTo} title={source.title} /> : null}
    </div>
  )
}

/** Attaches an HLS stream to a media element; resolves to its cleanup. hls.js is fetched only here. */
async function attachStreamAsync(
  element: HTMLMediaElement,
  src: string,
  handlers: { onLevels?: (levels: { index: number; height: number }[]) => void; onFatal?: () => void; onInstance?: (hls: HlsType) => void },
): Promise<() => void> {
  const { default: Hls } = await import('hls.js')
  if (Hls.isSupported()) {
    const hls = new Hls({ capLevelToPlayerSize: true, startLevel: -1 })
    handlers.onInstance?.(hls)
    hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
      handlers.onLevels?.(data.levels.map((level, index) => ({ index, height: level.height })).filter((l) => l.height > 0).sort((a, b) => b.height - a.height))
    })
    let recovered = false
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal) return
      if (!recovered && data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        recovered = true
        hls.recoverMediaError()
        return
      }
      if (!recovered && data.type === Hls.ErrorTypes.NETWORK_ERROR) {
        recovered = true
        hls.startLoad()
        return
      }
      handlers.onFatal?.()
    })
    hls.loadSource(src)
    hls.attachMedia(element as HTMLVideoElement)
    return () => hls.destroy()
  }
  if (element.canPlayType('application/vnd.apple.mpegurl')) {
    element.src = src
    return () => {
      element.removeAttribute('src')
      element.load()
    }
  }
  handlers.onFatal?.()
  return () => {}
}

function attachStream(element: HTMLMediaElement, src: string, handlers: Parameters<typeof attachStreamAsync>[2]) {
  return attachStreamAsync(element, src, handlers).catch(() => {
    handlers.onFatal?.()
    return () => {}
  })
}

interface StoryboardTile {
  start: number
  end: number
  image: string
  x: number
  y: number
  width: number
  height: number
}

/** The storyboard's WebVTT: which part of the sprite shows which stretch of time. */
function useStoryboard(src: string | null): StoryboardTile[] {
  const [tiles, setTiles] = useState<StoryboardTile[]>([])
  useEffect(() => {
    if (!src) return
    let cancelled = false
    void fetch(src, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => {
        if (cancelled) return
        const base = new URL(src, window.location.href)
        const found: StoryboardTile[] = []
        for (const cue of parseWebVtt(text).cues) {
          const match = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(cue.text.trim())
          if (match) found.push({ start: cue.start, end: cue.end, image: new URL(match[1]!, base).pathname, x: Number(match[2]), y: Number(match[3]), width: Number(match[4]), height: Number(match[5]) })
        }
        setTiles(found)
      })
      .catch(() => {})
    return () => {
      cancelled = true
    }
  }, [src])
  return tiles
}

/** A thumbnail of the moment under the pointer on the position slider (a visual aid; the slider itself announces the time). */
function StoryboardPreview({ tiles, time, left }: { tiles: StoryboardTile[]; time: number; left: number }) {
  const tile = tiles.find((t) => t.start <= time && time < t.end) ?? tiles.at(-1)
  if (!tile) return null
  return (
    <span className="player-preview" aria-hidden="true" style={{ left: `${left}%` }}>
      <span className="player-preview-image" style={{ width: tile.width, height: tile.height, backgroundImage: `url("${tile.image}")`, backgroundPosition: `-${tile.x}px -${tile.y}px` }} />
      <span className="player-preview-time">{formatClock(time)}</span>
    </span>
  )
}

/** Fetches and parses every text track once; keyed by track id. */
function useTrackCues(tracks: PlayerTextTrack[]): Record<string, Cue[]> {
  const [cues, setCues] = useState<Record<string, Cue[]>>({})
  const key = tracks.map((track) => track.id).join(',')
  useEffect(() => {
    let cancelled = false
    for (const track of tracks) {
      void fetch(track.src, { credentials: 'same-origin' })
        .then((response) => (response.ok ? response.text() : ''))
        .then((text) => {
          if (!cancelled) setCues((previous) => ({ ...previous, [track.id]: parseWebVtt(text).cues }))
        })
        .catch(() => {})
    }
    return () => {
      cancelled = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return cues
}

/**
 * Timed text descriptions read aloud by the browser's speech synthesis. A description longer than
 * its gap pauses the video until it is finished (extended audio description), then playback resumes.
 */
function useSpokenDescriptions(cues: Cue[] | null, language: string, video: React.RefObject<HTMLVideoElement | null>) {
  const spoken = useRef(new Set<Cue>())
  useEffect(() => {
    const element = video.current
    if (!cues || !element || typeof speechSynthesis === 'undefined') return
    spoken.current.clear()
    let pausedForSpeech = false
    const onTime = () => {
      const now = element.currentTime
      for (const cue of cues) {
        if (cue.start <= now && now < cue.end && !spoken.current.has(cue)) {
          spoken.current.add(cue)
          const utterance = new SpeechSynthesisUtterance(cuePlainText(cue.text))
          utterance.lang = language
          utterance.rate = Math.min(2, Math.max(0.5, element.playbackRate))
          utterance.onend = () => {
            if (pausedForSpeech) {
              pausedForSpeech = false
              void element.play().catch(() => {})
            }
          }
          speechSynthesis.speak(utterance)
        }
        if (now >= cue.end && spoken.current.has(cue) && speechSynthesis.speaking && !element.paused && now - cue.end < 0.5) {
          pausedForSpeech = true
          element.pause()
        }
      }
    }
    const onSeeked = () => {
      spoken.current = new Set(cues.filter((cue) => cue.end <= element.currentTime))
      speechSynthesis.cancel()
    }
    element.addEventListener('timeupdate', onTime)
    element.addEventListener('seeked', onSeeked)
    return () => {
      element.removeEventListener('timeupdate', onTime)
      element.removeEventListener('seeked', onSeeked)
      speechSynthesis.cancel()
    }
  }, [cues, language, video])
}

/**
 * The sign-language window: in picture-in-picture it can be dragged and resized with a pointer, or
 * moved (arrow keys) and resized (Shift + arrow keys) from the keyboard. Its place is remembered.
 */
function SignWindow({
  layout,
  stage,
  prefs,
  onMove,
  label,
  hint,
  children,
}: {
  layout: SignLayout
  stage: React.RefObject<HTMLDivElement | null>
  prefs: PlayerPreferences
  onMove: (window: PlayerPreferences['signWindow']) => void
  label: string
  hint: string
  children: React.ReactNode
}) {
  const hintId = useId()
  const [box, setBox] = useState(prefs.signWindow)
  useEffect(() => setBox(prefs.signWindow), [prefs.signWindow])
  const drag = useRef<{ mode: 'move' | 'resize'; startX: number; startY: number; origin: typeof box } | null>(null)
  const clampBox = (b: typeof box) => {
    const width = Math.min(0.6, Math.max(0.15, b.width))
    return { width, x: Math.min(1 - width, Math.max(0, b.x)), y: Math.min(0.9, Math.max(0, b.y)) }
  }
  const begin = (mode: 'move' | 'resize') => (event: ReactPointerEvent<HTMLElement>) => {
    if (layout !== 'pip') return
    event.preventDefault()
    event.stopPropagation()
    ;(event.currentTarget as HTMLElement).setPointerCapture(event.pointerId)
    drag.current = { mode, startX: event.clientX, startY: event.clientY, origin: box }
  }
  const moveTo = (event: ReactPointerEvent<HTMLElement>) => {
    const current = drag.current
    const rect = stage.current?.getBoundingClientRect()
    if (!current || !rect) return
    const dx = (event.clientX - current.startX) / rect.width
    const dy = (event.clientY - current.startY) / rect.height
    setBox(clampBox(current.mode === 'move' ? { ...current.origin, x: current.origin.x + dx, y: current.origin.y + dy } : { ...current.origin, width: current.origin.width + dx }))
  }
  const end = () => {
    if (!drag.current) return
    drag.current = null
    onMove(box)
  }
  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (layout !== 'pip') return
    const step = 0.02
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }
    const move = moves[event.key]
    if (!move) return
    event.preventDefault()
    const next = clampBox(event.shiftKey ? { ...box, width: box.width + (move[0] || -move[1]) } : { ...box, x: box.x + move[0], y: box.y + move[1] })
    setBox(next)
    onMove(next)
  }
  const style: CSSProperties | undefined = layout === 'pip' ? { left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.width * 100}%` } : undefined
  return (
    <div
      className="sign-window"
      data-layout={layout}
      style={style}
      role="group"
      aria-label={label}
      aria-describedby={layout === 'pip' ? hintId : undefined}
      tabIndex={layout === 'pip' ? 0 : undefined}
      onKeyDown={onKeyDown}
      onPointerDown={begin('move')}
      onPointerMove={moveTo}
      onPointerUp={end}
      onPointerCancel={end}
    >
      {children}
      {layout === 'pip' ? (
        <>
          <span id={hintId} className="visually-hidden">
            {hint}
          </span>
          <span className="sign-resize" aria-hidden="true" onPointerDown={begin('resize')} onPointerMove={moveTo} onPointerUp={end} />
        </>
      ) : null}
    </div>
  )
}

