import type { RecordValidation } from '../record/application-record-schema.js'
import type { ValidationIssue } from '../record/validation-issue.js'

/**
 * What every importer returns: a record that passed `validateApplicationRecord`, or the issues with the path of the
 * offending field in the SOURCE document (e.g. `payload.application.applied_at`, `utc_offset_minutes`).
 */
export type ImportResult = RecordValidation

/** An importer's result for input it could not map at all. */
export function importFailure(issues: readonly ValidationIssue[]): ImportResult {
  return { status: 'invalid', issues }
}
