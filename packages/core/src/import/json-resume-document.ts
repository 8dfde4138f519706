import type { ValidationIssue } from '../record/validation-issue.js'
import { importFailure, type ImportResult } from './import-result.js'
import { isJsonObject, objectAt } from './json-value.js'
import { SourcePaths } from './source-paths.js'
import { validateMappedRecord } from './validate-mapped-record.js'
import { resumeLastModified } from './vendor-dates.js'

export type JsonResumeImportOptions = {
  /** The record id: a plain JSON Resume has none (the CLI passes `<file>#<index>`). */
  readonly id: string
  /** When the caller received the document (ISO date-time); used when the document has no `meta.lastModified`. */
  readonly receivedAt?: string
}

/**
 * A plain JSON Resume document (top-level `basics`, `work`, `education`; no `schemaVersion`) wrapped into a record
 * with source `json-resume`. The document becomes `cv` unchanged. `submittedAt` is `meta.lastModified` when present
 * (read as UTC when it has no zone, as the JSON Resume schema writes it), else the caller's `receivedAt`.
 */
export function importJsonResume(document: unknown, options: JsonResumeImportOptions): ImportResult {
  if (!isJsonObject(document)) return importFailure([{ path: '(record)', message: 'must be a JSON Resume object' }])
  const meta = objectAt(document, 'meta')
  const lastModified = resumeLastModified(meta?.['lastModified'])
  const submittedAt = lastModified ?? options.receivedAt
  const issues: ValidationIssue[] = []
  if (submittedAt === undefined) {
    issues.push({
      path: 'meta.lastModified',
      message: 'is required when no receipt time is given: the date the CV was submitted',
    })
  }
  const dateFrom = lastModified === undefined && options.receivedAt !== undefined ? '(receivedAt)' : 'meta.lastModified'
  const paths = new SourcePaths().set('cv', '').set('submittedAt', dateFrom)
  const record = {
    schemaVersion: 1,
    id: options.id,
    submittedAt,
    source: { system: 'json-resume' },
    cv: document,
  }
  return validateMappedRecord(record, paths, issues)
}
