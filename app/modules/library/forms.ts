import { variantKeys } from './taxonomy'

/**
 * The authoring form's fields as the resource input the API also takes. Plain fields keep their
 * names; the kind's own fields are `details.<name>`; each variant is `variant.<key>.<part>`, present
 * when its `include` box is ticked; rich text arrives as Tiptap JSON in hidden fields.
 */
export function resourceInputFromForm(form: FormData): Record<string, unknown> {
  const value = (name: string) => {
    const v = form.get(name)
    return typeof v === 'string' ? v : undefined
  }
  const details: Record<string, unknown> = {}
  for (const [name, v] of form.entries()) {
    if (typeof v !== 'string' || !name.startsWith('details.')) continue
    details[name.slice('details.'.length)] = v
  }
  for (const listField of ['steps', 'materials', 'terms']) {
    if (typeof details[listField] === 'string' && value('kind') !== 'lesson') details[listField] = splitLines(details[listField] as string)
  }
  if (typeof details.outline === 'string') {
    details.units = unitsFromOutline(details.outline)
    delete details.outline
  }
  const variants = variantKeys
    .filter((key) => form.get(`variant.${key}.include`) !== null)
    .map((key) => ({ key, objectives: value(`variant.${key}.objectives`) ?? '', activities: value(`variant.${key}.activities`) ?? null, assessment: value(`variant.${key}.assessment`) ?? '' }))
  return {
    kind: value('kind'),
    title: value('title'),
    summary: value('summary'),
    schoolType: value('schoolType'),
    subject: value('subject'),
    stage: value('stage'),
    grade: value('grade'),
    disabilityCategories: form.getAll('disabilityCategories').filter((v) => typeof v === 'string'),
    licence: value('licence'),
    attribution: value('attribution'),
    details,
    body: value('body') ?? null,
    variants,
    mediaAssetIds: value('mediaAssetIds') ?? '',
  }
}

export const splitLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)

export interface OutlineUnit {
  title: string
  summary: string
  lessons: { title: string; summary: string; resourceId: string | null }[]
}

/**
 * A course outline as teachers type it: `# Unit`, then `- Lesson` lines; other lines under a unit
 * or lesson are its summary. A lesson line may end with a library link (`/library/<id>`).
 */
export function unitsFromOutline(outline: string): OutlineUnit[] {
  const units: OutlineUnit[] = []
  for (const raw of outline.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line) continue
    const unit = units.at(-1)
    if (line.startsWith('#')) {
      units.push({ title: line.replace(/^#+\s*/, ''), summary: '', lessons: [] })
    } else if (/^[-*]\s*/.test(line) && unit) {
      const text = line.replace(/^[-*]\s*/, '')
      const link = text.match(/\s*\(?\/library\/([0-9a-f-]{36})\)?\s*$/i)
      unit.lessons.push({ title: link ? text.slice(0, link.index).trim() : text, summary: '', resourceId: link ? link[1]!.toLowerCase() : null })
    } else if (unit) {
      const lesson = unit.lessons.at(-1)
      if (lesson) lesson.summary = [lesson.summary, line].filter(Boolean).join('\n')
      else unit.summary = [unit.summary, line].filter(Boolean).join('\n')
    } else {
      // Text before the first unit heading still belongs somewhere visible: it opens an untitled unit.
      units.push({ title: line, summary: '', lessons: [] })
    }
  }
  return units
}

export function outlineFromUnits(units: OutlineUnit[]): string {
  return units
    .map((unit) =>
      [
        `# ${unit.title}`,
        ...(unit.summary ? [unit.summary] : []),
        ...unit.lessons.flatMap((lesson) => [`- ${lesson.title}${lesson.resourceId ? ` /library/${lesson.resourceId}` : ''}`, ...(lesson.summary ? [lesson.summary] : [])]),
      ].join('\n'),
    )
    .join('\n\n')
}
