import { validateApplicationRecord } from '../record/application-record-schema.js'
import type { ImportResult } from './import-result.js'

/** A canonical application record (JSON, one JSONL line or one array element): validated, and used exactly as given. */
export function importCanonicalRecord(value: unknown): ImportResult {
  return validateApplicationRecord(value)
}
