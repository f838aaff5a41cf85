import { describe, expect, it } from 'vitest'
import { consentState, mayStorePersonalData } from '../../../app/modules/learning/consent'
import { buildManifest, formatBytes, totalSize, type PackageSource } from '../../../app/modules/learning/offline'
import { isProfileCategory, profileCategories, variantForCategory } from '../../../app/modules/learning/profiles'
import { disabilityCategories } from '../../../app/modules/library/taxonomy'
import { familyEn } from '../../../app/modules/learning/family-i18n/en'
import { familyZhCN } from '../../../app/modules/learning/family-i18n/zh-CN'

describe('the guardian-consent rule for a child’s personal data', () => {
  it('treats a student nobody has stated to be 14 or older as under 14', () => {
    expect(consentState({ aged14OrOver: null, consentInForce: false })).toBe('missing')
    expect(consentState({ aged14OrOver: undefined, consentInForce: false })).toBe('missing')
    expect(consentState({ aged14OrOver: false, consentInForce: false })).toBe('missing')
    expect(mayStorePersonalData('missing')).toBe(false)
  })
  it('allows storing with a consent in force, whatever the age, or for a student stated 14 or older', () => {
    expect(consentState({ aged14OrOver: false, consentInForce: true })).toBe('given')
    expect(consentState({ aged14OrOver: null, consentInForce: true })).toBe('given')
    expect(consentState({ aged14OrOver: true, consentInForce: false })).toBe('not-required')
    expect(mayStorePersonalData('given')).toBe(true)
    expect(mayStorePersonalData('not-required')).toBe(true)
  })
})

describe('profile categories', () => {
  it('extend the library’s categories with 精神残疾 other than autism, each labelled in both languages', () => {
    expect(profileCategories.slice(0, disabilityCategories.length)).toEqual([...disabilityCategories])
    expect(profileCategories).toContain('mental')
    for (const c of profileCategories) {
      expect(familyZhCN.categories[c]).toMatch(/残疾/)
      expect(familyEn.categories[c]).toBeTruthy()
    }
    expect(isProfileCategory('autism')).toBe(true)
    expect(isProfileCategory('deaf')).toBe(false)
  })
  it('point at the lesson variant of the same category, when the library has one', () => {
    expect(variantForCategory('hearing')).toBe('disability-hearing')
    expect(variantForCategory('mental')).toBeNull()
    expect(variantForCategory(null)).toBeNull()
  })
})

describe('the offline package manifest', () => {
  const source: PackageSource = {
    id: 'r1',
    title: '整理书包',
    variantKeys: ['tier-a', 'disability-hearing'],
    files: [
      { id: 'f1', fileName: '步骤卡.pdf', contentType: 'application/pdf', size: 2048 },
      { id: 'f2', fileName: '示范.mp4', contentType: 'video/mp4', size: 5 * 1024 * 1024 },
    ],
    videos: [
      { assetId: 'a1', title: '整理书包', download: { href: '/media/a1/download', size: 3_000_000 }, captions: [{ src: '/media/a1/tracks/t1', label: '中文' }] },
      { assetId: 'a2', title: '还在转码', download: null, captions: [{ src: '/media/a2/tracks/t9', label: '中文' }] },
    ],
  }

  it('lists the lesson page, printable, files, each ready video’s low-bandwidth rendition and captions, and the visit form', () => {
    const m = buildManifest(source, 'disability-hearing')
    expect(m.variantKey).toBe('disability-hearing')
    expect(m.cacheName).toBe('tongxing-offline-r1-disability-hearing')
    expect(m.entries.map((e) => [e.kind, e.url, e.size])).toEqual([
      ['lesson', '/students/offline/r1/lesson?variant=disability-hearing', null],
      ['printable', '/library/r1/print?variant=disability-hearing', null],
      ['file', '/library/files/f1', 2048],
      ['file', '/library/files/f2', 5 * 1024 * 1024],
      ['video', '/media/a1/download', 3_000_000],
      ['captions', '/media/a1/tracks/t1', null],
      ['visit-form', '/students/visits/offline', null],
    ])
  })

  it('falls back to the lesson as written for a variant the lesson does not have, and never lists a URL twice', () => {
    const m = buildManifest({ ...source, files: [...source.files, source.files[0]!] }, 'tier-c')
    expect(m.variantKey).toBeNull()
    expect(m.cacheName).toBe('tongxing-offline-r1')
    expect(m.entries[0]!.url).toBe('/students/offline/r1/lesson')
    expect(new Set(m.entries.map((e) => e.url)).size).toBe(m.entries.length)
  })

  it('adds up and prints sizes', () => {
    expect(totalSize([1024, null, 2048])).toBe(3072)
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(3072)).toBe('3.0 KB')
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB')
  })
})
