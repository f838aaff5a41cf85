import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useFetcher, useLoaderData, useSearchParams } from '@remix-run/react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus, fieldErrorsOf, useMessage } from '~/components/forms'
import { detailsForForm, ResourceForm } from '~/components/library/resource-form'
import { acceptedExtensions, maxFileBytes, maxFilesPerResource } from '~/modules/library/files.server'
import { resourceInputFromForm } from '~/modules/library/forms'
import { getResource, updateResource } from '~/modules/library/resources.server'
import { forbidden } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'
import { formatSize, keepLibraryValues, libraryTitle, parseResourceId, type LibraryResult } from './library'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => libraryTitle(matches, 'library.form.editTitle', { title: data?.resource.title ?? '' })

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'author:resource')
  const resource = await getResource(web.rt.db, web.actor, parseResourceId(args.params.id), { version: 'working' })
  if (!resource.can.edit) throw forbidden()
  return { resource, limits: { maxMb: Math.round(maxFileBytes / 1024 / 1024), maxFiles: maxFilesPerResource, accept: acceptedExtensions } }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args, 'author:resource')
  return keepLibraryValues(form, async () => {
    await updateResource(web.rt.db, web.actor, parseResourceId(args.params.id), resourceInputFromForm(form))
    return { ok: true as const, message: { key: 'library.form.saved' } }
  })
})

export default function EditResource() {
  const { resource, limits } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as LibraryResult | undefined
  const [params] = useSearchParams()
  const { t } = useTranslation()
  return (
    <section aria-labelledby="edit-title">
      <h1 id="edit-title">{t('library.form.editTitle', { title: resource.title })}</h1>
      <p>
        <Link to={`/library/${resource.id}`}>{t('common.back')}</Link> · <span className={`status status-${resource.status}`}>{t(`library.statuses.${resource.status}`)}</span>
      </p>
      {params.get('created') && !result ? (
        <p role="status" className="notice notice-success">
          {t('library.form.created')}
        </p>
      ) : null}
      {params.get('adapted') && !result ? (
        <p role="status" className="notice notice-success">
          {t('library.page.adapted')}
        </p>
      ) : null}
      {resource.publishedVersion !== null ? <p className="notice">{t('library.form.editingPublished', { number: resource.publishedVersion })}</p> : null}
      <FormStatus result={result} />
      <ResourceForm
        key={resource.updatedAt}
        initial={{ ...resource, details: detailsForForm(resource.kind, resource.details) }}
        submitted={result && !result.ok ? result.values : undefined}
        errors={fieldErrorsOf(result)}
        submitLabel={t('library.form.save')}
      />
      <Files resourceId={resource.id} files={resource.files} limits={limits} />
    </section>
  )
}

function Files({ resourceId, files, limits }: { resourceId: string; files: { id: string; fileName: string; size: number; contentType: string }[]; limits: { maxMb: number; maxFiles: number; accept: string } }) {
  const { t } = useTranslation()
  const message = useMessage()
  const upload = useFetcher<LibraryResult>()
  const remove = useFetcher<LibraryResult>()
  const formRef = useRef<HTMLFormElement>(null)
  const uploadResult = upload.data
  const fileError = uploadResult && !uploadResult.ok ? message(uploadResult.error.fields?.file ?? uploadResult.error.message) : undefined
  return (
    <section aria-labelledby="files-title" className="files-editor">
      <h2 id="files-title">{t('library.form.files')}</h2>
      {files.length === 0 ? (
        <p>{t('library.page.noFiles')}</p>
      ) : (
        <ul className="file-list">
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/library/files/${f.id}?download=1`}>{f.fileName}</a> <span className="hint">({formatSize(f.size)})</span>{' '}
              {f.contentType.startsWith('image/') ? (
                <span className="hint">
                  {t('library.form.imageAddress')} <code>{`/library/files/${f.id}`}</code>{' '}
                </span>
              ) : null}
              <remove.Form method="post" action={`/library/${resourceId}/files`} className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="fileId" value={f.id} />
                <button type="submit" className="secondary" aria-label={t('library.form.removeNamed', { name: f.fileName })}>
                  {t('library.form.remove')}
                </button>
              </remove.Form>
            </li>
          ))}
        </ul>
      )}
      <upload.Form method="post" action={`/library/${resourceId}/files`} encType="multipart/form-data" ref={formRef} aria-labelledby="files-title">
        <CsrfInput />
        <input type="hidden" name="intent" value="upload" />
        <div className="field">
          <label htmlFor="upload-file">{t('library.form.chooseFile')}</label>
          <p id="upload-hint" className="hint">
            {t('library.form.uploadHint', { max: limits.maxMb, count: limits.maxFiles })}
          </p>
          <input
            id="upload-file"
            type="file"
            name="file"
            accept={limits.accept}
            aria-describedby={fileError ? 'upload-hint upload-error' : 'upload-hint'}
            aria-invalid={fileError ? true : undefined}
          />
          {fileError ? (
            <p id="upload-error" className="field-error" role="alert">
              {fileError}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={upload.state !== 'idle'}>
          {t('library.form.upload')}
        </button>
        {uploadResult?.ok && uploadResult.message ? (
          <p role="status" className="notice notice-success">
            {message(uploadResult.message)}
          </p>
        ) : null}
      </upload.Form>
    </section>
  )
}
