import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, FormStatus, fieldErrorsOf, useMessage } from '~/components/forms'
import { RichTextEditor } from '~/components/library/rich-text-editor'
import { studiesTitle } from '~/components/studies/meta'
import { requirePermission } from '~/modules/accounts/permissions'
import { emptyDoc } from '~/modules/library/rich-text'
import { listGroups } from '~/modules/research/groups.server'
import { createStudy, teacherCandidates } from '~/modules/research/studies.server'
import { defaultDimensions } from '~/modules/research/studies/rubric'
import type { ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'

export const meta: MetaFunction = ({ matches }) => studiesTitle(matches)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args, 'author:resource')
  const { groups } = await listGroups(web.rt.db, web.actor)
  const open = groups.filter((g) => !g.archived)
  const members = Object.fromEntries(await Promise.all(open.map(async (g) => [g.id, await teacherCandidates(web.rt.db, web.actor, g.id)] as const)))
  const wanted = new URL(args.request.url).searchParams.get('group')
  return { groups: open.map((g) => ({ id: g.id, name: g.name })), members, selected: open.find((g) => g.id === wanted)?.id ?? (open.length === 1 ? open[0]!.id : ''), me: web.actor.id }
})

export const action = formAction(async (args, form, web) => {
  const { actor } = await requireActor(args)
  requirePermission(actor, 'author:resource')
  const { id } = await createStudy(web.rt.db, actor, formObject(form))
  throw redirect(`/research/studies/${id}`)
})

export default function NewStudyPage() {
  const { t } = useTranslation()
  const message = useMessage()
  const { groups, members, selected, me } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionResult | undefined
  const errors = fieldErrorsOf(result)
  const navigation = useNavigation()
  const [groupId, setGroupId] = useState(selected)
  const candidates = members[groupId] ?? []
  return (
    <section aria-labelledby="new-study-title" className="studies-page">
      <p>
        <Link to="/research/studies">{t('studies.back')}</Link>
      </p>
      <h1 id="new-study-title">{t('studies.newStudy')}</h1>
      <p>{t('studies.newIntro')}</p>
      {groups.length === 0 ? <p className="notice">{t('studies.noGroups')}</p> : null}
      <FormStatus result={result} />
      <Form method="post" className="study-form">
        <CsrfInput />
        <Field label={t('studies.fields.group')} name="groupId" errors={errors} required>
          {(props) => (
            <select {...props} value={groupId} onChange={(event) => setGroupId(event.target.value)}>
              <option value="">{t('studies.fields.chooseGroup')}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('studies.fields.title')} name="title" errors={errors} required>
          {(props) => <input {...props} maxLength={120} />}
        </Field>
        <Field label={t('studies.fields.teacher')} name="teacherId" errors={errors} hint={t('studies.fields.teacherHint')}>
          {(props) => (
            <select {...props} key={groupId} defaultValue={candidates.some((c) => c.id === me) ? me : ''}>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('studies.fields.dimensions')} name="dimensions" errors={errors} hint={t('studies.fields.dimensionsHint')}>
          {(props) => <textarea {...props} rows={5} defaultValue={defaultDimensions.map((d) => d.label).join('\n')} />}
        </Field>
        <RichTextEditor name="plan" label={t('studies.fields.plan')} hint={t('studies.fields.planHint')} initial={emptyDoc()} error={message(errors.plan)} />
        <button type="submit" disabled={navigation.state === 'submitting' || groups.length === 0}>
          {t('studies.create')}
        </button>
      </Form>
    </section>
  )
}
