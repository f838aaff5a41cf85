import { Form, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field } from '~/components/forms'
import { Uploader } from '~/components/media/Uploader'
import { signCategories } from '~/modules/signs/categories'
import type { FieldErrors } from '~/platform/errors'

export interface TermFormValues {
  word: string
  category: string
  handshape: string
  movement: string
  notes: string
  related: string
  videoAssetId: string
}

/** The create and edit form of a term; a failed post comes back with every value, so nothing typed is lost. */
export function SignTermForm({ initial, errors, submitLabel, canUpload, maxGigabytes }: { initial: TermFormValues; errors: FieldErrors; submitLabel: string; canUpload: boolean; maxGigabytes: number }) {
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  const [videoAssetId, setVideoAssetId] = useState(initial.videoAssetId)
  const [uploaded, setUploaded] = useState(false)
  return (
    <>
      <Form method="post" noValidate className="sign-term-form">
        <CsrfInput />
        <Field label={t('signs.fields.word')} name="word" errors={errors} required defaultValue={initial.word} />
        <Field label={t('signs.fields.category')} name="category" errors={errors} required>
          {(props) => (
            <select {...props} defaultValue={initial.category}>
              <option value="">{t('signs.chooseCategory')}</option>
              {signCategories.map((c) => (
                <option key={c} value={c}>
                  {t(`signs.categories.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('signs.fields.handshape')} name="handshape" errors={errors} hint={t('signs.fields.handshapeHint')}>
          {(props) => <textarea {...props} rows={2} defaultValue={initial.handshape} />}
        </Field>
        <Field label={t('signs.fields.movement')} name="movement" errors={errors} hint={t('signs.fields.movementHint')}>
          {(props) => <textarea {...props} rows={3} defaultValue={initial.movement} />}
        </Field>
        <Field label={t('signs.fields.notes')} name="notes" errors={errors} hint={t('signs.fields.notesHint')}>
          {(props) => <textarea {...props} rows={2} defaultValue={initial.notes} />}
        </Field>
        <Field label={t('signs.fields.related')} name="related" errors={errors} hint={t('signs.fields.relatedHint')} defaultValue={initial.related} />
        <Field label={t('signs.fields.videoId')} name="videoAssetId" errors={errors} hint={t('signs.fields.videoHint')}>
          {(props) => <input {...props} value={videoAssetId} onChange={(event) => setVideoAssetId(event.target.value)} />}
        </Field>
        {uploaded ? <p role="status">{t('signs.page.uploaded')}</p> : null}
        <button type="submit" disabled={submitting}>
          {submitting ? t('common.loading') : submitLabel}
        </button>
      </Form>
      {canUpload ? (
        <section aria-labelledby="sign-upload-title">
          <h2 id="sign-upload-title">{t('signs.page.uploadVideo')}</h2>
          <Uploader
            label={t('signs.fields.video')}
            metadata={{}}
            maxGigabytes={maxGigabytes}
            onUploaded={(assetId) => {
              setVideoAssetId(assetId)
              setUploaded(true)
            }}
          />
        </section>
      ) : null}
    </>
  )
}
