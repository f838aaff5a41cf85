import { mergeAttributes, Node } from '@tiptap/core'
import Image from '@tiptap/extension-image'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SignTermPicker } from '~/components/signs/sign-term-picker'
import { SignTerm } from '~/components/signs/sign-term-extension'
import { sanitizeDoc, type RichDoc } from '~/modules/library/rich-text'

/** A box of adapted guidance inside a lesson: the one node of our own. */
const Callout = Node.create({
  name: 'callout',
  group: 'block',
  content: 'block+',
  defining: true,
  addAttributes() {
    return { kind: { default: 'adaptation', parseHTML: (el) => el.getAttribute('data-kind') ?? 'adaptation', renderHTML: (attrs) => ({ 'data-kind': attrs.kind }) } }
  },
  parseHTML() {
    return [{ tag: 'aside[data-callout]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['aside', mergeAttributes(HTMLAttributes, { 'data-callout': '', class: 'callout callout-adaptation' }), 0]
  },
})

const extensions = [
  StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false, autolink: true, protocols: ['https', 'http', 'mailto'] } }),
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  Image,
  Callout,
  SignTerm,
]

interface Props {
  name: string
  label: string
  initial: RichDoc
  hint?: string
  error?: string
}

/**
 * Tiptap on the page, its JSON in a hidden field of the surrounding form: the server sanitizes
 * whatever arrives, this only makes writing pleasant.
 */
export function RichTextEditor({ name, label, initial, hint, error }: Props) {
  const id = useId()
  const { t } = useTranslation()
  const [json, setJson] = useState(() => JSON.stringify(initial))
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const editor = useEditor({
    extensions,
    content: initial,
    immediatelyRender: false,
    shouldRerenderOnTransaction: true,
    editorProps: {
      attributes: {
        id: `${id}-editor`,
        class: 'editor-content rich-text',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': `${id}-label`,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': 'true' } : {}),
      },
    },
    onUpdate: ({ editor }) => setJson(JSON.stringify(sanitizeDoc(editor.getJSON()))),
  })
  return (
    <div className="field editor">
      <span className="label" id={`${id}-label`}>
        {label}
      </span>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <input type="hidden" name={name} value={json} />
      {editor ? <Toolbar editor={editor} /> : null}
      <div className="editor-frame">{editor ? <EditorContent editor={editor} /> : <noscript>{t('library.editor.noScript')}</noscript>}</div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const chain = () => editor.chain().focus()
  const button = (label: string, run: () => void, active = false, disabled = false) => (
    <button type="button" className="tool" aria-pressed={active} disabled={disabled} onClick={run}>
      {label}
    </button>
  )
  const inTable = editor.isActive('table')
  return (
    <div role="toolbar" aria-label={t('library.editor.toolbar')} className="editor-toolbar">
      {button(t('library.editor.paragraph'), () => chain().setParagraph().run(), editor.isActive('paragraph'))}
      {button(t('library.editor.heading2'), () => chain().toggleHeading({ level: 2 }).run(), editor.isActive('heading', { level: 2 }))}
      {button(t('library.editor.heading3'), () => chain().toggleHeading({ level: 3 }).run(), editor.isActive('heading', { level: 3 }))}
      {button(t('library.editor.bold'), () => chain().toggleBold().run(), editor.isActive('bold'))}
      {button(t('library.editor.italic'), () => chain().toggleItalic().run(), editor.isActive('italic'))}
      {button(t('library.editor.bulletList'), () => chain().toggleBulletList().run(), editor.isActive('bulletList'))}
      {button(t('library.editor.orderedList'), () => chain().toggleOrderedList().run(), editor.isActive('orderedList'))}
      {button(t('library.editor.callout'), () => chain().wrapIn('callout').run(), editor.isActive('callout'))}
      {button(
        t('library.editor.link'),
        () => {
          const href = window.prompt(t('library.editor.linkPrompt'), editor.getAttributes('link').href ?? 'https://')
          if (href === null) return
          if (href === '') chain().unsetLink().run()
          else chain().extendMarkRange('link').setLink({ href }).run()
        },
        editor.isActive('link'),
      )}
      <SignTermPicker editor={editor} />
      {button(t('library.editor.image'), () => {
        const src = window.prompt(t('library.editor.imagePrompt'))
        if (!src) return
        const alt = window.prompt(t('library.editor.imageAlt')) ?? ''
        chain().setImage({ src, alt }).run()
      })}
      {button(t('library.editor.table'), () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), false, inTable)}
      {inTable ? button(t('library.editor.addRow'), () => chain().addRowAfter().run()) : null}
      {inTable ? button(t('library.editor.addColumn'), () => chain().addColumnAfter().run()) : null}
      {inTable ? button(t('library.editor.deleteTable'), () => chain().deleteTable().run()) : null}
      {button(t('library.editor.undo'), () => chain().undo().run(), false, !editor.can().undo())}
      {button(t('library.editor.redo'), () => chain().redo().run(), false, !editor.can().redo())}
    </div>
  )
}
