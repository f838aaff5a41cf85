import { z } from 'zod'
import type { RichNode } from './rich-text'

/**
 * A resource package: one zip that carries a resource to another Tongxing installation. `manifest.json`
 * holds the resource's fields and lists every other entry with its size and SHA-256; files, video
 * originals and text tracks sit beside it under names the manifest gives. Ids of this installation
 * never appear as such: references inside rich text become `package:` references to entries, and a
 * sign-language mark carries its term's word, so the receiver links it to its own glossary.
 * Pure and isomorphic.
 */
export const packageFormat = 'tongxing.resource-package'
export const packageFormatVersion = 1
export const manifestName = 'manifest.json'
export const packageContentType = 'application/zip'

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)
/** Entry names are ours, never the sender's file names: no folders above, no odd characters. */
const entryPath = z.string().regex(/^(files|media)\/[0-9a-z][0-9a-z._-]{0,80}$/)

export const packedEntry = z.object({ path: entryPath, size: z.number().int().min(0), sha256 })
export type PackedEntry = z.infer<typeof packedEntry>

export const packedFile = packedEntry.extend({ ref: z.string().regex(/^f\d{1,4}$/), fileName: z.string().min(1).max(255), contentType: z.string().max(200) })
export type PackedFile = z.infer<typeof packedFile>

const packedTrack = packedEntry.extend({ kind: z.enum(['captions', 'descriptions', 'chapters']), language: z.string().max(20), label: z.string().max(100), cueCount: z.number().int().min(0) })

const packedVideoBase = z.object({
  title: z.string().min(1).max(200),
  language: z.string().max(20).nullable(),
  original: packedEntry.extend({ fileName: z.string().min(1).max(255), contentType: z.string().max(200).nullable() }),
  tracks: z.array(packedTrack).max(40),
})
export const packedVideo = packedVideoBase.extend({
  role: z.literal('main'),
  companions: z.array(packedVideoBase.extend({ role: z.enum(['sign_language', 'audio_description']) })).max(10),
})
export type PackedVideo = z.infer<typeof packedVideo>

export const packedSignTerm = z.object({ ref: z.string().regex(/^s\d{1,4}$/), word: z.string().min(1).max(20), category: z.string().max(40), handshape: z.string().max(500), movement: z.string().max(1000), notes: z.string().max(1000) })
export type PackedSignTerm = z.infer<typeof packedSignTerm>

export const manifestSchema = z.object({
  format: z.literal(packageFormat),
  formatVersion: z.literal(packageFormatVersion),
  exportedAt: z.string(),
  source: z.object({ district: z.string(), resourceId: z.string(), version: z.number().int().nullable(), author: z.string(), school: z.string().nullable() }),
  /** The resource's own fields, checked on import by the same rules as the editor's form. */
  resource: z.record(z.string(), z.unknown()),
  files: z.array(packedFile).max(200),
  videos: z.array(packedVideo).max(40),
  signTerms: z.array(packedSignTerm).max(2000),
  braille: z.array(z.object({ scheme: z.enum(['common', 'current']), braille: z.string().max(400_000), sourceHash: z.string().max(100) })).max(2),
})
export type Manifest = z.infer<typeof manifestSchema>

const fileUrl = /^\/library\/files\/([0-9a-f-]{36})(\/[a-z]+)?$/i
const packageFileUrl = /^package:file\/(f\d{1,4})(\/[a-z]+)?$/

/** Every id of a library file that images or links in these documents point at. */
export function referencedFileIds(docs: unknown[]): string[] {
  const ids = new Set<string>()
  for (const doc of docs) {
    walk(doc as RichNode, (node) => {
      const src = node.type === 'image' ? fileUrl.exec(String(node.attrs?.src ?? '')) : null
      if (src) ids.add(src[1]!.toLowerCase())
      for (const mark of node.marks ?? []) {
        const href = mark.type === 'link' ? fileUrl.exec(String(mark.attrs?.href ?? '')) : null
        if (href) ids.add(href[1]!.toLowerCase())
      }
    })
  }
  return [...ids]
}

/** Every sign-language term id marked in these documents. */
export function referencedTermIds(docs: unknown[]): string[] {
  const ids = new Set<string>()
  for (const doc of docs) walk(doc as RichNode, (node) => node.marks?.forEach((m) => m.type === 'signTerm' && typeof m.attrs?.termId === 'string' && ids.add(m.attrs.termId.toLowerCase())))
  return [...ids]
}

export interface ReferenceMap {
  /** Library file URL id → what to write instead (a package ref on export, a new file id on import). */
  file(id: string): string | null
  /** Term id → what to write instead; null drops the mark and keeps its text. */
  term(id: string): string | null
}

/**
 * A copy of a document with its file and sign references swapped through `map`. On export the
 * targets are package refs (`package:file/f1`, term ref `s1`); on import they are this installation's
 * ids. A reference `map` cannot place is dropped (an image without a source, a mark without a term).
 */
export function swapReferences(doc: unknown, map: ReferenceMap, direction: 'export' | 'import'): unknown {
  const swapUrl = (url: unknown): string | null => {
    const match = (direction === 'export' ? fileUrl : packageFileUrl).exec(String(url ?? ''))
    if (!match) return typeof url === 'string' ? url : null
    const target = map.file(direction === 'export' ? match[1]!.toLowerCase() : match[1]!)
    if (!target) return null
    return direction === 'export' ? `package:file/${target}${match[2] ?? ''}` : `/library/files/${target}${match[2] ?? ''}`
  }
  const copy = (node: RichNode): RichNode | null => {
    const out: RichNode = { ...node }
    if (node.type === 'image') {
      const src = swapUrl(node.attrs?.src)
      if (src === null) return null
      out.attrs = { ...node.attrs, src }
    }
    if (node.marks) {
      out.marks = node.marks.flatMap((mark) => {
        if (mark.type === 'link') {
          const href = swapUrl(mark.attrs?.href)
          return href === null ? [] : [{ ...mark, attrs: { ...mark.attrs, href } }]
        }
        if (mark.type === 'signTerm') {
          const termId = typeof mark.attrs?.termId === 'string' ? map.term(mark.attrs.termId.toLowerCase()) : null
          return termId === null ? [] : [{ ...mark, attrs: { ...mark.attrs, termId } }]
        }
        return [mark]
      })
    }
    if (node.content) out.content = node.content.map(copy).filter((n): n is RichNode => n !== null)
    return out
  }
  return doc && typeof doc === 'object' ? copy(doc as RichNode) : doc
}

function walk(node: RichNode | undefined, visit: (node: RichNode) => void) {
  if (!node || typeof node !== 'object') return
  visit(node)
  if (Array.isArray(node.content)) for (const child of node.content) walk(child, visit)
}

/** A safe, readable name for the downloaded package. */
export function packageFileName(title: string): string {
  const clean = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80) || 'resource'
  return `${clean}.tongxing.zip`
}
