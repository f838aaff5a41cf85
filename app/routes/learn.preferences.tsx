import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PreferencesForm } from '~/components/learning/preferences-form'
import { learningTitle } from '~/components/learning/title'
import { getPreferences, setPreferences } from '~/modules/learning/preferences.server'
import { type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data && !data.own ? learningTitle(matches, 'learning.prefs.titleOf', { name: data.prefs.student.displayName }) : learningTitle(matches, 'learning.prefs.title')

const studentOf = (request: Request, actorId: string) => new URL(request.url).searchParams.get('student') ?? actorId

/** A student's learner preferences: the student's own page, or `?student=<id>` for a linked family or a teacher of theirs. */
export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const prefs = await getPreferences(web.rt.db, web.actor, studentOf(args.request, web.actor.id))
  return { prefs, own: prefs.student.id === web.actor.id }
})

export const action = formAction(async (args, form) => {
  const web = await requireActor(args)
  await setPreferences(web.rt.db, web.actor, studentOf(args.request, web.actor.id), formObject(form))
  return data<ActionResult>({ ok: true, message: { key: 'learning.prefs.saved' } })
})

export default function LearnerPreferencesPage() {
  const { t } = useTranslation()
  const { prefs, own } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <section aria-labelledby="prefs-title">
      <p className="big-link">
        <Link to={own ? '/learn' : `/learn?student=${prefs.student.id}`}>← {own ? t('learning.player.back') : t('learning.my.titleOf', { name: prefs.student.displayName })}</Link>
      </p>
      <h1 id="prefs-title">{own ? t('learning.prefs.title') : t('learning.prefs.titleOf', { name: prefs.student.displayName })}</h1>
      <p>{t('learning.prefs.intro')}</p>
      <PreferencesForm data={prefs} result={result} />
    </section>
  )
}
