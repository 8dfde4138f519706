import type {
  AddressContact,
  Contacts,
  EmailContact,
  PhoneContact,
  Resume,
  ResumeEducation,
  ResumeProfile,
  ResumeWork,
} from '../record/application-record.js'
import type { ValidationIssue } from '../record/validation-issue.js'
import { compact, nonEmpty, withoutUndefined } from './compact-object.js'
import { emailTypeOf, phoneTypeOf } from './contact-type.js'
import { importFailure, type ImportResult } from './import-result.js'
import { asText, isJsonObject, joinPath, listAt, objectAt, textAt, type JsonObject } from './json-value.js'
import { profileFromLink } from './profile-link.js'
import { SourcePaths } from './source-paths.js'
import { validateMappedRecord } from './validate-mapped-record.js'
import { toCalendarDate } from './vendor-dates.js'

/** The webhook actions whose payload is an application with its candidate. */
export const greenhouseApplicationActions = [
  'new_candidate_application',
  'application_updated',
  'hire_candidate',
] as const

/**
 * Greenhouse to canonical records: a webhook (`{ action, payload: { application: { candidate, jobs } } }`), a Harvest
 * v1 candidate with `applications[]` (one record per application), or a Harvest application carrying its
 * `candidate`. Record ids are `greenhouse:<application id>`; issues name the Greenhouse field.
 */
export function importGreenhouse(value: unknown): readonly ImportResult[] {
  if (!isJsonObject(value)) return [importFailure([{ path: '(record)', message: 'must be a Greenhouse object' }])]
  if ('action' in value || 'payload' in value) return [importWebhook(value)]
  if (Array.isArray(value['applications'])) {
    const applications = value['applications']
    if (applications.length === 0) {
      return [
        importFailure([{ path: 'applications', message: 'is empty: the candidate has no application to screen' }]),
      ]
    }
    return applications.map((application, index) =>
      isJsonObject(application)
        ? importApplication(application, joinPath('applications', index), value, '')
        : importFailure([{ path: joinPath('applications', index), message: 'must be an application object' }]),
    )
  }
  const candidate = objectAt(value, 'candidate')
  if (!candidate)
    return [importFailure([{ path: 'candidate', message: 'is required: the applicant of this application' }])]
  return [importApplication(value, '', candidate, 'candidate')]
}

function importWebhook(envelope: JsonObject): ImportResult {
  const action = textAt(envelope, 'action')
  if (!greenhouseApplicationActions.some((known) => known === action)) {
    return importFailure([
      {
        path: 'action',
        message: `is ${action === undefined ? 'missing' : `"${action}"`}: only ${greenhouseApplicationActions.join(', ')} carry an application to screen`,
      },
    ])
  }
  const application = objectAt(objectAt(envelope, 'payload'), 'application')
  if (!application)
    return importFailure([{ path: 'payload.application', message: 'is required: the application object' }])
  const candidate = objectAt(application, 'candidate')
  if (!candidate) {
    return importFailure([
      { path: 'payload.application.candidate', message: 'is required: the applicant of this application' },
    ])
  }
  return importApplication(application, 'payload.application', candidate, 'payload.application.candidate')
}

function importApplication(
  application: JsonObject,
  at: string,
  candidate: JsonObject,
  candidateAt: string,
): ImportResult {
  const paths = new SourcePaths()
  const issues: ValidationIssue[] = []
  const applicationId = textAt(application, 'id')
  const appliedAt = textAt(application, 'applied_at')
  paths.set('id', joinPath(at, 'id')).set('submittedAt', joinPath(at, 'applied_at'))
  if (applicationId === undefined)
    issues.push({ path: joinPath(at, 'id'), message: 'is required: the Greenhouse application id' })
  if (appliedAt === undefined) {
    issues.push({ path: joinPath(at, 'applied_at'), message: 'is required: the date the application was submitted' })
  }

  const source = objectAt(application, 'source')
  paths.set('source.candidateId', joinPath(candidateAt, 'id')).set('source.channel', joinPath(at, 'source'))
  const job = listAt(application, 'jobs').find(isJsonObject)
  paths.set('requisition', joinPath(at, 'jobs[0]'))
  const location = textAt(objectAt(application, 'location'), 'address')
  paths.set('cv.basics.location', joinPath(at, 'location'))

  const cv: Resume = withoutUndefined({
    basics: compact({
      name: fullName(candidate),
      location: location === undefined ? undefined : { address: location },
      profiles: nonEmpty(profilesOf(application, at, candidate, candidateAt, paths)),
    }),
    work: nonEmpty(employmentsOf(candidate, candidateAt, paths)),
    education: nonEmpty(educationsOf(candidate, candidateAt, paths)),
  })
  const contacts: Contacts | undefined = compact({
    emails: nonEmpty(emailsOf(candidate, candidateAt, paths)),
    phones: nonEmpty(phonesOf(candidate, candidateAt, paths)),
    addresses: nonEmpty(addressesOf(candidate, candidateAt, paths)),
  })
  const resume = [...listAt(application, 'attachments'), ...listAt(candidate, 'attachments')]
    .filter(isJsonObject)
    .find((attachment) => textAt(attachment, 'type') === 'resume')

  const record = withoutUndefined({
    schemaVersion: 1,
    id: applicationId === undefined ? undefined : `greenhouse:${applicationId}`,
    submittedAt: appliedAt,
    source: withoutUndefined({
      system: 'greenhouse',
      candidateId: textAt(candidate, 'id') ?? textAt(application, 'candidate_id'),
      applicationId,
      channel: textAt(source, 'public_name') ?? textAt(source, 'name'),
    }),
    requisition: compact({ id: textAt(job, 'requisition_id') ?? textAt(job, 'id'), title: textAt(job, 'name') }),
    cv,
    contacts,
    document: compact({ fileName: textAt(resume, 'filename') }),
  })
  return validateMappedRecord(record, paths, issues)
}

function fullName(candidate: JsonObject): string | undefined {
  const parts = [textAt(candidate, 'first_name'), textAt(candidate, 'last_name')].filter((part) => part !== undefined)
  return parts.length === 0 ? undefined : parts.join(' ')
}

function emailsOf(candidate: JsonObject, at: string, paths: SourcePaths): EmailContact[] {
  const emails: EmailContact[] = []
  listAt(candidate, 'email_addresses').forEach((entry, index) => {
    const value = isJsonObject(entry) ? textAt(entry, 'value') : asText(entry)
    if (value === undefined) return
    paths.set(`contacts.emails[${emails.length}]`, joinPath(joinPath(at, 'email_addresses'), index))
    const type = isJsonObject(entry) ? emailTypeOf(textAt(entry, 'type')) : undefined
    emails.push(type === undefined ? { value } : { value, type })
  })
  return emails
}

function phonesOf(candidate: JsonObject, at: string, paths: SourcePaths): PhoneContact[] {
  const phones: PhoneContact[] = []
  listAt(candidate, 'phone_numbers').forEach((entry, index) => {
    // The number exactly as typed: its formatting is evidence.
    const raw = isJsonObject(entry) ? entry['value'] : entry
    if (typeof raw !== 'string' || raw.trim() === '') return
    paths.set(`contacts.phones[${phones.length}]`, joinPath(joinPath(at, 'phone_numbers'), index))
    const type = isJsonObject(entry) ? phoneTypeOf(textAt(entry, 'type')) : undefined
    phones.push(type === undefined ? { value: raw } : { value: raw, type })
  })
  return phones
}

function addressesOf(candidate: JsonObject, at: string, paths: SourcePaths): AddressContact[] {
  const addresses: AddressContact[] = []
  listAt(candidate, 'addresses').forEach((entry, index) => {
    if (!isJsonObject(entry)) return
    const value = textAt(entry, 'value')
    if (value === undefined) return
    paths.set(`contacts.addresses[${addresses.length}]`, joinPath(joinPath(at, 'addresses'), index))
    addresses.push({ type: textAt(entry, 'type')?.toLowerCase() === 'home' ? 'home' : 'other', value })
  })
  return addresses
}

function profilesOf(
  application: JsonObject,
  at: string,
  candidate: JsonObject,
  candidateAt: string,
  paths: SourcePaths,
): ResumeProfile[] {
  const profiles: ResumeProfile[] = []
  const add = (url: string, sourcePath: string): void => {
    paths.set(`cv.basics.profiles[${profiles.length}]`, sourcePath)
    profiles.push(profileFromLink(url))
  }
  for (const key of ['website_addresses', 'social_media_addresses']) {
    listAt(candidate, key).forEach((entry, index) => {
      const url = isJsonObject(entry) ? textAt(entry, 'value') : asText(entry)
      if (url !== undefined) add(url, joinPath(joinPath(joinPath(candidateAt, key), index), 'value'))
    })
  }
  // LinkedIn and GitHub URLs often arrive as answers to application questions instead.
  listAt(application, 'answers').forEach((entry, index) => {
    const answer = isJsonObject(entry) ? textAt(entry, 'answer') : undefined
    if (answer === undefined || !/^(https?:\/\/)?([\w-]+\.)*(linkedin|github)\.com\/\S+$/i.test(answer)) return
    add(answer, joinPath(joinPath(joinPath(at, 'answers'), index), 'answer'))
  })
  return profiles
}

function educationsOf(candidate: JsonObject, at: string, paths: SourcePaths): ResumeEducation[] {
  const education: ResumeEducation[] = []
  listAt(candidate, 'educations').forEach((entry, index) => {
    if (!isJsonObject(entry)) return
    const from = joinPath(joinPath(at, 'educations'), index)
    const to = `cv.education[${education.length}]`
    paths
      .set(to, from)
      .set(`${to}.institution`, joinPath(from, 'school_name'))
      .set(`${to}.studyType`, joinPath(from, 'degree'))
      .set(`${to}.area`, joinPath(from, 'discipline'))
      .set(`${to}.startDate`, joinPath(from, 'start_date'))
      .set(`${to}.endDate`, joinPath(from, 'end_date'))
    education.push(
      withoutUndefined({
        institution: textAt(entry, 'school_name'),
        studyType: textAt(entry, 'degree'),
        area: textAt(entry, 'discipline'),
        startDate: toCalendarDate(entry['start_date']),
        endDate: toCalendarDate(entry['end_date']),
      }),
    )
  })
  return education
}

function employmentsOf(candidate: JsonObject, at: string, paths: SourcePaths): ResumeWork[] {
  const work: ResumeWork[] = []
  listAt(candidate, 'employments').forEach((entry, index) => {
    if (!isJsonObject(entry)) return
    const from = joinPath(joinPath(at, 'employments'), index)
    const to = `cv.work[${work.length}]`
    paths
      .set(to, from)
      .set(`${to}.name`, joinPath(from, 'company_name'))
      .set(`${to}.position`, joinPath(from, 'title'))
      .set(`${to}.startDate`, joinPath(from, 'start_date'))
      .set(`${to}.endDate`, joinPath(from, 'end_date'))
    work.push(
      withoutUndefined({
        name: textAt(entry, 'company_name'),
        position: textAt(entry, 'title'),
        startDate: toCalendarDate(entry['start_date']),
        endDate: toCalendarDate(entry['end_date']),
      }),
    )
  })
  return work
}
