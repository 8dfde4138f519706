import type {
  ClaimedLocation,
  Contacts,
  EmailContact,
  PhoneContact,
  Resume,
  ResumeProfile,
} from '../record/application-record.js'
import type { ValidationIssue } from '../record/validation-issue.js'
import { compact, nonEmpty, withoutUndefined } from './compact-object.js'
import { emailTypeOf, phoneTypeOf } from './contact-type.js'
import { countryCodeFromName } from './country-code.js'
import { importFailure, type ImportResult } from './import-result.js'
import { asText, isJsonObject, joinPath, listAt, objectAt, textAt, type JsonObject } from './json-value.js'
import { profileFromLink } from './profile-link.js'
import { SourcePaths } from './source-paths.js'
import { validateMappedRecord } from './validate-mapped-record.js'

/**
 * An Ashby `candidate.info` response (`{ success, results }`) or the bare candidate to a canonical record. Ashby has
 * no structured history: `school` becomes one education entry (institution only) and `company` + `position` one
 * work entry. The location's Country component becomes `claimed.location.countryCode` when it is an ISO code or a
 * country name HireWall knows. Record id `ashby:<first application id>` (else `ashby:<candidate id>`).
 */
export function importAshbyCandidate(value: unknown): ImportResult {
  if (!isJsonObject(value)) return importFailure([{ path: '(record)', message: 'must be an Ashby candidate object' }])
  const isEnvelope = 'results' in value || 'success' in value
  if (isEnvelope && value['success'] === false) {
    const errors = listAt(value, 'errors')
      .map(asText)
      .filter((error) => error !== undefined)
    return importFailure([
      {
        path: 'success',
        message: `is false: Ashby returned no candidate${errors.length ? ` (${errors.join('; ')})` : ''}`,
      },
    ])
  }
  const candidate = isEnvelope ? objectAt(value, 'results') : value
  if (!candidate) return importFailure([{ path: 'results', message: 'is required: the candidate object' }])
  const at = isEnvelope ? 'results' : ''
  const paths = new SourcePaths()
  const issues: ValidationIssue[] = []

  const candidateId = textAt(candidate, 'id')
  const applicationId = asText(listAt(candidate, 'applicationIds')[0])
  const createdAt = textAt(candidate, 'createdAt')
  paths
    .set('id', applicationId === undefined ? joinPath(at, 'id') : joinPath(at, 'applicationIds[0]'))
    .set('submittedAt', joinPath(at, 'createdAt'))
    .set('source.candidateId', joinPath(at, 'id'))
    .set('source.channel', joinPath(at, 'source.title'))
    .set('cv.basics.name', joinPath(at, 'name'))
    .set('cv.education[0]', joinPath(at, 'school'))
    .set('cv.work[0].name', joinPath(at, 'company'))
    .set('cv.work[0].position', joinPath(at, 'position'))
    .set('claimed.timeZone', joinPath(at, 'timezone'))
    .set('claimed.location', joinPath(at, 'primaryLocation.locationComponents'))
    .set('document.fileName', joinPath(at, 'resumeFileHandle.name'))
  if (applicationId === undefined && candidateId === undefined) {
    issues.push({ path: joinPath(at, 'applicationIds'), message: 'is required (or the candidate id): the record id' })
  }
  if (createdAt === undefined)
    issues.push({ path: joinPath(at, 'createdAt'), message: 'is required: when the candidate applied' })

  const school = textAt(candidate, 'school')
  const company = textAt(candidate, 'company')
  const position = textAt(candidate, 'position')
  const location = locationOf(objectAt(candidate, 'primaryLocation'))
  const cv: Resume = withoutUndefined({
    basics: compact({
      name: textAt(candidate, 'name'),
      location: location.unmapped === undefined ? undefined : { address: location.unmapped },
      profiles: nonEmpty(profilesOf(candidate, at, paths)),
    }),
    work: company === undefined && position === undefined ? undefined : [withoutUndefined({ name: company, position })],
    education: school === undefined ? undefined : [{ institution: school }],
  })
  const contacts: Contacts | undefined = compact({
    emails: nonEmpty(emailsOf(candidate, at, paths)),
    phones: nonEmpty(phonesOf(candidate, at, paths)),
  })

  const record = withoutUndefined({
    schemaVersion: 1,
    id: applicationId === undefined && candidateId === undefined ? undefined : `ashby:${applicationId ?? candidateId}`,
    submittedAt: createdAt,
    source: withoutUndefined({
      system: 'ashby',
      candidateId,
      applicationId,
      channel: textAt(objectAt(candidate, 'source'), 'title'),
    }),
    cv,
    contacts,
    claimed: compact({ location: location.claimed, timeZone: textAt(candidate, 'timezone') }),
    document: compact({ fileName: textAt(objectAt(candidate, 'resumeFileHandle'), 'name') }),
  })
  return validateMappedRecord(record, paths, issues)
}

type AshbyLocation = {
  readonly claimed?: ClaimedLocation
  /** The location summary, kept in the CV when its country could not be read as an ISO code. */
  readonly unmapped?: string
}

function locationOf(primaryLocation: JsonObject | undefined): AshbyLocation {
  const parts = new Map<string, string>()
  for (const component of listAt(primaryLocation, 'locationComponents')) {
    if (!isJsonObject(component)) continue
    const type = textAt(component, 'type')?.toLowerCase()
    const name = textAt(component, 'name')
    if (type !== undefined && name !== undefined && !parts.has(type)) parts.set(type, name)
  }
  const country = parts.get('country')
  const countryCode = country === undefined ? undefined : countryCodeFromName(country)
  const claimed = compact({
    city: parts.get('city') ?? parts.get('locality'),
    region: parts.get('region') ?? parts.get('state'),
    countryCode,
  })
  const summary = textAt(primaryLocation, 'locationSummary') ?? country
  return withoutUndefined({
    claimed,
    unmapped: country !== undefined && countryCode === undefined ? summary : undefined,
  })
}

function emailsOf(candidate: JsonObject, at: string, paths: SourcePaths): EmailContact[] {
  const emails: EmailContact[] = []
  const seen = new Set<string>()
  const add = (entry: unknown, sourcePath: string): void => {
    const value = isJsonObject(entry) ? textAt(entry, 'value') : asText(entry)
    if (value === undefined || seen.has(value.toLowerCase())) return
    seen.add(value.toLowerCase())
    paths.set(`contacts.emails[${emails.length}]`, sourcePath)
    const type = isJsonObject(entry) ? emailTypeOf(textAt(entry, 'type')) : undefined
    emails.push(type === undefined ? { value } : { value, type })
  }
  add(candidate['primaryEmailAddress'], joinPath(at, 'primaryEmailAddress'))
  listAt(candidate, 'emailAddresses').forEach((entry, index) =>
    add(entry, joinPath(joinPath(at, 'emailAddresses'), index)),
  )
  return emails
}

function phonesOf(candidate: JsonObject, at: string, paths: SourcePaths): PhoneContact[] {
  const phones: PhoneContact[] = []
  const seen = new Set<string>()
  const add = (entry: unknown, sourcePath: string): void => {
    const raw = isJsonObject(entry) ? entry['value'] : entry
    if (typeof raw !== 'string' || raw.trim() === '' || seen.has(raw)) return
    seen.add(raw)
    paths.set(`contacts.phones[${phones.length}]`, sourcePath)
    const type = isJsonObject(entry) ? phoneTypeOf(textAt(entry, 'type')) : undefined
    phones.push(type === undefined ? { value: raw } : { value: raw, type })
  }
  add(candidate['primaryPhoneNumber'], joinPath(at, 'primaryPhoneNumber'))
  listAt(candidate, 'phoneNumbers').forEach((entry, index) => add(entry, joinPath(joinPath(at, 'phoneNumbers'), index)))
  return phones
}

function profilesOf(candidate: JsonObject, at: string, paths: SourcePaths): ResumeProfile[] {
  const profiles: ResumeProfile[] = []
  listAt(candidate, 'socialLinks').forEach((entry, index) => {
    const url = isJsonObject(entry) ? textAt(entry, 'url') : asText(entry)
    if (url === undefined) return
    paths.set(`cv.basics.profiles[${profiles.length}]`, joinPath(joinPath(at, 'socialLinks'), index))
    profiles.push(profileFromLink(url, isJsonObject(entry) ? textAt(entry, 'type') : undefined))
  })
  return profiles
}
