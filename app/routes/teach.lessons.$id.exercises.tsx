import { data, unstable_parseMultipartFormData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, FormStatus, useMessage } from '~/components/forms'
import { learningTitle } from '~/components/learning/title'
import { exerciseInputFromForm, exerciseKinds, pictureSlots, type ExerciseKind, type MatchingData, type OrderingData, type PictureChoiceData, type YesNoData } from '~/modules/learning/exercises'
import { createExercise, deleteExercise, lessonExercises, moveExercise, updateExercise, uploadExerciseImage } from '~/modules/learning/exercises.server'
import { csrfField, csrfIsValid } from '~/platform/csrf.server'
import { AppError, badInput, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, requireActor } from '~/platform/web.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => learningTitle(matches, 'learning.exercises.title', { title: data?.lesson.title ?? '' })

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  return lessonExercises(web.rt.db, web.actor, args.params.id ?? '')
})

/** Adding an exercise is a multipart post (pictures stream into the store once the CSRF field has been checked); the rest are plain posts. */
export async function action(args: ActionFunctionArgs) {
  if (!(args.request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return listAction(args)
  const web = await requireActor(args)
  const resourceId = args.params.id ?? ''
  const fields = new Map<string, string>()
  const images: Record<number, string> = {}
  try {
    await lessonExercises(web.rt.db, web.actor, resourceId)
    await unstable_parseMultipartFormData(args.request, async (part) => {
      if (part.filename === undefined) {
        const chunks: Uint8Array[] = []
        let size = 0
        for await (const chunk of part.data) {
          size += chunk.length
          if (size > 64 * 1024) throw new AppError(400, { key: 'errors.badRequest' })
          chunks.push(chunk)
        }
        fields.set(part.name, Buffer.concat(chunks).toString('utf8'))
        return undefined
      }
      if (!(await csrfIsValid(web.cookies, web.rt.config.sessionSecret, args.request, fields.get(csrfField) ?? null))) throw new AppError(403, { key: 'errors.csrf' })
      const slot = /^image([1-9])$/.exec(part.name)?.[1]
      if (!part.filename || !slot || Number(slot) > pictureSlots) {
        for await (const _ of part.data) void _
        return undefined
      }
      images[Number(slot)] = (await uploadExerciseImage(web.rt, web.actor, { fileName: part.filename, body: part.data })).id
      return undefined
    })
    if (!(await csrfIsValid(web.cookies, web.rt.config.sessionSecret, args.request, fields.get(csrfField) ?? null))) throw new AppError(403, { key: 'errors.csrf' })
    const intent = fields.get('intent')
    if (intent && intent !== 'add') return await listIntent(web, resourceId, intent, fields.get('exerciseId') ?? '')
    // Editing: a picture not replaced keeps the one it had.
    for (let n = 1; n <= pictureSlots; n++) if (!images[n] && fields.get(`keep${n}`)) images[n] = fields.get(`keep${n}`)!
    const built = exerciseInputFromForm((name) => fields.get(name) ?? '', images)
    if ('badPairLine' in built) throw badInput({ pairs: { key: 'learning.errors.pairFormat', params: { line: built.badPairLine } } })
    const editing = fields.get('exerciseId')
    if (editing) {
      await updateExercise(web.rt.db, web.actor, resourceId, editing, built.input)
      return data<ActionResult>({ ok: true, message: { key: 'learning.exercises.updated' } })
    }
    await createExercise(web.rt.db, web.actor, resourceId, built.input)
    return data<ActionResult>({ ok: true, message: { key: 'learning.exercises.added' } })
  } catch (error) {
    if (error instanceof AppError) return data<ActionResult>({ ok: false, error: { message: error.userMessage, fields: error.options.fields } }, { status: error.status })
    throw error
  }
}

const listAction = formAction(async (args, form) => {
  const web = await requireActor(args)
  return listIntent(web, args.params.id ?? '', String(form.get('intent') ?? ''), String(form.get('exerciseId') ?? ''))
})

/** Delete, move up, move down: plain posts (or multipart ones, as some clients send every form). */
async function listIntent(web: Awaited<ReturnType<typeof requireActor>>, resourceId: string, intent: string, exerciseId: string) {
  if (intent === 'delete') {
    await deleteExercise(web.rt.db, web.actor, resourceId, exerciseId)
    return data<ActionResult>({ ok: true, message: { key: 'learning.exercises.deleted' } })
  }
  if (intent === 'up' || intent === 'down') {
    await moveExercise(web.rt.db, web.actor, resourceId, exerciseId, intent)
    return data<ActionResult>({ ok: true, message: { key: 'learning.exercises.moved' } })
  }
  throw badInput({}, 'errors.badRequest')
}

export default function ExerciseEditor() {
  const { t } = useTranslation()
  const message = useMessage()
  const { lesson, exercises } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const editing = exercises.find((e) => e.id === params.get('edit') && e.canEdit) ?? null
  const [kind, setKind] = useState<ExerciseKind>(editing?.kind ?? 'yes_no')
  useEffect(() => setKind(editing?.kind ?? 'yes_no'), [editing?.id]) // eslint-disable-line react-hooks/exhaustive-deps
  // What the form starts with when an exercise is being changed.
  const start = {
    prompt: editing?.prompt ?? '',
    yes: editing?.kind === 'yes_no' ? (editing.data as YesNoData).answer : true,
    pairs: editing?.kind === 'matching' ? (editing.data as MatchingData).pairs.map((p) => `${p.left} = ${p.right}`).join('\n') : '',
    items: editing?.kind === 'ordering' ? (editing.data as OrderingData).items.join('\n') : '',
    pictures: editing?.kind === 'picture_choice' ? (editing.data as PictureChoiceData) : null,
  }
  const fields = result && !result.ok ? (result.error.fields ?? {}) : {}
  const answerOf = (e: (typeof exercises)[number]) => {
    switch (e.kind) {
      case 'yes_no':
        return (e.data as YesNoData).answer ? t('learning.player.yes') : t('learning.player.no')
      case 'matching':
        return (e.data as MatchingData).pairs.map((p) => `${p.left} = ${p.right}`).join('；')
      case 'ordering':
        return (e.data as OrderingData).items.join(' → ')
      case 'picture_choice': {
        const d = e.data as PictureChoiceData
        return d.options[d.correct]?.alt ?? ''
      }
    }
  }
  return (
    <section aria-labelledby="exercises-title" className="exercise-editor">
      <p>
        <Link to="/teach">← {t('learning.exercises.back')}</Link>
      </p>
      <h1 id="exercises-title">{t('learning.exercises.title', { title: lesson.title })}</h1>
      <p>{t('learning.exercises.intro')}</p>
      <FormStatus result={result} />
      {Object.keys(fields).length ? (
        <ul className="field-errors">
          {Object.entries(fields).map(([field, m]) => (
            <li key={field} className="field-error">
              {message(m)}
            </li>
          ))}
        </ul>
      ) : null}

      <h2>{t('learning.exercises.list')}</h2>
      {exercises.length === 0 ? (
        <p>{t('learning.exercises.none')}</p>
      ) : (
        <ol className="exercise-list">
          {exercises.map((e, i) => (
            <li key={e.id}>
              <p>
                <strong>{t(`learning.exercises.kinds.${e.kind}`)}</strong>：{e.prompt}
              </p>
              <p className="hint">{t('learning.exercises.answerIs', { answer: answerOf(e) })}</p>
              {e.canEdit ? (
                <Form method="post" className="button-row">
                  <CsrfInput />
                  <input type="hidden" name="exerciseId" value={e.id} />
                  <Link to={`?edit=${e.id}#exercise-form-title`} className="button secondary" aria-label={`${t('common.edit')}：${e.prompt}`}>
                    {t('common.edit')}
                  </Link>
                  <button type="submit" name="intent" value="up" className="secondary" disabled={i === 0} aria-label={`${t('learning.exercises.up')}：${e.prompt}`}>
                    {t('learning.exercises.up')}
                  </button>
                  <button type="submit" name="intent" value="down" className="secondary" disabled={i === exercises.length - 1} aria-label={`${t('learning.exercises.down')}：${e.prompt}`}>
                    {t('learning.exercises.down')}
                  </button>
                  <button type="submit" name="intent" value="delete" className="secondary" aria-label={`${t('learning.exercises.delete')}：${e.prompt}`}>
                    {t('learning.exercises.delete')}
                  </button>
                </Form>
              ) : (
                <p className="hint">{t('learning.exercises.byOther')}</p>
              )}
            </li>
          ))}
        </ol>
      )}

      <h2 id="exercise-form-title">{editing ? t('learning.exercises.editing', { prompt: editing.prompt }) : t('learning.exercises.add')}</h2>
      {editing ? (
        <p>
          <Link to={`/teach/lessons/${lesson.id}/exercises`}>{t('learning.exercises.cancelEdit')}</Link>
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" key={editing?.id ?? 'new'} aria-labelledby="exercise-form-title">
        <CsrfInput />
        {editing ? <input type="hidden" name="exerciseId" value={editing.id} /> : null}
        <div className="field">
          <label htmlFor="exercise-kind">{t('learning.exercises.kind')}</label>
          <select id="exercise-kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as ExerciseKind)}>
            {exerciseKinds.map((k) => (
              <option key={k} value={k}>
                {t(`learning.exercises.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="exercise-prompt">{t('learning.exercises.prompt')}</label>
          <input id="exercise-prompt" name="prompt" maxLength={300} required defaultValue={start.prompt} aria-invalid={fields.prompt ? true : undefined} />
        </div>
        {kind === 'yes_no' ? (
          <fieldset>
            <legend>{t('learning.exercises.yesNoAnswer')}</legend>
            <label className="choice">
              <input type="radio" name="yesNoAnswer" value="yes" defaultChecked={start.yes} />
              {t('learning.player.yes')}
            </label>
            <label className="choice">
              <input type="radio" name="yesNoAnswer" value="no" defaultChecked={!start.yes} />
              {t('learning.player.no')}
            </label>
          </fieldset>
        ) : null}
        {kind === 'matching' ? (
          <div className="field">
            <label htmlFor="exercise-pairs">{t('learning.exercises.pairs')}</label>
            <textarea id="exercise-pairs" name="pairs" rows={5} defaultValue={start.pairs} aria-invalid={fields.pairs ? true : undefined} />
          </div>
        ) : null}
        {kind === 'ordering' ? (
          <div className="field">
            <label htmlFor="exercise-items">{t('learning.exercises.items')}</label>
            <textarea id="exercise-items" name="items" rows={5} defaultValue={start.items} />
          </div>
        ) : null}
        {kind === 'picture_choice' ? (
          <fieldset className="picture-slots">
            <legend>{t('learning.exercises.pictures')}</legend>
            {Array.from({ length: pictureSlots }, (_, i) => i + 1).map((n) => (
              <div key={n} className="picture-slot">
                <div className="field">
                  <label htmlFor={`exercise-alt${n}`}>{t('learning.exercises.alt', { n })}</label>
                  <input id={`exercise-alt${n}`} name={`alt${n}`} maxLength={200} defaultValue={start.pictures?.options[n - 1]?.alt ?? ''} />
                </div>
                <div className="field">
                  <label htmlFor={`exercise-label${n}`}>{t('learning.exercises.label', { n })}</label>
                  <input id={`exercise-label${n}`} name={`label${n}`} maxLength={60} defaultValue={start.pictures?.options[n - 1]?.label ?? ''} />
                </div>
                {start.pictures?.options[n - 1] ? (
                  <p className="picture-current">
                    <img src={`/learn/images/${start.pictures.options[n - 1]!.imageId}`} alt={start.pictures.options[n - 1]!.alt} width={96} height={96} />
                    <input type="hidden" name={`keep${n}`} value={start.pictures.options[n - 1]!.imageId} />
                    <span className="hint">{t('learning.exercises.keepPicture')}</span>
                  </p>
                ) : null}
                <div className="field">
                  <label htmlFor={`exercise-image${n}`}>{t('learning.exercises.pictureFile', { n })}</label>
                  <input id={`exercise-image${n}`} name={`image${n}`} type="file" accept="image/png,image/jpeg,image/gif,image/webp" />
                </div>
                <label className="choice">
                  <input type="radio" name="correct" value={String(n)} defaultChecked={start.pictures ? start.pictures.correct === n - 1 : n === 1} />
                  {t('learning.exercises.correctPicture')}：{t('learning.exercises.picture', { n })}
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <button type="submit">{editing ? t('learning.exercises.saveChanges') : t('learning.exercises.save')}</button>
      </Form>
    </section>
  )
}
