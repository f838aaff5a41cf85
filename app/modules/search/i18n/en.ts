import type { searchZhCN } from './zh-CN'

type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

export const searchEn: Messages<typeof searchZhCN> = {
  title: 'Search',
  label: 'Search resources',
  placeholder: 'Words, pinyin or initials, e.g. 孤独症, gudu, gdz',
  submit: 'Search',
  results: '{{count}} results',
  resultsFor: 'Results for “{{q}}”: {{count}}',
  browseAll: 'All resources: {{count}}',
  suggestionsTitle: 'Suggestions',
  suggestionCount: '{{count}} results',
  seeAll: 'See all {{count}} results',
  corrected: 'Showing results for “{{to}}” (you typed “{{from}}”).',
  filters: 'Filter results',
  removeFilter: 'Remove filter: {{label}}',
  selected: '(selected)',
  about: 'about {{count}}',
  facets: { kind: 'Kind', schoolType: 'School type', stage: 'Stage', subject: 'Subject', disability: 'Disability category', tier: 'Support tier', feature: 'Accessible content' },
  features: { video: 'Has video', captions: 'Has captions', sign: 'Has sign language', braille: 'Has braille' },
  draft: 'Not published',
  nothing: 'Nothing matches “{{q}}”.',
  nothingFiltered: 'Nothing matches with these filters.',
  tryWithout: 'Without “{{label}}”: {{count}} results',
  tips: 'Try another wording or a synonym (自闭症, 孤独症); fewer words; pinyin or initials; or browse the library by subject.',
  browseLibrary: 'Browse the library',
  pages: 'Pages',
  pageOf: 'Page {{page}} of {{pages}}',
}
