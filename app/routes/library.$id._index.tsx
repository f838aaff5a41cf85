import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus, fieldErrorsOf, useMessage } from '~/components/forms'
import { ResourceDetails } from '~/components/library/resource-details'
import { VideoPlayer } from '~/components/media/VideoPlayer'
import { VariantsView } from '~/components/library/variants-view'
import { RichText } from '~/components/rich-text'
import { getPlayerSource } from '~/modules/media/index.server'
import { studyOfResource } from '~/modules/research/studies.server'
import { kindTraits } from '~/modules/library/kinds'
import { adaptResource, archiveResource, getResource, rateResource, recordView, reviewResource, setFavourite, submitResource } from '~/modules/library/resources.server'
import { AppError } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { formatSize, keepLibraryValues, libraryTitle, parseResourceId, type LibraryResult } from './library'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => libraryTitle(matches, data?.resource.title ?? 'library.title')

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'read:library')
  const id = parseResourceId(args.params.id)
  const url = new URL(args.request.url)
  const versionParam = url.searchParams.get('version')
  const version = versionParam === 'published' || versionParam === 'working' ? versionParam : versionParam && /^\d+$/.test(versionParam) ? Number(versionParam) : undefined
  const resource = await getResource(web.rt.db, web.actor, id, { version })
  if (resource.version !== null && resource.version === resource.publishedVersion) await recordView(web.rt.db, web.actor, id)
  // An attached video plays once the media module has published a version of it; one gone is left out.
  const videos = await Promise.all(
    resource.mediaAssetIds.map((assetId) =>
      getPlayerSource(web.rt.db, web.actor, assetId).then(
        (source) => ({ assetId, source, gone: false }),
        () => ({ assetId, source: null, gone: true }),
      ),
    ),
  )
  // An exemplary lesson links back to its lesson study, for members of the study's group only.
  const study = resource.exemplary ? await studyOfResource(web.rt.db, web.actor, id) : null
  return { resource, videos: videos.filter((v) => !v.gone), study }
})

export const action = formAction(async (args, form, web) => {
  const { actor } = await requireActor(args, 'read:library')
  const id = parseResourceId(args.params.id)
  const db = web.rt.db
  return keepLibraryValues(form, async () => {
    const intent = form.get('intent')
    const done = (key: string) => ({ ok: true as const, intent: String(intent), message: { key } })
    switch (intent) {
      case 'favourite':
        await setFavourite(db, actor, id, true)
        return done('library.page.favourited')
      case 'unfavourite':
        await setFavourite(db, actor, id, false)
        return done('library.page.unfavourited')
      case 'rate':
        await rateResource(db, actor, id, formObject(form))
        return done('library.page.rated')
      case 'submit':
        await submitResource(db, actor, id, web.ip)
        return done('library.page.submitted')
      case 'archive':
        await archiveResource(db, actor, id, web.ip)
        return done('library.page.archived')
      case 'adapt': {
        const copy = await adaptResource(db, actor, id)
        throw redirect(`/library/${copy.id}/edit?adapted=1`)
      }
      case 'review':
        await reviewResource(db, actor, id, formObject(form), web.ip)
        return done('library.reviewForm.done')
      default:
        throw new AppError(400, { key: 'errors.badRequest' })
    }
  })
})

export default function ResourcePage() {
  const { resource: r, videos, study } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as LibraryResult | undefined
  const { t, i18n } = useTranslation()
  const message = useMessage()
  const [params] = useSearchParams()
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language)
  const resultFor = (intent: string) => (result?.intent === intent ? result : undefined)
  // A teacher can give a published lesson to their students, and add exercises to it (decision record 009).
  const role = useRouteLoaderData<{ user: { role: string } | null }>('root')?.user?.role
  const assignable = role === 'teacher' && r.publishedVersion !== null && r.status !== 'archived' && kindTraits[r.kind].variants
  return (
    <article aria-labelledby="resource-title" className="resource-page">
      <header className="resource-header">
        <p className="card-kind">
          {t(`library.kinds.${r.kind}`)}
          {r.exemplary ? <span className="exemplary-badge">{t('library.exemplary')}</span> : null}
        </p>
        <h1 id="resource-title">{r.title}</h1>
        {study ? (
          <p>
            <Link to={`/research/studies/${study.id}`}>{t('studies.libraryLink', { title: study.title })}</Link>
          </p>
        ) : null}
        <p className="card-placement">
          {[t(`library.schoolTypes.${r.schoolType}`), t(`library.subjects.${r.subject}`), t(`stages.${r.stage}`), r.grade ? t('library.gradeN', { grade: r.grade }) : null].filter(Boolean).join(' · ')}
        </p>
        {r.summary ? <p className="resource-summary">{r.summary}</p> : null}
      </header>

      {r.status === 'archived' ? <p className="notice">{t('library.page.archivedNotice')}</p> : null}
      {r.version === null && r.publishedVersion !== null ? (
        <p className="notice">
          {t('library.page.workingNotice', { number: r.publishedVersion })}{' '}
          {r.changedSincePublished.length
            ? t('library.page.changedSincePublished', { number: r.publishedVersion, parts: r.changedSincePublished.map((part) => t(`library.page.parts.${part}`)).join(t('library.page.partsSeparator')) })
            : t('library.page.unchangedSincePublished', { number: r.publishedVersion })}{' '}
          <Link to="?version=published">{t('library.page.seePublished')}</Link>
        </p>
      ) : null}
      {r.version !== null && r.version !== r.publishedVersion ? (
        <p className="notice">
          {t('library.page.oldVersion', { number: r.version })} <Link to="?version=published">{t('library.page.seePublished')}</Link>
        </p>
      ) : null}
      {r.version !== null && r.version !== r.publishedVersion && r.can.edit ? (
        <p>
          <Link to="?version=working">{t('library.page.seeWorking')}</Link>
        </p>
      ) : null}

      {/* A review's outcome shows by its form; once the decision ends the reviewer's turn the form is gone, so it shows here. */}
      <FormStatus result={result && result.intent !== 'rate' && (result.intent !== 'review' || !r.can.review) ? result : undefined} />
      {result && !result.ok && result.intent === 'submit' && result.error.fields ? (
        <ul className="field-error submit-problems" aria-label={t('library.page.submitProblems')}>
          {Object.entries(result.error.fields).map(([field, problem]) => (
            <li key={field}>{message(problem)}</li>
          ))}
        </ul>
      ) : null}

      <div className="resource-actions no-print">
        {r.can.edit ? (
          <Link to={`/library/${r.id}/edit`} className="button">
            {t('library.page.edit')}
          </Link>
        ) : null}
        {r.can.submit ? (
          <Form method="post" className="inline-form">
            <CsrfInput />
            <button type="submit" name="intent" value="submit">
              {t('library.page.submit')}
            </button>
          </Form>
        ) : null}
        {r.publishedVersion !== null ? (
          <Form method="post" className="inline-form">
            <CsrfInput />
            <button type="submit" name="intent" value={r.mine.favourite ? 'unfavourite' : 'favourite'} className="secondary" aria-pressed={r.mine.favourite}>
              {r.mine.favourite ? t('library.page.unfavourite') : t('library.page.favourite')}
            </button>
          </Form>
        ) : null}
        <Link to={`/library/${r.id}/print${r.version !== null ? `?version=${r.version}` : ''}`} className="button secondary">
          {t('library.page.print')}
        </Link>
        <Link to={`/library/${r.id}/braille`} className="button secondary">
          {t('braille.resource.link')}
        </Link>
        <a href={`/library/${r.id}/package${r.version !== null ? `?version=${r.version}` : ''}`} className="button secondary" download title={t('library.package.exportHint')}>
          {t('library.package.export')}
        </a>
        {assignable ? (
          <>
            <Link to={`/teach/assign?resource=${r.id}`} className="button secondary">
              {t('learning.assign.fromLibrary')}
            </Link>
            <Link to={`/teach/lessons/${r.id}/exercises`} className="button secondary">
              {t('learning.exercises.fromLibrary')}
            </Link>
          </>
        ) : null}
        {r.can.adapt ? (
          <Form method="post" className="inline-form">
            <CsrfInput />
            <button type="submit" name="intent" value="adapt" className="secondary">
              {t('library.page.adapt')}
            </button>
          </Form>
        ) : null}
        {r.can.archive ? (
          <Form method="post" className="inline-form">
            <CsrfInput />
            <button type="submit" name="intent" value="archive" className="secondary">
              {t('library.page.archive')}
            </button>
          </Form>
        ) : null}
      </div>

      <section aria-labelledby="meta-title" className="resource-meta">
        <h2 id="meta-title">{t('library.page.meta')}</h2>
        <dl>
          <dt>{t('library.page.status')}</dt>
          <dd>
            <span className={`status status-${r.status}`}>{t(`library.statuses.${r.status}`)}</span>
            {r.status === 'submitted' && r.reviewLevel ? ` · ${t(`library.statusAt.${r.reviewLevel}`)}` : null}
          </dd>
          <dt>{t('library.page.author')}</dt>
          <dd>{r.attribution}</dd>
          {r.schoolName ? (
            <>
              <dt>{t('library.page.school')}</dt>
              <dd>{r.schoolName}</dd>
            </>
          ) : null}
          <dt>{t('library.page.licence')}</dt>
          <dd>{t(`library.licences.${r.licence}`)}</dd>
          <dt>{t('library.page.version')}</dt>
          <dd>{r.version !== null ? t('library.page.versionN', { number: r.version }) : t('library.page.workingCopy')}</dd>
          {r.disabilityCategories.length ? (
            <>
              <dt>{t('library.fields.categories')}</dt>
              <dd>{r.disabilityCategories.map((c) => t(`library.categories.${c}`)).join('、')}</dd>
            </>
          ) : null}
          {r.accessibilityScore !== null ? (
            <>
              <dt>{t('library.page.accessibility')}</dt>
              <dd>{t('library.page.accessibilityValue', { score: r.accessibilityScore })}</dd>
            </>
          ) : null}
          <dt>{t('library.page.rate')}</dt>
          <dd>
            {r.counts.averageRating !== null ? t('library.ratingSummary', { average: r.counts.averageRating, count: r.counts.ratings }) : t('library.noRatingsYet')} · {t('library.views', { count: r.counts.views })} ·{' '}
            {t('library.downloads', { count: r.counts.downloads })}
          </dd>
        </dl>
      </section>

      <ResourceDetails resource={r} />

      {r.body.content.length ? (
        <section aria-labelledby="body-title">
          <h2 id="body-title">{r.kind === 'lesson' ? t('library.fields.procedure') : t('library.fields.body')}</h2>
          <RichText doc={r.body} />
        </section>
      ) : null}

      {r.variants.length ? <VariantsView resource={r} selected={params.get('variant')} mode={params.get('view') === 'one' ? 'one' : 'side'} /> : null}

      <section aria-labelledby="files-title">
        <h2 id="files-title">{t('library.page.files')}</h2>
        {r.files.length === 0 ? (
          <p>{t('library.page.noFiles')}</p>
        ) : (
          <ul className="file-list with-thumbnails">
            {r.files.map((f) => (
              <li key={f.id}>
                {f.thumbnail ? <img src={`/library/files/${f.id}/thumbnail`} alt="" width={120} loading="lazy" /> : null}
                <span>
                  <a href={`/library/files/${f.id}`}>{f.fileName}</a> <span className="hint">({formatSize(f.size)})</span>{' '}
                  <a href={`/library/files/${f.id}?download=1`} aria-label={t('library.page.downloadNamed', { name: f.fileName })}>
                    {t('library.page.download')}
                  </a>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {videos.length ? (
        <section aria-labelledby="media-title">
          <h2 id="media-title">{t('library.page.media')}</h2>
          {videos.map((video) =>
            video.source ? (
              <VideoPlayer key={video.assetId} source={video.source} />
            ) : (
              <p key={video.assetId} className="notice">
                {t('library.page.mediaPending', { id: video.assetId })}
              </p>
            ),
          )}
        </section>
      ) : null}

      {r.versions.length ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t('library.page.versions')}</h2>
          <ul>
            {r.versions.map((v) => (
              <li key={v.number}>
                <Link to={`?version=${v.number}`} aria-current={r.version === v.number ? 'true' : undefined}>
                  {t('library.page.versionN', { number: v.number })}
                </Link>{' '}
                · {t('library.page.publishedOn', { date: date(v.publishedAt) })}
                {v.number === r.publishedVersion ? ` · ${t('library.page.currentPublished')}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {r.reviews.length ? (
        <section aria-labelledby="reviews-title">
          <h2 id="reviews-title">{t('library.page.reviews')}</h2>
          <ul className="reviews">
            {r.reviews.map((review, i) => (
              <li key={i}>
                <p>
                  <strong>{t(`library.page.decision.${review.decision}`)}</strong> · {t('library.page.reviewBy', { reviewer: review.reviewer ?? '', level: t(`library.levels.${review.level}`), date: date(review.at) })}
                </p>
                <p className="hint">{t('library.page.scores', review.scores)}</p>
                {review.comments ? <p className="review-comments">{review.comments}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {r.can.review ? <ReviewForm result={resultFor('review')} level={r.reviewLevel ?? 'school'} /> : null}
      {r.publishedVersion !== null ? <Ratings resource={r} result={resultFor('rate')} /> : null}
    </article>
  )
}

function ReviewForm({ result, level }: { result?: LibraryResult; level: 'school' | 'district' }) {
  const { t } = useTranslation()
  const errors = fieldErrorsOf(result)
  const values = result && !result.ok ? result.values : {}
  const value = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '')
  const message = useMessage()
  return (
    <section aria-labelledby="review-title" className="review-form no-print">
      <h2 id="review-title">
        {t('library.reviewForm.title')} · {t(`library.levels.${level}`)}
      </h2>
      <FormStatus result={result} />
      <Form method="post" noValidate aria-labelledby="review-title">
        <CsrfInput />
        <input type="hidden" name="intent" value="review" />
        <input type="hidden" name="level" value={level} />
        <fieldset aria-invalid={errors.decision ? true : undefined}>
          <legend>{t('library.reviewForm.decision')}</legend>
          <label>
            <input type="radio" name="decision" value="approve" defaultChecked={value('decision') === 'approve'} /> {t('library.reviewForm.approve')}
          </label>
          <label>
            <input type="radio" name="decision" value="changes_requested" defaultChecked={value('decision') === 'changes_requested'} /> {t('library.reviewForm.changes')}
          </label>
          {errors.decision ? <p className="field-error">{message(errors.decision)}</p> : null}
        </fieldset>
        {(['accessibility', 'curriculum', 'differentiation'] as const).map((criterion) => (
          <Field
            key={criterion}
            label={t(`library.reviewForm.${criterion}`)}
            name={criterion}
            errors={errors}
            required
            hint={criterion === 'accessibility' ? t('library.reviewForm.accessibilityHint') : undefined}
          >
            {(props) => (
              <select {...props} defaultValue={value(criterion)}>
                <option value="">{t('library.form.choose')}</option>
                {[5, 4, 3, 2, 1].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
        <Field label={t('library.reviewForm.comments')} name="comments" errors={errors} hint={t('library.reviewForm.commentsHint')}>
          {(props) => <textarea {...props} rows={4} defaultValue={value('comments')} />}
        </Field>
        <button type="submit">{t('library.reviewForm.submit')}</button>
      </Form>
    </section>
  )
}

function Ratings({ resource: r, result }: { resource: ReturnType<typeof useLoaderData<typeof loader>>['resource']; result?: LibraryResult }) {
  const { t, i18n } = useTranslation()
  const errors = fieldErrorsOf(result)
  const values = result && !result.ok ? result.values : {}
  return (
    <section aria-labelledby="ratings-title">
      <h2 id="ratings-title">{t('library.page.ratings')}</h2>
      {r.can.rate ? (
        <Form method="post" noValidate aria-label={t('library.page.rate')} className="rating-form no-print">
          <CsrfInput />
          <input type="hidden" name="intent" value="rate" />
          <FormStatus result={result} />
          <Field label={t('library.page.stars')} name="stars" errors={errors} required>
            {(props) => (
              <select {...props} defaultValue={typeof values.stars === 'string' ? values.stars : (r.mine.stars?.toString() ?? '')}>
                <option value="">{t('library.form.choose')}</option>
                {[5, 4, 3, 2, 1].map((n) => (
                  <option key={n} value={n}>
                    {t('library.page.starsN', { count: n })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('library.page.comment')} name="comment" errors={errors}>
            {(props) => <textarea {...props} rows={3} defaultValue={typeof values.comment === 'string' ? values.comment : r.mine.comment} />}
          </Field>
          <button type="submit">{t('library.page.submitRating')}</button>
        </Form>
      ) : null}
      {r.ratings.length === 0 ? (
        <p>{t('library.page.noComments')}</p>
      ) : (
        <ul className="ratings">
          {r.ratings.map((rating, i) => (
            <li key={i}>
              <p>
                <strong>{rating.displayName}</strong> · {t('library.page.starsN', { count: rating.stars })} · {new Date(rating.at).toLocaleDateString(i18n.language)}
              </p>
              {rating.comment ? <p>{rating.comment}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
