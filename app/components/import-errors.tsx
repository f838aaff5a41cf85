import { useTranslation } from 'react-i18next'
import type { FieldErrors } from '~/platform/errors'

export interface RowFailure {
  row: number
  /** What names the row to its author: a username, a word. */
  name: string
  fields: FieldErrors
}

/**
 * The rows a CSV import refused, each with its line number, its name and every problem by column
 * (the `_` field is a problem of the whole row). Shared by the account and sign-glossary imports.
 */
export function ImportErrors({
  labels,
  failures,
  columnOf = {},
  nameLang,
}: {
  labels: { title: string; none: string; rowHeader: string; nameHeader: string; problems: string; row: (row: number) => string }
  failures: RowFailure[]
  columnOf?: Record<string, string>
  nameLang?: string
}) {
  const { t } = useTranslation()
  return (
    <>
      <h2 id="import-errors-title">{labels.title}</h2>
      {failures.length === 0 ? (
        <p>{labels.none}</p>
      ) : (
        <table aria-labelledby="import-errors-title">
          <thead>
            <tr>
              <th scope="col">{labels.rowHeader}</th>
              <th scope="col">{labels.nameHeader}</th>
              <th scope="col">{labels.problems}</th>
            </tr>
          </thead>
          <tbody>
            {failures.map((failure) => (
              <tr key={failure.row}>
                <th scope="row">{labels.row(failure.row)}</th>
                <td lang={nameLang}>{failure.name || t('common.none')}</td>
                <td>
                  <ul>
                    {Object.entries(failure.fields).map(([field, message]) => (
                      <li key={field}>
                        {field === '_' ? null : <code>{columnOf[field] ?? field}</code>} {t(message.key, message.params)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
