import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus, useMessage } from '~/components/forms'
import { RichTextEditor } from '~/components/library/rich-text-editor'
import { RichText } from '~/components/rich-text'
import { studiesTitle } from '~/components/studies/meta'
import { PlanDiffView } from '~/components/studies/studies-diff-view'
import { sanitizeDoc, type RichDoc } from '~/modules/library/rich-text'
import { getRound, PlanConflictError, savePlan } from '~/modules/research/studies.server'
import { diffPlans, type PlanDiff } from '~/modules/research/studies/plan-diff'
import { cutWords } from '~/modules/search/words.server'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => studiesTitle(matches, data ? `${data.round.study.title} · ${data.round.number}` : undefined)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const round = await getRound(web.rt.db, web.actor, args.params.studyId ?? '', Number(args.params.round))
  return { round }
})

type PlanResult = ActionResult & {
  conflict?: { theirs: { number: number; doc: RichDoc; author: string; createdAt: string }; yours: RichDoc; diff: PlanDiff }
}

/**
 * Saving from a stale version is refused by the module; the page then shows both sides and how they
 * differ, and the editor starts again from either, based on the newer version, so nothing is lost.
 */
export const action = formAction(async (args, form, web) => {
  const { actor } = await requireActor(args)
  const studyId = args.params.studyId ?? ''
  const number = Number(args.params.round)
  try {
    const saved = await savePlan(web.rt.db, actor, studyId, number, { doc: form.get('doc'), baseVersion: form.get('baseVersion') })
    throw redirect(`/research/studies/${studyId}/rounds/${number}?saved=${saved.number}`)
  } catch (error) {
    if (error instanceof PlanConflictError) {
      let raw: unknown = null
      try {
        raw = JSON.parse(String(form.get('doc') ?? 'null'))
      } catch {}
      const yours = sanitizeDoc(raw)
      return data<PlanResult>({ ok: false, error: { message: error.userMessage }, conflict: { theirs: error.theirs, yours, diff: diffPlans(error.theirs.doc, yours, cutWords) } }, { status: 409 })
    }
    if (error instanceof AppError) return data<PlanResult>({ ok: false, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    throw error
  }
})

export default function PlanEditorPage() {
  const { t, i18n } = useTranslation()
  const message = useMessage()
  const { round } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as PlanResult | undefined
  const navigation = useNavigation()
  const conflict = result?.conflict
  // The version this editor started from stays its base, however often the page refreshes its data.
  const [opened] = useState(() => ({ number: round.plan.number, doc: round.plan.doc }))
  // Which text the editor starts from: the stored version, or after a conflict their version or yours.
  const [start, setStart] = useState<{ key: string; doc: RichDoc } | null>(null)
  const base = conflict ? conflict.theirs.number : opened.number
  const initial = start?.doc ?? (conflict ? conflict.yours : opened.doc)
  const editorKey = start?.key ?? (conflict ? `yours-${conflict.theirs.number}` : `v${opened.number}`)
  const newer = !conflict && round.plan.number !== opened.number ? round.plan : null
  const revalidator = useRevalidator()

  // Someone else may be editing too: the page looks for a newer version now and then and says so at once.
  useEffect(() => {
    if (!round.can.editPlan) return
    const timer = window.setInterval(() => {
      if (revalidator.state === 'idle' && navigation.state === 'idle' && document.visibilityState === 'visible') revalidator.revalidate()
    }, 10_000)
    return () => window.clearInterval(timer)
  }, [round.can.editPlan, revalidator, navigation.state])
  const studyPath = `/research/studies/${round.study.id}`
  return (
    <article aria-labelledby="plan-title" className="studies-page plan-page">
      <p>
        <Link to={`${studyPath}/rounds/${round.number}`}>{t('studies.backToStudy', { title: `${round.study.title} · ${t('studies.round', { number: round.number })}` })}</Link>
      </p>
      <h1 id="plan-title">{t('studies.plan.editTitle', { round: round.number })}</h1>
      {!round.can.editPlan ? <p className="notice">{t('studies.plan.readOnly')}</p> : null}
      {conflict ? (
        <section aria-labelledby="conflict-title" className="plan-conflict notice">
          <h2 id="conflict-title">{t('studies.conflict.heading')}</h2>
          <p role="alert">{t('studies.conflict.intro', { author: conflict.theirs.author, version: conflict.theirs.number })}</p>
          <div className="merge-columns">
            <section aria-labelledby="theirs-title">
              <h3 id="theirs-title">{t('studies.conflict.theirs', { version: conflict.theirs.number })}</h3>
              <p className="hint">{new Date(conflict.theirs.createdAt).toLocaleString(i18n.language)}</p>
              <RichText doc={conflict.theirs.doc} />
              <button type="button" className="secondary" onClick={() => setStart({ key: `theirs-${Date.now()}`, doc: conflict.theirs.doc })}>
                {t('studies.conflict.useTheirs')}
              </button>
            </section>
            <section aria-labelledby="yours-title">
              <h3 id="yours-title">{t('studies.conflict.yours')}</h3>
              <RichText doc={conflict.yours} />
              <button type="button" className="secondary" onClick={() => setStart({ key: `yours-${Date.now()}`, doc: conflict.yours })}>
                {t('studies.conflict.useYours')}
              </button>
            </section>
          </div>
          <h3>{t('studies.conflict.differences')}</h3>
          <PlanDiffView diff={conflict.diff} showUnchanged={false} />
        </section>
      ) : result && !result.ok ? (
        <FormStatus result={result} />
      ) : null}
      <div role="status" aria-live="polite">
        {newer ? <p className="notice">{t('studies.plan.newerSaved', { number: newer.number, author: newer.author })}</p> : null}
      </div>
      {round.can.editPlan ? (
        <Form method="post" className="plan-form">
          <CsrfInput />
          <input type="hidden" name="baseVersion" value={base} />
          <p className="hint">{t('studies.plan.editing', { number: base })}</p>
          <RichTextEditor key={editorKey} name="doc" label={conflict ? t('studies.conflict.merged') : t('studies.plan.editor')} initial={initial} error={message(result && !result.ok && !conflict ? result.error.fields?.doc : undefined)} />
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('studies.plan.save')}
          </button>
        </Form>
      ) : (
        <RichText doc={round.plan.doc} />
      )}
    </article>
  )
}
