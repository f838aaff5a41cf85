import { useTranslation } from 'react-i18next'
import { VideoPlayer } from '~/components/media/VideoPlayer'
import type { SignTermView, SignVideo } from '~/modules/signs/terms.server'

/** What a reader needs to sign a word: the video when there is one, and always the description. */
export function SignTermDetails({ term, video, headingLevel = 2 }: { term: Pick<SignTermView, 'handshape' | 'movement' | 'notes'>; video: SignVideo; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <>
      {video.state === 'ready' ? (
        <VideoPlayer source={video.source} transcript={false} />
      ) : (
        <p className="notice">{video.state === 'pending' ? t('signs.page.videoPending') : t('signs.page.noVideo')}</p>
      )}
      <Heading>{t('signs.page.description')}</Heading>
      <dl className="sign-description">
        {term.handshape ? (
          <>
            <dt>{t('signs.fields.handshape')}</dt>
            <dd>{term.handshape}</dd>
          </>
        ) : null}
        {term.movement ? (
          <>
            <dt>{t('signs.fields.movement')}</dt>
            <dd>{term.movement}</dd>
          </>
        ) : null}
        {term.notes ? (
          <>
            <dt>{t('signs.fields.notes')}</dt>
            <dd>{term.notes}</dd>
          </>
        ) : null}
      </dl>
    </>
  )
}
