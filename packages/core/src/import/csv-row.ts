import type { AddressType, ResumeProfile } from '../record/application-record.js'
import type { ValidationIssue } from '../record/validation-issue.js'
import { compact, nonEmpty, withoutUndefined } from './compact-object.js'
import type { CsvColumn, CsvHeader } from './csv-header.js'
import type { ImportResult } from './import-result.js'
import { profileFromLink } from './profile-link.js'
import { SourcePaths } from './source-paths.js'
import { validateMappedRecord } from './validate-mapped-record.js'

const booleanWords: Readonly<Record<string, boolean>> = {
  true: true,
  yes: true,
  1: true,
  false: false,
  no: false,
  0: false,
}

const interviewColumns = [
  ['interview_camera_refused', 'cameraRefused'],
  ['interview_failed_liveness', 'failedLiveness'],
  ['interview_reading_answers', 'readingAnswers'],
  ['interview_voice_changer', 'voiceChanger'],
  ['interview_avoided_in_person_step', 'avoidedInPersonStep'],
] as const satisfies readonly (readonly [CsvColumn, string])[]

const addressColumns = [
  ['home_address', 'home'],
  ['mailing_address', 'mailing'],
  ['shipping_address', 'shipping'],
] as const satisfies readonly (readonly [CsvColumn, AddressType])[]

// Canonical field -> CSV column, for the fields that map one to one.
const columnOf: readonly (readonly [string, CsvColumn])[] = [
  ['id', 'application_id'],
  ['submittedAt', 'submitted_at'],
  ['source.system', 'source'],
  ['source.channel', 'channel'],
  ['source.candidateId', 'candidate_id'],
  ['source.applicationId', 'application_id'],
  ['requisition.id', 'requisition_id'],
  ['requisition.title', 'requisition_title'],
  ['cv.basics.name', 'name'],
  ['claimed.location.city', 'city'],
  ['claimed.location.region', 'region'],
  ['claimed.location.countryCode', 'country'],
  ['claimed.timeZone', 'time_zone'],
  ['claimed.residentSince', 'resident_since'],
  ['person.birthDate', 'birth_date'],
  ['submission.ip', 'ip'],
  ['submission.userAgent', 'user_agent'],
  ['submission.utcOffsetMinutes', 'utc_offset_minutes'],
  ['submission.acceptLanguage', 'accept_language'],
  ['submission.deviceId', 'device_id'],
  ['document.cvText', 'cv_text'],
  ['document.fileSha256', 'cv_sha256'],
  ['document.photoPerceptualHash', 'photo_phash'],
  ['referrer.name', 'referrer_name'],
  ['staffingVendor.name', 'staffing_vendor'],
  ['interview.notes', 'interview_notes'],
  ...interviewColumns.map(([column, field]) => [`interview.${field}`, column] as const),
]

/**
 * One CSV data row (its cells, in header order) to a canonical record; see docs/csv-columns.md. Blank cells are
 * absent values. Nothing is coerced: a number, boolean or JSON cell that does not read as one is an issue naming
 * its column, and the row is invalid. Emails and phones are `;`-separated; phones are kept as typed.
 */
export function importCsvRow(cells: readonly string[], header: CsvHeader): ImportResult {
  const issues: ValidationIssue[] = []
  if (cells.length > header.columns.length) {
    issues.push({
      path: '(row)',
      message: `has ${cells.length} cells but the header names ${header.columns.length} columns`,
    })
  }
  const cellOf = new Map<CsvColumn, string>()
  header.columns.forEach((column, index) => {
    const cell = cells[index]
    if (column !== undefined && cell !== undefined && cell.trim() !== '') cellOf.set(column, cell)
  })
  const text = (column: CsvColumn): string | undefined => cellOf.get(column)?.trim()
  const paths = new SourcePaths()
  for (const [field, column] of columnOf) paths.set(field, column)

  const readBoolean = (column: CsvColumn): boolean | undefined => {
    const value = text(column)
    if (value === undefined) return undefined
    const flag = booleanWords[value.toLowerCase()]
    if (flag === undefined) issues.push({ path: column, message: `must be true/false, yes/no or 1/0, not "${value}"` })
    return flag
  }
  const readInteger = (column: CsvColumn): number | undefined => {
    const value = text(column)
    if (value === undefined) return undefined
    if (/^[+-]?\d+$/.test(value)) return Number(value)
    issues.push({ path: column, message: `must be a whole number, not "${value}"` })
    return undefined
  }
  const readJsonArray = (column: 'education_json' | 'work_json'): readonly unknown[] => {
    const value = text(column)
    if (value === undefined) return []
    let parsed: unknown
    try {
      parsed = JSON.parse(value)
    } catch (error) {
      issues.push({
        path: column,
        message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      })
      return []
    }
    if (Array.isArray(parsed)) return parsed
    issues.push({ path: column, message: 'must be a JSON array of JSON Resume entries' })
    return []
  }
  const list = (column: 'emails' | 'phones'): string[] =>
    (cellOf.get(column) ?? '')
      .split(';')
      .map((item) => item.trim())
      .filter((item) => item !== '')

  if (text('application_id') === undefined)
    issues.push({ path: 'application_id', message: 'is required: the application id' })
  if (text('submitted_at') === undefined) {
    issues.push({
      path: 'submitted_at',
      message: 'is required: when the application was submitted, as an ISO 8601 date-time',
    })
  }

  const emails = list('emails').map((value, index) => {
    paths.set(`contacts.emails[${index}]`, `emails[${index}]`)
    return { value }
  })
  const phones = list('phones').map((value, index) => {
    paths.set(`contacts.phones[${index}]`, `phones[${index}]`)
    return { value }
  })
  const addresses = addressColumns.flatMap(([column, type]) => {
    const value = text(column)
    if (value === undefined) return []
    return [{ column, address: { type, value } }]
  })
  addresses.forEach(({ column }, index) => paths.set(`contacts.addresses[${index}]`, column))
  const profiles: ResumeProfile[] = []
  for (const column of ['linkedin_url', 'github_url'] as const) {
    const url = text(column)
    if (url === undefined) continue
    paths.set(`cv.basics.profiles[${profiles.length}]`, column)
    profiles.push(profileFromLink(url))
  }

  const education: unknown[] = [...readJsonArray('education_json')]
  education.forEach((_, index) => paths.set(`cv.education[${index}]`, `education_json[${index}]`))
  const school = compact({
    institution: text('school'),
    studyType: text('degree'),
    area: text('field'),
    startDate: text('school_start'),
    endDate: text('school_end'),
  })
  if (school) {
    const to = `cv.education[${education.length}]`
    paths
      .set(to, 'school')
      .set(`${to}.studyType`, 'degree')
      .set(`${to}.area`, 'field')
      .set(`${to}.startDate`, 'school_start')
      .set(`${to}.endDate`, 'school_end')
    education.push(school)
  }
  const work: unknown[] = [...readJsonArray('work_json')]
  work.forEach((_, index) => paths.set(`cv.work[${index}]`, `work_json[${index}]`))
  const job = compact({
    name: text('employer'),
    position: text('title'),
    startDate: text('job_start'),
    endDate: text('job_end'),
  })
  if (job) {
    const to = `cv.work[${work.length}]`
    paths
      .set(to, 'employer')
      .set(`${to}.position`, 'title')
      .set(`${to}.startDate`, 'job_start')
      .set(`${to}.endDate`, 'job_end')
    work.push(job)
  }

  const interview: Record<string, unknown> = {}
  for (const [column, field] of interviewColumns) interview[field] = readBoolean(column)
  interview['notes'] = text('interview_notes')

  const record = withoutUndefined({
    schemaVersion: 1,
    id: text('application_id'),
    submittedAt: text('submitted_at'),
    source: withoutUndefined({
      system: text('source') ?? 'csv',
      candidateId: text('candidate_id'),
      applicationId: text('application_id'),
      channel: text('channel'),
    }),
    requisition: compact({ id: text('requisition_id'), title: text('requisition_title') }),
    cv: withoutUndefined({
      basics: compact({ name: text('name'), profiles: nonEmpty(profiles) }),
      work: nonEmpty(work),
      education: nonEmpty(education),
    }),
    person: compact({ birthDate: text('birth_date') }),
    contacts: compact({
      emails: nonEmpty(emails),
      phones: nonEmpty(phones),
      addresses: nonEmpty(addresses.map(({ address }) => address)),
    }),
    claimed: compact({
      location: compact({ city: text('city'), region: text('region'), countryCode: text('country') }),
      timeZone: text('time_zone'),
      residentSince: text('resident_since'),
    }),
    document: compact({
      // The CV text is kept exactly as given, surrounding whitespace included.
      cvText: cellOf.get('cv_text'),
      fileSha256: text('cv_sha256'),
      photoPerceptualHash: text('photo_phash'),
    }),
    submission: compact({
      ip: text('ip'),
      userAgent: text('user_agent'),
      utcOffsetMinutes: readInteger('utc_offset_minutes'),
      acceptLanguage: text('accept_language'),
      deviceId: text('device_id'),
    }),
    interview: compact(interview),
    referrer: compact({ name: text('referrer_name') }),
    staffingVendor: compact({ name: text('staffing_vendor') }),
  })
  return validateMappedRecord(record, paths, issues)
}
