import { validateApplicationRecord } from '../record/application-record-schema.js'
import type { ValidationIssue } from '../record/validation-issue.js'
import type { ImportResult } from './import-result.js'
import type { SourcePaths } from './source-paths.js'

/**
 * The last step of every vendor mapper: validates the mapped record and reports each issue at its source path.
 * `mappingIssues` are problems the mapper found itself (a missing application date...); they come first, and a
 * validation issue at the same source path is left out so each problem is reported once.
 */
export function validateMappedRecord(
  record: unknown,
  paths: SourcePaths,
  mappingIssues: readonly ValidationIssue[] = [],
): ImportResult {
  const validation = validateApplicationRecord(record)
  if (validation.status === 'valid' && mappingIssues.length === 0) return validation
  const issues = [...mappingIssues]
  const reported = new Set(mappingIssues.map((issue) => issue.path))
  if (validation.status === 'invalid') {
    for (const issue of validation.issues) {
      const path = paths.translate(issue.path)
      if (!reported.has(path)) issues.push({ path, message: issue.message })
    }
  }
  return { status: 'invalid', issues }
}
