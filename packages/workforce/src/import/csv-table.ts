import type { ValidationIssue } from '@hirewall/core'
import { readCsv } from '@hirewall/intel'
import { invalidRow, skippedRow, type ImportedRow } from './import-row.js'

/** One column a CSV importer reads: its name, the other names exports use for it, and whether rows need it. */
export type CsvColumnSpec<Name extends string> = {
  readonly name: Name
  readonly aliases?: readonly string[]
  readonly isRequired?: boolean
  /** One sentence for the docs. */
  readonly description: string
}

/** A data row: its line and its cells by column name (blank cells are absent). */
export type CsvTableRow<Name extends string> = {
  readonly line: number
  readonly cell: (name: Name) => string | undefined
}

function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

/**
 * Reads a CSV file with a header row and hands each data row to `importRow`, in file order. Header names match case-
 * insensitively with spaces or hyphens read as underscores, and each column may have aliases. A missing required
 * column makes the file one invalid row (no row could import); unknown columns are reported once as a skipped row and
 * ignored; a malformed record (an unclosed quote) is an invalid row at its line and reading goes on.
 */
export function importCsvTable<Name extends string, Record>(
  text: string,
  columns: readonly CsvColumnSpec<Name>[],
  importRow: (row: CsvTableRow<Name>) => ImportedRow<Record>,
): ImportedRow<Record>[] {
  const byKey = new Map<string, Name>()
  for (const column of columns) {
    byKey.set(column.name, column.name)
    for (const alias of column.aliases ?? []) byKey.set(headerKey(alias), column.name)
  }
  const out: ImportedRow<Record>[] = []
  let positions: Map<Name, number> | undefined
  let isHeaderFatal = false
  const result = readCsv(
    text,
    ({ line, fields }) => {
      if (positions === undefined) {
        positions = new Map()
        const unknown: string[] = []
        fields.forEach((field, index) => {
          const name = byKey.get(headerKey(field))
          if (name === undefined) {
            if (field.trim() !== '') unknown.push(field.trim())
          } else if (!positions?.has(name)) positions?.set(name, index)
        })
        const missing = columns.filter((column) => column.isRequired && !positions?.has(column.name))
        if (missing.length > 0) {
          out.push(
            invalidRow(
              line,
              missing.map((column) => ({
                path: `header.${column.name}`,
                message: 'is a required column and is missing',
              })),
            ),
          )
          isHeaderFatal = true
          return
        }
        if (unknown.length > 0)
          out.push(skippedRow(line, `columns ignored (not read by this importer): ${unknown.join(', ')}`))
        return
      }
      if (isHeaderFatal || fields.every((field) => field.trim() === '')) return
      const cells = positions
      out.push(
        importRow({
          line,
          cell: (name) => {
            const index = cells.get(name)
            const value = index === undefined ? undefined : fields[index]?.trim()
            return value === undefined || value === '' ? undefined : value
          },
        }),
      )
    },
    {
      delimiter: 'detect',
      quotes: 'relaxed',
      onInvalidRecord: (issue) =>
        out.push(
          invalidRow(issue.line, [
            { path: issue.column === undefined ? '(row)' : `(column ${issue.column})`, message: issue.message },
          ]),
        ),
    },
  )
  if (result.status === 'invalid') out.push(invalidRow(result.line, [{ path: '(file)', message: result.message }]))
  return out
}

/** Issues collected while reading one row, with helpers for the checks every feed repeats. */
export class RowIssues {
  readonly issues: ValidationIssue[] = []

  add(path: string, message: string): void {
    this.issues.push({ path, message })
  }

  required<T>(value: T | undefined, path: string, what: string): T | undefined {
    if (value === undefined) this.add(path, `is required: ${what}`)
    return value
  }
}
