import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AssignmentsTable, ConsentPanel, DataSection, NotesSection, PracticeSection, ProfileFacts, VisitsTable } from '~/components/family/panels'
import { CsrfInput, Field, FormStatus, fieldErrorsOf } from '~/components/forms'
import { today } from '~/modules/learning/assignments.server'
import { recordPaperConsent, stateAge, withdrawConsent } from '~/modules/learning/consent.server'
import { childPage } from '~/modules/learning/family.server'
import { addNote, deleteNote } from '~/modules/learning/notes.server'
import { profileCategories } from '~/modules/learning/profiles'
import { readProfile, saveProfile } from '~/modules/learning/profiles.server'
import { variantForCategory } from '~/modules/learning/profiles'
import { AppError, type ActionResult } from '~/platform/errors'
import { pageLoader } from '~/platform/loader.server'
import { formAction, formObject, requireActor } from '~/platform/web.server'
import { familyTitle } from './students'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => familyTitle(matches, 'family.profile.title').map((m) => ('title' in m && data ? { title: `${data.profile.student.displayName} · ${m.title}` } : m))

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const id = args.params.studentId ?? ''
  const profile = await readProfile(web.rt.db, web.actor, id, { via: 'page', ip: web.ip })
  const page = await childPage(web.rt.db, web.actor, id)
  return { profile, page, today: today() }
})

export const action = formAction(async (args, form, web) => {
  const { rt, actor } = await requireActor(args)
  const id = args.params.studentId ?? ''
  const values = formObject(form) as Record<string, string>
  const intent = values.intent
  try {
    switch (intent) {
      case 'profile':
        await saveProfile(rt.db, actor, id, values, { ip: web.ip })
        return { ok: true as const, intent, message: { key: 'family.profile.saved' } }
      case 'paper-consent':
        await recordPaperConsent(rt.db, actor, id, values)
        return { ok: true as const, intent, message: { key: 'family.consent.given' } }
      case 'withdraw':
        await withdrawConsent(rt.db, actor, id)
        return { ok: true as const, intent, message: { key: 'family.consent.withdrawn' } }
      case 'age':
        await stateAge(rt.db, actor, id, values)
        return { ok: true as const, intent, message: { key: 'family.consent.ageSaved' } }
      case 'note':
        await addNote(rt.db, actor, id, values)
        return { ok: true as const, intent, message: { key: 'family.notes.added' } }
      case 'delete-note':
        await deleteNote(rt.db, actor, values.noteId ?? '')
        return { ok: true as const, intent, message: { key: 'family.notes.deleted' } }
      default:
        throw new AppError(400, { key: 'errors.badRequest' })
    }
  } catch (error) {
    if (error instanceof AppError) return data({ ok: false as const, intent, error: { message: error.userMessage, fields: error.options.fields }, values }, { status: error.status })
    throw error
  }
})

type Result = ActionResult & { intent?: string; values?: Record<string, string> }

export default function StudentProfilePage() {
  const { profile, page, today } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as Result | undefined
  const { t } = useTranslation()
  const errorsFor = (intent: string) => (result?.intent === intent ? fieldErrorsOf(result) : {})
  const resultFor = (intents: string[]) => (result && intents.includes(result.intent ?? '') ? result : undefined)
  const isTeacher = profile.relation === 'teacher'
  const p = profile.profile
  const kept = result?.intent === 'profile' && !result.ok ? result.values : undefined
  const variant = variantForCategory(p?.disabilityCategory)
  return (
    <article aria-labelledby="student-title">
      <h1 id="student-title">{profile.student.displayName}</h1>
      <p className="hint">{t('family.profile.privacy')}</p>
      <FormStatus result={resultFor(['paper-consent', 'withdraw', 'age'])} />
      <ConsentPanel consent={profile.consent} relation={isTeacher ? 'teacher' : 'family'} errors={{ ...errorsFor('paper-consent'), ...errorsFor('age') }} />

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('family.profile.title')}</h2>
        <FormStatus result={resultFor(['profile'])} />
        <ProfileFacts profile={p} />
        {isTeacher ? (
          <Form method="post" key={JSON.stringify(p)}>
            <CsrfInput />
            <Field label={t('family.profile.category')} name="disabilityCategory" errors={errorsFor('profile')}>
              {(props) => (
                <select {...props} defaultValue={kept?.disabilityCategory ?? p?.disabilityCategory ?? ''}>
                  <option value="">{t('family.profile.notRecorded')}</option>
                  {profileCategories.map((c) => (
                    <option key={c} value={c}>
                      {t(`family.categories.${c}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('family.profile.supportNeeds')} name="supportNeeds" hint={t('family.profile.supportHint')} errors={errorsFor('profile')}>
              {(props) => <textarea {...props} rows={3} defaultValue={kept?.supportNeeds ?? p?.supportNeeds ?? ''} />}
            </Field>
            <button type="submit" name="intent" value="profile">
              {t('family.profile.save')}
            </button>
          </Form>
        ) : null}
        <h3>{t('family.profile.preferences')}</h3>
        <p>
          <a href={`/learn/preferences?student=${profile.student.id}`}>{t('family.profile.preferencesLink')}</a>
        </p>
        {isTeacher ? (
          <p>
            <a href={`/students/offline${variant ? `?variant=${variant}` : ''}`}>{t('family.students.offline')}</a>
          </p>
        ) : null}
      </section>

      <AssignmentsTable assignments={page.assignments} progress={page.progress} />
      <FormStatus result={resultFor(['note', 'delete-note'])} />
      <NotesSection notes={page.notes} canWrite={isTeacher} errors={errorsFor('note')} />
      <PracticeSection practice={page.practice} canWrite={false} errors={{}} today={today} />
      <section aria-labelledby="visits-title">
        <h2 id="visits-title">{t('family.visits.title')}</h2>
        <VisitsTable visits={page.visits} showStudent={false} />
        {isTeacher ? (
          <p>
            <a href={`/students/visits?student=${profile.student.id}`}>{t('family.visits.newTitle')}</a>
          </p>
        ) : null}
      </section>
      <DataSection studentId={profile.student.id} />
    </article>
  )
}
