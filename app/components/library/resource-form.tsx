import { Form } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfInput, Field, useMessage } from '~/components/forms'
import { outlineFromUnits, type OutlineUnit } from '~/modules/library/forms'
import { dataMeasures, kindTraits, lessonParts, strategyTypes, type ResourceKind } from '~/modules/library/kinds'
import { emptyDoc, type RichDoc } from '~/modules/library/rich-text'
import { disabilityCategories, gradesOfStage, isOptionalSubject, licences, schoolTypes, stages, subjectsOf, variantKeys, type SchoolType, type Stage, type VariantKey } from '~/modules/library/taxonomy'
import type { FieldErrors } from '~/platform/errors'
import { RichTextEditor } from './rich-text-editor'

export interface ResourceFormValues {
  kind: ResourceKind
  title: string
  summary: string
  schoolType: string
  subject: string
  stage: string
  grade: number | null
  disabilityCategories: string[]
  licence: string
  attribution: string
  details: Record<string, unknown>
  body: RichDoc
  variants: { key: VariantKey; objectives: string; activities: RichDoc; assessment: string }[]
  mediaAssetIds: string[]
}

type Submitted = Record<string, string | string[]> | undefined

const parseDoc = (json: string | string[] | undefined, fallback: RichDoc): RichDoc => {
  if (typeof json !== 'string') return fallback
  try {
    return JSON.parse(json) as RichDoc
  } catch {
    return fallback
  }
}

/** The authoring form for every kind: the common fields, the kind's own, the body and the variants. */
export function ResourceForm({ initial, submitted, errors, submitLabel }: { initial: ResourceFormValues; submitted: Submitted; errors: FieldErrors; submitLabel: string }) {
  const { t } = useTranslation()
  const message = useMessage()
  // After a refused post every field shows what was sent, not what was saved: nothing typed is lost.
  const text = (name: string, saved: unknown) => {
    const v = submitted?.[name]
    if (typeof v === 'string') return v
    if (Array.isArray(saved)) return saved.join('\n')
    return saved === null || saved === undefined ? '' : String(saved)
  }
  const [schoolType, setSchoolType] = useState(text('schoolType', initial.schoolType))
  const [stage, setStage] = useState(text('stage', initial.stage))
  const kind = initial.kind
  const traits = kindTraits[kind]
  const subjects = schoolType ? subjectsOf(schoolType as SchoolType) : []
  const grades = stage ? gradesOfStage[stage as Stage] ?? [] : []
  const categories = Array.isArray(submitted?.disabilityCategories) ? submitted.disabilityCategories : submitted ? [] : initial.disabilityCategories
  const details = initial.details
  const detail = (name: string) => text(`details.${name}`, details[name])
  const checked = (name: string) => (submitted ? submitted[`details.${name}`] !== undefined : details[name] === true)

  return (
    <Form method="post" noValidate className="resource-form" aria-label={submitLabel}>
      <CsrfInput />
      <input type="hidden" name="kind" value={kind} />
      <fieldset>
        <legend>{t('library.form.basics')}</legend>
        <Field label={t('library.fields.title')} name="title" errors={errors} required defaultValue={text('title', initial.title)} />
        <Field label={t('library.fields.summary')} name="summary" errors={errors} hint={t('library.fields.summaryHint')}>
          {(props) => <textarea {...props} rows={3} defaultValue={text('summary', initial.summary)} />}
        </Field>
        <Field label={t('library.fields.attribution')} name="attribution" errors={errors} required hint={t('library.fields.attributionHint')} defaultValue={text('attribution', initial.attribution)} />
        <Field label={t('library.fields.licence')} name="licence" errors={errors} required>
          {(props) => (
            <select {...props} defaultValue={text('licence', initial.licence)}>
              <option value="">{t('library.form.choose')}</option>
              {licences.map((l) => (
                <option key={l} value={l}>
                  {t(`library.licences.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('library.form.placement')}</legend>
        <Field label={t('library.fields.schoolType')} name="schoolType" errors={errors} required>
          {(props) => (
            <select {...props} value={schoolType} onChange={(e) => setSchoolType(e.target.value)}>
              <option value="">{t('library.form.choose')}</option>
              {schoolTypes.map((v) => (
                <option key={v} value={v}>
                  {t(`library.schoolTypes.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('library.fields.subject')} name="subject" errors={errors} required>
          {(props) => (
            <select {...props} defaultValue={text('subject', initial.subject)} key={schoolType}>
              <option value="">{t('library.form.choose')}</option>
              {subjects.map((v) => (
                <option key={v} value={v}>
                  {t(`library.subjects.${v}`)}
                  {isOptionalSubject(v) ? `（${t('library.optionalSubject')}）` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('library.fields.stage')} name="stage" errors={errors} required>
          {(props) => (
            <select {...props} value={stage} onChange={(e) => setStage(e.target.value)}>
              <option value="">{t('library.form.choose')}</option>
              {stages.map((v) => (
                <option key={v} value={v}>
                  {t(`stages.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('library.fields.grade')} name="grade" errors={errors}>
          {(props) => (
            <select {...props} defaultValue={text('grade', initial.grade)} key={stage}>
              <option value="">{t('library.fields.gradeNone')}</option>
              {grades.map((g) => (
                <option key={g} value={g}>
                  {t('library.gradeN', { grade: g })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="checkbox-group">
          <legend>{t('library.fields.categories')}</legend>
          {disabilityCategories.map((c) => (
            <label key={c}>
              <input type="checkbox" name="disabilityCategories" value={c} defaultChecked={categories.includes(c)} /> {t(`library.categories.${c}`)}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('library.form.kindFields', { kind: t(`library.kinds.${kind}`) })}</legend>
        <KindFields kind={kind} detail={detail} checked={checked} errors={errors} />
        <RichTextEditor
          name="body"
          label={kind === 'lesson' ? t('library.fields.procedure') : t('library.fields.body')}
          initial={parseDoc(submitted?.body, initial.body)}
          error={message(errors.body)}
        />
        {kind === 'video' ? (
          <Field label={t('library.fields.mediaAssets')} name="mediaAssetIds" errors={errors} hint={t('library.fields.mediaAssetsHint')}>
            {(props) => <textarea {...props} rows={2} defaultValue={text('mediaAssetIds', initial.mediaAssetIds)} />}
          </Field>
        ) : null}
      </fieldset>

      {traits.variants ? <Variants initial={initial.variants} submitted={submitted} errors={errors} /> : null}

      <button type="submit">{submitLabel}</button>
    </Form>
  )
}

function KindFields({ kind, detail, checked, errors }: { kind: ResourceKind; detail: (name: string) => string; checked: (name: string) => boolean; errors: FieldErrors }) {
  const { t } = useTranslation()
  const area = (name: string, label: string, rows = 3, hint?: string, required = false) => (
    <Field key={name} label={label} name={`details.${name}`} errors={errors} hint={hint} required={required}>
      {(props) => <textarea {...props} rows={rows} defaultValue={detail(name)} />}
    </Field>
  )
  const input = (name: string, label: string, type = 'text', required = false) => <Field key={name} label={label} name={`details.${name}`} errors={errors} type={type} defaultValue={detail(name)} required={required} />
  const box = (name: string, label: string) => (
    <div className="field checkbox" key={name}>
      <label>
        <input type="checkbox" name={`details.${name}`} value="true" defaultChecked={checked(name)} /> {label}
      </label>
    </div>
  )
  const select = (name: string, label: string, options: readonly string[], labelOf: (v: string) => string, required = false) => (
    <Field key={name} label={label} name={`details.${name}`} errors={errors} required={required}>
      {(props) => (
        <select {...props} defaultValue={detail(name)}>
          {required ? <option value="">{t('library.form.choose')}</option> : null}
          {options.map((v) => (
            <option key={v} value={v}>
              {labelOf(v)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
  switch (kind) {
    case 'lesson':
      return <>{lessonParts.map((part) => area(part, t(`library.lessonParts.${part}`), part === 'keywords' ? 1 : 3, part === 'keywords' ? undefined : t('library.fields.linesHint')))}</>
    case 'autism_strategy':
      return (
        <>
          {select('strategyType', t('library.fields.strategyType'), strategyTypes, (v) => t(`library.strategyTypes.${v}`), true)}
          {input('targetSkill', t('library.fields.targetSkill'), 'text', true)}
          {area('steps', t('library.fields.steps'), 6, t('library.fields.stepsHint'), true)}
          {area('materials', t('library.fields.materials'), 3, t('library.fields.linesHint'))}
          {select('dataMeasure', t('library.fields.dataMeasure'), dataMeasures, (v) => t(`library.dataMeasures.${v}`))}
          {input('dataSessions', t('library.fields.dataSessions'), 'number')}
        </>
      )
    case 'school_course':
      return (
        <>
          {input('hoursPerWeek', t('library.fields.hoursPerWeek'), 'number')}
          {area('audience', t('library.fields.audience'), 2)}
          {area('outline', t('library.fields.outline'), 10, t('library.fields.outlineHint'))}
        </>
      )
    case 'sign_language':
      return (
        <>
          {input('signSystem', t('library.fields.signSystem'))}
          {area('terms', t('library.fields.terms'), 4, t('library.fields.linesHint'))}
        </>
      )
    case 'braille':
      return (
        <>
          {select('scheme', t('library.fields.scheme'), ['common', 'current'], (v) => t(`library.fields.schemes.${v}`))}
          {select('format', t('library.fields.format'), ['brf', 'pdf', 'embossed', 'other'], (v) => t(`library.fields.formats.${v}`))}
        </>
      )
    case 'worksheet':
      return (
        <>
          {input('pages', t('library.fields.pages'), 'number')}
          {box('answerKey', t('library.fields.answerKey'))}
        </>
      )
    case 'teaching_aid':
      return (
        <>
          {area('usage', t('library.fields.usage'), 4)}
          {box('makeYourself', t('library.fields.makeYourself'))}
        </>
      )
    case 'slides':
      return input('slideCount', t('library.fields.slideCount'), 'number')
    case 'audio':
      return (
        <>
          {input('minutes', t('library.fields.minutes'), 'number')}
          {area('transcript', t('library.fields.transcript'), 6)}
        </>
      )
    case 'video':
      return (
        <>
          {input('minutes', t('library.fields.minutes'), 'number')}
          {box('captions', t('library.fields.captions'))}
          {box('signLanguage', t('library.fields.signLanguage'))}
        </>
      )
  }
}

function Variants({ initial, submitted, errors }: { initial: ResourceFormValues['variants']; submitted: Submitted; errors: FieldErrors }) {
  const { t } = useTranslation()
  const message = useMessage()
  const [included, setIncluded] = useState<Set<VariantKey>>(
    () => new Set(submitted ? variantKeys.filter((k) => submitted[`variant.${k}.include`] !== undefined) : initial.map((v) => v.key)),
  )
  const toggle = (key: VariantKey, on: boolean) => setIncluded((prev) => new Set(on ? [...prev, key] : [...prev].filter((k) => k !== key)))
  return (
    <fieldset className="variants-editor">
      <legend>{t('library.variants.title')}</legend>
      <p className="hint">{t('library.variants.intro')}</p>
      {message(errors.variants) ? <p className="field-error">{message(errors.variants)}</p> : null}
      {variantKeys.map((key) => {
        const saved = initial.find((v) => v.key === key)
        const value = (part: string, fallback: string) => {
          const v = submitted?.[`variant.${key}.${part}`]
          return typeof v === 'string' ? v : fallback
        }
        const on = included.has(key)
        return (
          <fieldset key={key} className={`variant-editor${on ? ' is-on' : ''}`}>
            <legend>{t(`library.variantNames.${key}`)}</legend>
            <label className="checkbox">
              <input type="checkbox" name={`variant.${key}.include`} value="true" checked={on} onChange={(e) => toggle(key, e.target.checked)} /> {t('library.variants.include')}
            </label>
            {on ? (
              <>
                <Field label={t('library.variants.objectives')} name={`variant.${key}.objectives`} errors={errors} hint={t('library.fields.linesHint')}>
                  {(props) => <textarea {...props} rows={3} defaultValue={value('objectives', saved?.objectives ?? '')} />}
                </Field>
                <RichTextEditor name={`variant.${key}.activities`} label={t('library.variants.activities')} initial={parseDoc(submitted?.[`variant.${key}.activities`], saved?.activities ?? emptyDoc())} />
                <Field label={t('library.variants.assessment')} name={`variant.${key}.assessment`} errors={errors} hint={t('library.fields.linesHint')}>
                  {(props) => <textarea {...props} rows={2} defaultValue={value('assessment', saved?.assessment ?? '')} />}
                </Field>
              </>
            ) : null}
          </fieldset>
        )
      })}
    </fieldset>
  )
}

export function blankResource(kind: ResourceKind, attribution: string): ResourceFormValues {
  return {
    kind,
    title: '',
    summary: '',
    schoolType: '',
    subject: '',
    stage: '',
    grade: null,
    disabilityCategories: [],
    licence: 'cc-by-sa',
    attribution,
    details: kind === 'sign_language' ? { signSystem: '国家通用手语' } : {},
    body: emptyDoc(),
    variants: kindTraits[kind].variants ? (['tier-a', 'tier-b', 'tier-c'] as const).map((key) => ({ key, objectives: '', activities: emptyDoc(), assessment: '' })) : [],
    mediaAssetIds: [],
  }
}

/** The saved course units as the outline text the form edits. */
export function detailsForForm(kind: ResourceKind, details: Record<string, unknown>): Record<string, unknown> {
  if (kind !== 'school_course') return details
  return { ...details, outline: outlineFromUnits((details.units as OutlineUnit[]) ?? []) }
}

