import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AssignmentsTable, ConsentPanel, DataSection, NotesSection, PracticeSection, ProfileFacts, VisitsTable } from '~/components/family/panels'
import { FormStatus, fieldErrorsOf } from '~/components/forms'
import { today } from '~/modules/learning/assignments.server'
import { giveConsent, withdrawConsent } from '~/modules/learning/consent.server'
import { addPractice, childPage } from '~/modules/learning/family.server'
import { readProfile } from '~/modules/learning/profiles.server'
import { AppError, forbidden, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { familyTitle } from './students'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => familyTitle(matches, 'family.family.title').map((m) => ('title' in m && data ? { title: `${data.page.student.displayName} · ${m.title}` } : m))

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  if (web.actor.role !== 'family') throw forbidden()
  const id = args.params.studentId ?? ''
  const page = await childPage(web.rt.db, web.actor, id)
  // The family sees the child's profile too; that read is audited like a teacher's.
  const { profile } = await readProfile(web.rt.db, web.actor, id, { via: 'family-page', ip: web.ip })
  return { page, profile, today: today() }
})

export const action = formAction(async (args, form) => {
  const { rt, actor } = await requireActor(args)
  const id = args.params.studentId ?? ''
  const values = formObject(form) as Record<string, string>
  const intent = values.intent
  try {
    switch (intent) {
      case 'consent':
        await giveConsent(rt.db, actor, id, { guardianName: values.guardianName, agree: values.agree === 'true' })
        return { ok: true as const, intent, message: { key: 'family.consent.given' } }
      case 'withdraw':
        await withdrawConsent(rt.db, actor, id)
        return { ok: true as const, intent, message: { key: 'family.consent.withdrawn' } }
      case 'practice':
        await addPractice(rt.db, actor, id, values)
        return { ok: true as const, intent, message: { key: 'family.practice.added' } }
      default:
        throw new AppError(400, { key: 'errors.badRequest' })
    }
  } catch (error) {
    if (error instanceof AppError) return data({ ok: false as const, intent, error: { message: error.userMessage, fields: error.options.fields }, values }, { status: error.status })
    throw error
  }
})

export default function ChildPage() {
  const { page, profile, today } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as (ActionResult & { intent?: string }) | undefined
  const { t } = useTranslation()
  const errorsFor = (intent: string) => (result?.intent === intent ? fieldErrorsOf(result) : {})
  const resultFor = (intents: string[]) => (result && intents.includes(result.intent ?? '') ? result : undefined)
  const consentFirst = page.consent.state === 'missing'
  return (
    <article aria-labelledby="child-title">
      <h1 id="child-title">{page.student.displayName}</h1>
      {/* Until the family has consented, that question comes first. */}
      {consentFirst ? (
        <>
          <FormStatus result={resultFor(['consent', 'withdraw'])} />
          <ConsentPanel consent={page.consent} relation="family" errors={errorsFor('consent')} />
        </>
      ) : null}
      <AssignmentsTable assignments={page.assignments} progress={page.progress} />
      <NotesSection notes={page.notes} canWrite={false} errors={{}} />
      <FormStatus result={resultFor(['practice'])} />
      <PracticeSection practice={page.practice} canWrite errors={errorsFor('practice')} today={today} />
      <section aria-labelledby="visits-title">
        <h2 id="visits-title">{t('family.visits.title')}</h2>
        <VisitsTable visits={page.visits} showStudent={false} />
      </section>
      {consentFirst ? null : (
        <>
          <FormStatus result={resultFor(['consent', 'withdraw'])} />
          <ConsentPanel consent={page.consent} relation="family" errors={errorsFor('consent')} />
        </>
      )}
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('family.profile.title')}</h2>
        <p className="hint">{t('family.profile.privacy')}</p>
        <ProfileFacts profile={profile} />
        <h3>{t('family.profile.preferences')}</h3>
        <p>
          <a href={`/learn/preferences?student=${page.student.id}`}>{t('family.profile.preferencesLink')}</a>
        </p>
      </section>
      <DataSection studentId={page.student.id} />
    </article>
  )
}
