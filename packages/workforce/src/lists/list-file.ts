import type { ReferenceSource } from '@hirewall/core'
import { readCsv } from '@hirewall/intel'

/** A problem with one row of a list file: its line, the column at fault and why. */
export type ListIssue = { readonly line: number; readonly column?: string; readonly message: string }

/** A list file read: the rows that passed (with their lines), those that did not, and the source to cite. */
export type ListFile<Entry> =
  | {
      readonly status: 'ok'
      readonly source: ReferenceSource
      readonly entries: readonly Entry[]
      readonly skipped: readonly ListIssue[]
    }
  | { readonly status: 'invalid'; readonly issues: readonly ListIssue[] }

/**
 * Reads one of the package's user-editable list files (a CSV with `#` comment lines, a `# version:` line, and a header
 * naming `columns`). Each data row goes to `readRow`, which returns an entry or the problem with it; a bad row is
 * skipped and reported, the rest load. A file without the header, or without any entry, is invalid.
 */
export function readListFile<Column extends string, Entry>(
  text: string,
  name: string,
  columns: readonly Column[],
  readRow: (cells: Readonly<Record<Column, string>>, line: number) => Entry | { readonly problem: ListIssue },
): ListFile<Entry> {
  let version: string | undefined
  let positions: number[] | undefined
  const entries: Entry[] = []
  const skipped: ListIssue[] = []
  const issues: ListIssue[] = []
  const result = readCsv(
    text,
    ({ line, fields }) => {
      if (positions === undefined) {
        const names = fields.map((field) => field.trim().toLowerCase())
        positions = columns.map((column) => names.indexOf(column))
        const missing = columns.filter((_, index) => positions?.[index] === -1)
        if (missing.length > 0)
          issues.push({
            line,
            message: `the header must name the columns ${columns.join(', ')}; missing: ${missing.join(', ')}`,
          })
        return
      }
      if (issues.length > 0 || fields.every((field) => field.trim() === '')) return
      const cells = {} as Record<Column, string>
      columns.forEach((column, index) => {
        cells[column] = fields[positions?.[index] ?? -1]?.trim() ?? ''
      })
      const read = readRow(cells, line)
      if (isProblem(read)) skipped.push(read.problem)
      else entries.push(read)
    },
    {
      onComment: (comment) => {
        const match = /^#\s*version:\s*(\S+)/i.exec(comment)
        if (match?.[1]) version = match[1]
      },
      onInvalidRecord: (issue) => skipped.push({ line: issue.line, message: issue.message }),
    },
  )
  if (result.status === 'invalid') issues.push({ line: result.line, message: result.message })
  if (positions === undefined) issues.push({ line: 1, message: 'has no header row' })
  if (issues.length > 0) return { status: 'invalid', issues }
  if (entries.length === 0) return { status: 'invalid', issues: [{ line: 1, message: 'has no entries' }, ...skipped] }
  return {
    status: 'ok',
    source: { name, version: version ?? 'unversioned', entries: entries.length },
    entries,
    skipped,
  }
}

function isProblem(value: unknown): value is { readonly problem: ListIssue } {
  return typeof value === 'object' && value !== null && 'problem' in value
}

/** Lower-case words of a name, for word-sequence matching ("Wise" is not "Wiseman"). */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
}

/** Whether `needle` occurs in `haystack` as consecutive words. */
export function containsWords(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++)
      if (haystack[start + offset] !== needle[offset]) continue outer
    return true
  }
  return false
}

/** A row's problem, as `readRow` returns it. */
export function problem(line: number, column: string, message: string): { readonly problem: ListIssue } {
  return { problem: { line, column, message } }
}
