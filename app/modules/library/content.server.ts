import { createReadStream } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { parse as parseYaml } from 'yaml'
import type { Database } from '#db/client'
import { districts, resources, schools, users } from '#db/schema'
import type { Actor } from '~/modules/accounts/actor'
import type { Queue } from '~/platform/queue.server'
import type { ObjectStore } from '~/platform/storage/object-store'
import { makeThumbnail, uploadFile } from './files.server'
import { markdownToDoc } from './markdown'
import { createResource, publishDirectly } from './resources.server'
import { loadSignGlossary } from '~/modules/signs/content.server'

/**
 * The starter corpus: one Markdown file per resource under content/resources, with YAML front matter
 * for its fields and variants, and its files under content/files. Loading is idempotent: a resource
 * is known by its file name (`content_key`) and never loaded twice, so a second run changes nothing.
 */
export const contentDir = path.resolve('content')
export const contentAuthorUsername = 'tongxing-content'

interface FrontMatter {
  kind: string
  title: string
  summary?: string
  schoolType: string
  subject: string
  stage: string
  grade?: number | null
  categories?: string[]
  licence?: string
  attribution?: string
  /** A school of the district by name, for school-based courses. */
  school?: string
  details?: Record<string, unknown>
  variants?: { key: string; objectives?: string | string[]; activities?: string; assessment?: string | string[] }[]
  files?: string[]
}

export function parseContentFile(text: string): { front: FrontMatter; body: string } {
  const match = text.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/)
  if (!match) throw new Error('missing front matter')
  return { front: parseYaml(match[1]!) as FrontMatter, body: match[2]! }
}

const joinLines = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join('\n') : (v ?? ''))

/** The disabled account the corpus is authored by: it can never sign in (no password matches). */
async function contentAuthor(db: Database, districtId: string): Promise<Actor> {
  const [existing] = await db.select().from(users).where(eq(users.username, contentAuthorUsername))
  const row =
    existing ??
    (
      await db
        .insert(users)
        .values({ username: contentAuthorUsername, displayName: '同行编写组', role: 'researcher', districtId, passwordHash: '!', active: false })
        .returning()
    )[0]!
  return { id: row.id, username: row.username, displayName: row.displayName, role: 'researcher', districtId: row.districtId, schoolId: null, locale: 'zh-CN', preferences: {} }
}

export async function loadContent(ctx: { db: Database; storage: ObjectStore; queue?: Pick<Queue, 'send'> }, options: { districtCode?: string; dir?: string } = {}) {
  const dir = options.dir ?? contentDir
  const [district] = await ctx.db.select().from(districts).where(eq(districts.code, options.districtCode ?? 'demo'))
  if (!district) return { loaded: 0, skipped: 0, reason: 'no-district' as const }
  const names = (await readdir(path.join(dir, 'resources')).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).sort()
  const author = await contentAuthor(ctx.db, district.id)
  let loaded = 0
  let skipped = 0
  for (const name of names) {
    const key = name.replace(/\.md$/, '')
    const [known] = await ctx.db.select({ id: resources.id }).from(resources).where(eq(resources.contentKey, key))
    if (known) {
      skipped++
      continue
    }
    const { front, body } = parseContentFile(await readFile(path.join(dir, 'resources', name), 'utf8'))
    const [school] = front.school ? await ctx.db.select().from(schools).where(and(eq(schools.districtId, district.id), eq(schools.name, front.school))) : []
    const actor = { ...author, schoolId: school?.id ?? null }
    try {
      const created = await createResource(
        ctx.db,
        actor,
        {
          kind: front.kind,
          title: front.title,
          summary: front.summary ?? '',
          schoolType: front.schoolType,
          subject: front.subject,
          stage: front.stage,
          grade: front.grade ?? null,
          disabilityCategories: front.categories ?? [],
          licence: front.licence ?? 'cc-by-sa',
          attribution: front.attribution ?? '同行编写组',
          details: front.details ?? {},
          body: markdownToDoc(body),
          variants: (front.variants ?? []).map((v) => ({ key: v.key, objectives: joinLines(v.objectives), activities: markdownToDoc(v.activities ?? ''), assessment: joinLines(v.assessment) })),
        },
        { contentKey: key },
      )
      for (const file of front.files ?? []) {
        const stored = await uploadFile(ctx, actor, created.id, { fileName: file, body: createReadStream(path.join(dir, 'files', file)) })
        // Without a queue (npm run content:load) the thumbnail is made here and now.
        if (!ctx.queue) await makeThumbnail(ctx, stored.id).catch((error) => console.error(`[library] no thumbnail for content/files/${file}:`, error))
      }
      await publishDirectly(ctx.db, created.id)
      loaded++
    } catch (error) {
      throw new Error(`content/resources/${name}: ${error instanceof Error ? `${error.message} ${JSON.stringify((error as { options?: unknown }).options ?? {})}` : String(error)}`)
    }
  }
  const signGlossary = await loadSignGlossary(ctx.db, author, dir)
  return { loaded, skipped, signGlossary }
}
