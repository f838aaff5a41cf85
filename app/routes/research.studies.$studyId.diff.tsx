import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { studiesTitle } from '~/components/studies/meta'
import { PlanDiffView } from '~/components/studies/studies-diff-view'
import { comparePlans } from '~/modules/research/studies.server'
import { cutWords } from '~/modules/search/words.server'
import { pageLoader } from '~/platform/loader.server'
import { requireActor } from '~/platform/web.server'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => studiesTitle(matches, data ? `${data.study.title}` : undefined)

const versionParam = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : undefined)

export const loader = pageLoader(async (args: LoaderFunctionArgs) => {
  const web = await requireActor(args)
  const url = new URL(args.request.url)
  return comparePlans(web.rt.db, web.actor, args.params.studyId ?? '', { from: versionParam(url.searchParams.get('from')), to: versionParam(url.searchParams.get('to')) }, cutWords)
})

export default function PlanDiffPage() {
  const { t } = useTranslation()
  const { study, from, to, versions, diff } = useLoaderData<typeof loader>()
  const option = (v: (typeof versions)[number]) => (
    <option key={v.number} value={v.number}>
      {t('studies.diff.versionOption', { number: v.number, round: v.round, author: v.author })}
    </option>
  )
  return (
    <article aria-labelledby="diff-title" className="studies-page diff-page">
      <p>
        <Link to={`/research/studies/${study.id}`}>{t('studies.backToStudy', { title: study.title })}</Link>
      </p>
      <h1 id="diff-title">
        {t('studies.diff.title')} · {study.title}
      </h1>
      <p>{t('studies.diff.intro')}</p>
      <Form method="get" className="filters diff-choice">
        <div className="field">
          <label htmlFor="diff-from">{t('studies.diff.from')}</label>
          <select id="diff-from" name="from" defaultValue={from.number} key={`from-${from.number}`}>
            {versions.map(option)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="diff-to">{t('studies.diff.to')}</label>
          <select id="diff-to" name="to" defaultValue={to.number} key={`to-${to.number}`}>
            {versions.map(option)}
          </select>
        </div>
        <button type="submit">{t('studies.diff.show')}</button>
      </Form>
      <h2>{t('studies.diff.comparing', { from: from.number, fromRound: from.round, to: to.number, toRound: to.round })}</h2>
      <PlanDiffView diff={diff} />
    </article>
  )
}
