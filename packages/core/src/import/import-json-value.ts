import type { ValidationIssue } from '../record/validation-issue.js'
import { assertNever } from '../assert-never.js'
import { importAshbyCandidate } from './ashby-candidate.js'
import { importCanonicalRecord } from './canonical-record.js'
import { detectFormat } from './detect-format.js'
import { importGreenhouse } from './greenhouse-application.js'
import { importFailure, type ImportResult } from './import-result.js'
import { importJsonResume, type JsonResumeImportOptions } from './json-resume-document.js'
import { importLeverOpportunity } from './lever-opportunity.js'

const unrecognised: ValidationIssue = {
  path: '(record)',
  message:
    'is not a format HireWall reads: expected a canonical record (schemaVersion 1), a JSON Resume document, ' +
    'or a Greenhouse, Lever or Ashby payload (see docs/importers.md)',
}

/**
 * One parsed JSON value (a file, a JSONL line or an array element) to records, whatever its format. Usually one
 * result; a Greenhouse Harvest candidate gives one per application. `options` names a plain JSON Resume, which
 * carries no id or submission time of its own.
 */
export function importJsonValue(value: unknown, options: JsonResumeImportOptions): readonly ImportResult[] {
  const format = detectFormat(value)
  if (format === undefined) return [importFailure([unrecognised])]
  switch (format) {
    case 'canonical':
      return [importCanonicalRecord(value)]
    case 'json-resume':
      return [importJsonResume(value, options)]
    case 'greenhouse':
      return importGreenhouse(value)
    case 'lever':
      return [importLeverOpportunity(value)]
    case 'ashby':
      return [importAshbyCandidate(value)]
    default:
      return assertNever(format)
  }
}
