import type { ValidationIssue } from '../record/validation-issue.js'

/** Every column the CSV importer reads; docs/csv-columns.md documents each one (a test keeps the two in step). */
export const csvColumns = [
  'application_id',
  'submitted_at',
  'source',
  'channel',
  'candidate_id',
  'requisition_id',
  'requisition_title',
  'name',
  'emails',
  'phones',
  'home_address',
  'mailing_address',
  'shipping_address',
  'city',
  'region',
  'country',
  'time_zone',
  'resident_since',
  'birth_date',
  'linkedin_url',
  'github_url',
  'ip',
  'user_agent',
  'utc_offset_minutes',
  'accept_language',
  'device_id',
  'cv_text',
  'cv_sha256',
  'photo_phash',
  'referrer_name',
  'staffing_vendor',
  'interview_camera_refused',
  'interview_failed_liveness',
  'interview_reading_answers',
  'interview_voice_changer',
  'interview_avoided_in_person_step',
  'interview_notes',
  'education_json',
  'work_json',
  'school',
  'degree',
  'field',
  'school_start',
  'school_end',
  'employer',
  'title',
  'job_start',
  'job_end',
] as const
export type CsvColumn = (typeof csvColumns)[number]

/** The header of a CSV file as the importer reads it: the column at each position (undefined when ignored). */
export type CsvHeader = {
  readonly columns: readonly (CsvColumn | undefined)[]
  /** File-level problems: unknown, blank or repeated column names (path `header.<column>`). */
  readonly issues: readonly ValidationIssue[]
}

const knownColumns: ReadonlySet<string> = new Set(csvColumns)

/**
 * Reads a header row. Names match case-insensitively, and spaces or hyphens count as underscores (`Application ID`
 * is `application_id`). Unknown, blank and repeated columns are reported and ignored; the known ones still import.
 */
export function readCsvHeader(cells: readonly string[]): CsvHeader {
  const issues: ValidationIssue[] = []
  const seen = new Set<string>()
  const columns = cells.map((cell, index): CsvColumn | undefined => {
    const name = cell.trim()
    if (name === '') {
      issues.push({ path: `header[${index}]`, message: 'is a column without a name: it is ignored' })
      return undefined
    }
    const key = name.toLowerCase().replace(/[\s-]+/g, '_')
    if (!isCsvColumn(key)) {
      issues.push({
        path: `header.${name}`,
        message: `is not a column HireWall reads (see docs/csv-columns.md): it is ignored`,
      })
      return undefined
    }
    if (seen.has(key)) {
      issues.push({ path: `header.${name}`, message: 'appears more than once: only the first one is read' })
      return undefined
    }
    seen.add(key)
    return key
  })
  return { columns, issues }
}

function isCsvColumn(name: string): name is CsvColumn {
  return knownColumns.has(name)
}
