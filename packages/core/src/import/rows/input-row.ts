import type { ApplicationRecord, ImportResult, ValidationIssue } from '@hirewall/core'

/**
 * One application read from an input, or why it could not be read. `line` is the 1-based line for JSONL and CSV (the
 * line where a CSV row starts) and the 1-based position of the element in a JSON array (1 for a single JSON value).
 */
export type InputRow =
  | { readonly file: string; readonly line: number; readonly status: 'valid'; readonly record: ApplicationRecord }
  | {
      readonly file: string
      readonly line: number
      readonly status: 'invalid'
      readonly issues: readonly ValidationIssue[]
    }

/** An importer's result as a row of the given file and line. */
export function toInputRow(file: string, line: number, result: ImportResult): InputRow {
  return result.status === 'valid'
    ? { file, line, status: 'valid', record: result.record }
    : { file, line, status: 'invalid', issues: result.issues }
}
