import { Mark, mergeAttributes } from '@tiptap/core'
import { isTermId, signTermMark } from '~/modules/signs/marks'

/** The editor's side of the `signTerm` mark: a word linked to a glossary term by id. */
export const SignTerm = Mark.create({
  name: signTermMark,
  inclusive: false,
  excludes: signTermMark,
  addAttributes() {
    return {
      termId: {
        default: null,
        parseHTML: (el) => {
          const value = el.getAttribute('data-sign-term')
          return isTermId(value) ? value : null
        },
        renderHTML: (attrs) => ({ 'data-sign-term': attrs.termId }),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'span[data-sign-term]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'sign-term-mark' }), 0]
  },
})
