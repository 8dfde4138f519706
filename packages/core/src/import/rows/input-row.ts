import type { ApplicationRecord } from '../../record/application-record.js'
import type { ValidationIssue } from '../../record/validation-issue.js'
import type { ImportResult } from '../import-result.js'

/**
 * One application read from an input, or why it could not be read. `line` is the 1-based line for JSONL and CSV (the
 * line where a CSV row starts) and the 1-based position of the element in a JSON array (1 for a single JSON value).
 * One JSON value may hold several applications (a Greenhouse candidate with two applications): they share its line.
 */
export type InputRow =
  | {
      readonly file: string
      readonly line: number
      readonly status: 'valid'
      readonly record: ApplicationRecord
      /** The input as read: the JSON value, or a CSV row as `{ header: cell }`; kept as the application's raw payload. */
      readonly raw: unknown
    }
  | {
      readonly file: string
      readonly line: number
      readonly status: 'invalid'
      readonly issues: readonly ValidationIssue[]
    }

/** An importer's result as a row of the given file and line. */
export function toInputRow(file: string, line: number, result: ImportResult, raw: unknown): InputRow {
  return result.status === 'valid'
    ? { file, line, status: 'valid', record: result.record, raw }
    : { file, line, status: 'invalid', issues: result.issues }
}
