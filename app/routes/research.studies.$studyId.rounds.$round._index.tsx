import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useRevalidator, useRouteLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus, fieldErrorsOf, useMessage } from '~/components/forms'
import { RichTextEditor } from '~/components/library/rich-text-editor'
import { MediaStatusBadge, ProcessingStatus } from '~/components/media/status'
import { Uploader } from '~/components/media/Uploader'
import { RichText } from '~/components/rich-text'
import { studiesTitle } from '~/components/studies/meta'
import { ObservationPanel } from '~/components/studies/studies-observation'
import { RubricSummaryTable } from '~/components/studies/studies-rubric-summary'
import { emptyDoc } from '~/modules/library/rich-text'
import { getAssetDetail, getPlayerSource } from '~/modules/media/index.server'
import { maxUploadBytes } from '~/modules/media/uploads.server'
import { addNote, attachVideo, comparePlans, deleteNote, getRound, saveReflection, saveScores } from '~/modules/research/studies.server'
import { cutWords } from '~/modules/search/words.server'
import { PlanDiffView } from '~/components/studies/studies-diff-view'
import { maxScore, minScore } from '~/modules/research/studies/rubric'
import { parseTime } from '~/modules/research/studies/timeline'
import { AppError, badInput, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => studiesTitle(matches, data ? `${data.round.study.title} · ${data.round.number}` : undefined)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const round = await getRound(web.rt.db, web.actor, args.params.studyId ?? '', Number(args.params.round))
  const assetId = round.videoAssetId
  const [source, detail] = assetId
    ? await Promise.all([getPlayerSource(web.rt.db, web.actor, assetId).catch(() => null), getAssetDetail(web.rt.db, web.actor, assetId).catch(() => null)])
    : [null, null]
  // From round 2 on, the page shows what changed since the round before.
  const changes = round.previousPlan ? (await comparePlans(web.rt.db, web.actor, round.study.id, { from: round.previousPlan, to: round.plan.number }, cutWords)).diff : null
  return { round, changes, source, asset: detail?.asset ?? null, canManageVideo: detail?.canManage ?? false, maxGigabytes: Math.round(maxUploadBytes / 1024 ** 3) }
})

type RoundResult = ActionResult & { intent?: string }

export const action = formAction(async (args, form, web) => {
  const { actor } = await requireActor(args)
  const studyId = args.params.studyId ?? ''
  const number = Number(args.params.round)
  const db = web.rt.db
  const intent = String(form.get('intent') ?? '')
  const ok = (key: string) => ({ ok: true, intent, message: { key } }) satisfies RoundResult
  try {
    switch (intent) {
      case 'attachVideo':
        await attachVideo(db, actor, studyId, number, { assetId: form.get('assetId') })
        return ok('studies.video.attached')
      case 'note': {
        const atSeconds = parseTime(String(form.get('atSeconds') ?? ''))
        if (atSeconds === null) throw badInput({ atSeconds: { key: 'studies.errors.noteTime' } })
        await addNote(db, actor, studyId, number, { atSeconds, body: form.get('body') })
        return ok('studies.notes.added')
      }
      case 'deleteNote':
        await deleteNote(db, actor, studyId, number, String(form.get('noteId') ?? ''))
        return ok('studies.notes.deleted')
      case 'scores': {
        const scores = [...form.keys()]
          .filter((key) => key.startsWith('score.') && form.get(key) !== '')
          .map((key) => {
            const dimension = key.slice('score.'.length)
            return { dimension, score: form.get(key), comment: form.get(`comment.${dimension}`) ?? '' }
          })
        await saveScores(db, actor, studyId, number, { scores })
        return ok('studies.rubric.saved')
      }
      case 'reflection':
        await saveReflection(db, actor, studyId, number, { doc: form.get('reflection') })
        return ok('studies.reflection.saved')
      default:
        throw new AppError(400, { key: 'errors.badRequest' })
    }
  } catch (error) {
    if (error instanceof AppError) return data<RoundResult>({ ok: false, intent, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    throw error
  }
})

export default function RoundPage() {
  const { t, i18n } = useTranslation()
  const { round, changes, source, asset, canManageVideo, maxGigabytes } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as RoundResult | undefined
  const resultFor = (intent: string) => (result?.intent === intent ? result : undefined)
  const [params] = useSearchParams()
  const revalidator = useRevalidator()
  const fetcher = useFetcher<RoundResult>()
  const root = useRouteLoaderData<{ csrf: string }>('root')
  const study = round.study
  const base = `/research/studies/${study.id}`
  const processing = asset?.status === 'queued' || asset?.status === 'processing' || asset?.status === 'uploading'
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language)
  const saved = params.get('saved')

  // While the video is being made, the page refreshes itself so the player appears when it is ready.
  useEffect(() => {
    if (!processing) return
    const timer = window.setInterval(() => {
      if (revalidator.state === 'idle' && document.visibilityState === 'visible') revalidator.revalidate()
    }, 2000)
    return () => window.clearInterval(timer)
  }, [processing, revalidator])

  return (
    <article aria-labelledby="round-title" className="studies-page round-page">
      <p>
        <Link to={base}>{t('studies.backToStudy', { title: study.title })}</Link>
      </p>
      <h1 id="round-title">
        {study.title} · {t('studies.round', { number: round.number })}
      </h1>
      <p>
        {t('studies.groupIs', { name: study.group.name })} · {t('studies.teacherIs', { name: study.teacher.displayName })}
        {study.status === 'finished' ? ` · ${t('studies.status.finished')}` : null}
      </p>
      {round.rounds.length > 1 ? (
        <nav aria-label={t('studies.roundNav')} className="subnav">
          <ul>
            {round.rounds.map((n) => (
              <li key={n}>
                <Link to={`${base}/rounds/${n}`} aria-current={n === round.number ? 'page' : undefined}>
                  {t('studies.round', { number: n })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {saved ? (
        <p role="status" className="notice notice-success">
          {t('studies.plan.saved', { number: saved })}
        </p>
      ) : null}

      <section aria-labelledby="video-title">
        <h2 id="video-title">{t('studies.video.heading')}</h2>
        <p className="hint">{t('studies.video.private')}</p>
        {resultFor('attachVideo') ? <FormStatus result={resultFor('attachVideo')} /> : null}
        {fetcher.data && !fetcher.data.ok ? <FormStatus result={fetcher.data} /> : null}
        {asset && !source ? (
          <>
            <p>
              <MediaStatusBadge asset={asset} />
            </p>
            <ProcessingStatus asset={asset} canManage={canManageVideo} />
          </>
        ) : null}
        {!round.videoAssetId ? <p>{t('studies.video.none')}</p> : null}
        {round.videoAssetId && canManageVideo ? (
          <p>
            <Link to={`/media/${round.videoAssetId}`}>{t('studies.video.manage')}</Link>
          </p>
        ) : null}
        {round.can.attachVideo && (!asset || asset.status === 'failed') ? (
          <Uploader
            label={t('studies.video.file')}
            withTitle
            metadata={{}}
            maxGigabytes={maxGigabytes}
            onUploaded={(assetId) => fetcher.submit({ intent: 'attachVideo', assetId, csrf: root?.csrf ?? '' }, { method: 'post' })}
          />
        ) : null}
      </section>

      <section aria-labelledby="notes-title">
        <h2 id="notes-title">{t('studies.notes.heading')}</h2>
        <ObservationPanel source={source} notes={round.notes} canNote={round.can.note} result={resultFor('note') ?? resultFor('deleteNote')} />
      </section>

      <section aria-labelledby="rubric-title">
        <h2 id="rubric-title">{t('studies.summary.heading')}</h2>
        <RubricSummaryTable summary={round.summary} round={round.number} />
        {round.can.score ? <ScoresForm round={round} result={resultFor('scores')} /> : study.status === 'active' ? <p className="hint">{t('studies.rubric.teacherNote')}</p> : null}
        {round.scores.length ? <AllScores round={round} /> : null}
      </section>

      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t('studies.plan.heading')}</h2>
        <p>{t('studies.plan.current', { number: round.plan.number, author: round.plan.author, time: time(round.plan.createdAt) })}</p>
        <ul className="plan-actions">
          {round.can.editPlan ? (
            <li>
              <Link to={`${base}/rounds/${round.number}/plan`}>{t('studies.plan.edit')}</Link>
            </li>
          ) : null}
          {round.previousPlan ? (
            <li>
              <Link to={`${base}/diff?from=${round.previousPlan}&to=${round.plan.number}`}>{t('studies.plan.compareRounds', { round: round.number - 1 })}</Link>
            </li>
          ) : null}
        </ul>
        {!round.can.editPlan && study.status === 'active' ? <p className="hint">{t('studies.plan.readOnly')}</p> : null}
        <div className="study-plan">
          <RichText doc={round.plan.doc} />
        </div>
        {changes ? (
          <section aria-labelledby="changes-title">
            <h3 id="changes-title">{t('studies.plan.changesSince', { round: round.number - 1 })}</h3>
            <PlanDiffView diff={changes} showUnchanged={false} />
          </section>
        ) : null}
        <h3>{t('studies.plan.versions')}</h3>
        <ol className="plan-versions" reversed>
          {round.versions.map((v) => (
            <li key={v.number}>
              {t('studies.plan.versionItem', { number: v.number, author: v.author, time: time(v.createdAt) })}
              {v.baseNumber ? ` ${t('studies.plan.basedOn', { number: v.baseNumber })}` : null}
              {v.baseNumber ? (
                <>
                  {' '}
                  <Link to={`${base}/diff?from=${v.baseNumber}&to=${v.number}`} aria-label={`${t('studies.plan.compare')}：${t('studies.plan.versionItem', { number: v.number, author: v.author, time: time(v.createdAt) })}`}>
                    {t('studies.plan.compare')}
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="reflection-title">
        <h2 id="reflection-title">{t('studies.reflection.heading')}</h2>
        {round.reflectionUpdatedAt ? <p className="hint">{t('studies.reflection.updated', { time: time(round.reflectionUpdatedAt) })}</p> : null}
        {round.can.reflect ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="reflection" />
            <FormStatus result={resultFor('reflection')} />
            <RichTextEditor name="reflection" label={t('studies.reflection.editor')} initial={round.reflection ?? emptyDoc()} />
            <button type="submit">{t('studies.reflection.save')}</button>
          </Form>
        ) : round.reflection ? (
          <RichText doc={round.reflection} />
        ) : (
          <p>{t('studies.reflection.none')}</p>
        )}
      </section>
    </article>
  )
}

type RoundData = ReturnType<typeof useLoaderData<typeof loader>>['round']

function ScoresForm({ round, result }: { round: RoundData; result?: RoundResult }) {
  const { t } = useTranslation()
  const message = useMessage()
  const errors = fieldErrorsOf(result)
  const navigation = useNavigation()
  const choices = Array.from({ length: maxScore - minScore + 1 }, (_, i) => minScore + i)
  return (
    <section aria-labelledby="my-scores-title" className="scores-form">
      <h3 id="my-scores-title">{t('studies.rubric.heading')}</h3>
      <p className="hint">{t('studies.rubric.intro')}</p>
      <FormStatus result={result} />
      {errors.scores ? <p className="field-error">{message(errors.scores)}</p> : null}
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="scores" />
        {round.study.dimensions.map((d) => {
          const mine = round.myScores[d.key]
          return (
            <fieldset key={d.key} className="score-dimension">
              <legend>{d.label}</legend>
              <div className="score-choices">
                <label>
                  <input type="radio" name={`score.${d.key}`} value="" defaultChecked={!mine} /> {t('studies.rubric.notScored')}
                </label>
                {choices.map((n) => (
                  <label key={n}>
                    <input type="radio" name={`score.${d.key}`} value={n} defaultChecked={mine?.score === n} /> {n}
                  </label>
                ))}
              </div>
              <Field label={t('studies.rubric.commentOf', { label: d.label })} name={`comment.${d.key}`} errors={errors}>
                {(props) => <textarea {...props} rows={2} maxLength={2000} defaultValue={mine?.comment ?? ''} />}
              </Field>
            </fieldset>
          )
        })}
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('studies.rubric.save')}
        </button>
      </Form>
    </section>
  )
}

function AllScores({ round }: { round: RoundData }) {
  const { t } = useTranslation()
  const observers = [...new Map(round.scores.map((s) => [s.observerId, s.observer])).entries()]
  return (
    <div className="table-scroll">
      <table className="rubric-scores">
        <caption>{t('studies.rubric.all')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('studies.rubric.observer')}</th>
            {round.study.dimensions.map((d) => (
              <th key={d.key} scope="col">
                {d.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {observers.map(([id, name]) => (
            <tr key={id}>
              <th scope="row">{name}</th>
              {round.study.dimensions.map((d) => {
                const s = round.scores.find((x) => x.observerId === id && x.dimension === d.key)
                return (
                  <td key={d.key}>
                    {s ? s.score : t('studies.summary.none')}
                    {s?.comment ? <p className="score-comment">{s.comment}</p> : null}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
