import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus, fieldErrorsOf, useMessage } from '~/components/forms'
import { studiesTitle } from '~/components/studies/meta'
import { RubricSummaryTable } from '~/components/studies/studies-rubric-summary'
import { disabilityCategories, gradesOfStage, schoolTypes, stages, subjectsOf, type SchoolType, type Stage } from '~/modules/library/taxonomy'
import { addRound, finishStudy, getStudy, updateDimensions } from '~/modules/research/studies.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => studiesTitle(matches, data?.study.title)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return { study: await getStudy(web.rt.db, web.actor, args.params.studyId ?? '') }
})

type StudyResult = ActionResult & { intent?: string }

export const action = formAction(async (args, form, web) => {
  const { actor } = await requireActor(args)
  const studyId = args.params.studyId ?? ''
  const intent = String(form.get('intent') ?? '')
  try {
    switch (intent) {
      case 'addRound': {
        const { number } = await addRound(web.rt.db, actor, studyId)
        throw redirect(`/research/studies/${studyId}/rounds/${number}`)
      }
      case 'dimensions':
        await updateDimensions(web.rt.db, actor, studyId, { dimensions: form.get('dimensions') })
        return { ok: true, intent, message: { key: 'studies.dimensions.saved' } } satisfies StudyResult
      case 'finish': {
        const fields = formObject(form)
        const result = await finishStudy(web.rt.db, actor, studyId, { ...fields, disabilityCategories: form.getAll('disabilityCategories') }, web.ip)
        return { ok: true, intent, message: { key: result.status === 'published' ? 'studies.finish.published' : 'studies.finish.submitted' } } satisfies StudyResult
      }
      default:
        throw new AppError(400, { key: 'errors.badRequest' })
    }
  } catch (error) {
    if (error instanceof AppError) return data<StudyResult>({ ok: false, intent, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    throw error
  }
})

export default function StudyPage() {
  const { t, i18n } = useTranslation()
  const { study } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as StudyResult | undefined
  const resultFor = (intent: string) => (result?.intent === intent ? result : undefined)
  const [params] = useSearchParams()
  return (
    <article aria-labelledby="study-title" className="studies-page study-page">
      <p>
        <Link to={`/research/studies?group=${study.group.id}`}>{t('studies.back')}</Link>
      </p>
      <h1 id="study-title">{study.title}</h1>
      <p>
        <span className={`status status-${study.status}`}>{t(`studies.status.${study.status}`)}</span> · <Link to={`/research/groups/${study.group.id}`}>{t('studies.groupIs', { name: study.group.name })}</Link> ·{' '}
        {t('studies.teacherIs', { name: study.teacher.displayName })}
      </p>
      {params.get('created') ? <p role="status">{t('studies.created')}</p> : null}
      {resultFor('finish')?.ok ? <FormStatus result={resultFor('finish')} /> : null}
      {study.resource ? (
        <p className="study-outcome">
          {t('studies.publishedAs')}
          <span className="exemplary-badge">{t('studies.exemplary')}</span> <Link to={`/library/${study.resource.id}`}>{study.resource.title}</Link>
        </p>
      ) : null}

      <section aria-labelledby="rounds-title">
        <h2 id="rounds-title">{t('studies.roundsHeading')}</h2>
        <ol className="study-rounds">
          {study.rounds.map((round) => (
            <li key={round.number}>
              <h3>
                <Link to={`/research/studies/${study.id}/rounds/${round.number}`}>{t('studies.round', { number: round.number })}</Link>
              </h3>
              <p>{t('studies.roundFacts', { version: round.planVersion, notes: round.notes, video: round.hasVideo ? t('studies.hasVideo') : t('studies.noVideo') })}</p>
              <RubricSummaryTable summary={round.summary} round={round.number} />
            </li>
          ))}
        </ol>
        {study.rounds.length > 1 ? (
          <p>
            <Link to={`/research/studies/${study.id}/diff`}>{t('studies.plan.compareRounds', { round: study.rounds.length - 1 })}</Link>
          </p>
        ) : null}
        {study.can.addRound ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="addRound" />
            <p className="hint">{t('studies.addRoundHint')}</p>
            <FormStatus result={resultFor('addRound')} />
            <button type="submit">{t('studies.addRound')}</button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="dimensions-title">
        <h2 id="dimensions-title">{t('studies.dimensions.heading')}</h2>
        {study.can.configure ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="dimensions" />
            <FormStatus result={resultFor('dimensions')} />
            <Field label={t('studies.fields.dimensions')} name="dimensions" errors={fieldErrorsOf(resultFor('dimensions'))} hint={t('studies.fields.dimensionsHint')}>
              {(props) => <textarea {...props} rows={Math.max(4, study.dimensions.length + 1)} defaultValue={study.dimensions.map((d) => d.label).join('\n')} />}
            </Field>
            <button type="submit">{t('studies.dimensions.save')}</button>
          </Form>
        ) : (
          <ul>
            {study.dimensions.map((d) => (
              <li key={d.key}>{d.label}</li>
            ))}
          </ul>
        )}
      </section>

      {study.can.finish ? <FinishForm study={study} result={resultFor('finish')} /> : null}
      {study.finishedAt ? <p className="card-meta">{new Date(study.finishedAt).toLocaleString(i18n.language)}</p> : null}
    </article>
  )
}

function FinishForm({ study, result }: { study: ReturnType<typeof useLoaderData<typeof loader>>['study']; result?: StudyResult }) {
  const { t } = useTranslation()
  const errors = fieldErrorsOf(result)
  const message = useMessage()
  const navigation = useNavigation()
  const [schoolType, setSchoolType] = useState<SchoolType>('peizhi')
  const [stage, setStage] = useState<Stage>('primary')
  const subjects = subjectsOf(schoolType, stage)
  return (
    <section aria-labelledby="finish-title" className="study-finish">
      <h2 id="finish-title">{t('studies.finish.heading')}</h2>
      <p>{t('studies.finish.intro')}</p>
      <p className="hint">{study.can.reviewOnFinish ? t('studies.finish.reviewHint') : t('studies.finish.queueHint')}</p>
      {result && !result.ok ? <FormStatus result={result} /> : null}
      {/* What the library needs that is not a field here (the plan's text, its pictures' descriptions). */}
      {(['body', 'variants', 'files'] as const).filter((k) => errors[k]).map((k) => (
        <p key={k} className="field-error" role="alert">
          {message(errors[k])}
        </p>
      ))}
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="finish" />
        <Field label={t('library.fields.title')} name="title" errors={errors} required>
          {(props) => <input {...props} defaultValue={study.title} maxLength={120} />}
        </Field>
        <Field label={t('library.fields.summary')} name="summary" errors={errors} required>
          {(props) => <textarea {...props} rows={3} maxLength={600} />}
        </Field>
        <Field label={t('library.fields.schoolType')} name="schoolType" errors={errors} required>
          {(props) => (
            <select {...props} value={schoolType} onChange={(e) => setSchoolType(e.target.value as SchoolType)}>
              {schoolTypes.map((v) => (
                <option key={v} value={v}>
                  {t(`library.schoolTypes.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('library.fields.stage')} name="stage" errors={errors} required>
          {(props) => (
            <select {...props} value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
              {stages.map((v) => (
                <option key={v} value={v}>
                  {t(`stages.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('library.fields.subject')} name="subject" errors={errors} required>
          {(props) => (
            <select {...props} key={`${schoolType}-${stage}`}>
              {subjects.map((v) => (
                <option key={v} value={v}>
                  {t(`library.subjects.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('library.fields.grade')} name="grade" errors={errors}>
          {(props) => (
            <select {...props} key={stage}>
              <option value="">{t('library.fields.gradeNone')}</option>
              {gradesOfStage[stage].map((g) => (
                <option key={g} value={g}>
                  {t('library.gradeN', { grade: g })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t('library.fields.categories')}</legend>
          {disabilityCategories.map((c) => (
            <label key={c} className="checkbox">
              <input type="checkbox" name="disabilityCategories" value={c} /> {t(`library.categories.${c}`)}
            </label>
          ))}
        </fieldset>
        {study.can.reviewOnFinish ? (
          <fieldset>
            <legend>{t('studies.finish.reviewScores')}</legend>
            {(['accessibility', 'curriculum', 'differentiation'] as const).map((k) => (
              <Field key={k} label={t(`library.reviewForm.${k}`)} name={k} errors={errors} required>
                {(props) => (
                  <select {...props} defaultValue="4">
                    {[5, 4, 3, 2, 1].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('studies.finish.submit')}
        </button>
      </Form>
    </section>
  )
}
