import type {
  Contacts,
  EmailContact,
  PhoneContact,
  Resume,
  ResumeEducation,
  ResumeWork,
} from '../record/application-record.js'
import type { ValidationIssue } from '../record/validation-issue.js'
import { compact, nonEmpty, withoutUndefined } from './compact-object.js'
import { phoneTypeOf } from './contact-type.js'
import { importFailure, type ImportResult } from './import-result.js'
import { asText, isJsonObject, joinPath, listAt, objectAt, textAt, type JsonObject } from './json-value.js'
import { profileFromLink } from './profile-link.js'
import { SourcePaths } from './source-paths.js'
import { validateMappedRecord } from './validate-mapped-record.js'
import { epochMsToDateTime, toYearMonth } from './vendor-dates.js'

/**
 * A Lever opportunity to a canonical record, alone or with its resumes as `{ opportunity, resumes: [...] }`. The
 * first resume with `parsedData` gives the work history (`positions[]`) and education (`schools[]`); Lever's
 * `{ year, month }` dates become `YYYY-MM`. `createdAt` (epoch ms) is the submission time. Record id
 * `lever:<opportunity id>`; issues name the Lever field.
 */
export function importLeverOpportunity(value: unknown): ImportResult {
  if (!isJsonObject(value)) return importFailure([{ path: '(record)', message: 'must be a Lever opportunity object' }])
  const wrapped = objectAt(value, 'opportunity')
  const opportunity = wrapped ?? value
  const at = wrapped ? 'opportunity' : ''
  const paths = new SourcePaths()
  const issues: ValidationIssue[] = []

  const opportunityId = textAt(opportunity, 'id')
  const createdAt = epochMsToDateTime(opportunity['createdAt'])
  paths.set('id', joinPath(at, 'id')).set('submittedAt', joinPath(at, 'createdAt'))
  if (opportunityId === undefined)
    issues.push({ path: joinPath(at, 'id'), message: 'is required: the Lever opportunity id' })
  if (createdAt === undefined) {
    issues.push({
      path: joinPath(at, 'createdAt'),
      message: 'is required: when the opportunity was created (epoch ms)',
    })
  }

  const application = listAt(opportunity, 'applications')[0]
  const applicationId = isJsonObject(application) ? textAt(application, 'id') : asText(application)
  const posting = isJsonObject(application) ? textAt(application, 'posting') : undefined
  paths
    .set('source.candidateId', joinPath(at, 'contact'))
    .set('source.applicationId', joinPath(at, 'applications[0]'))
    .set('source.channel', joinPath(at, 'sources[0]'))
    .set('requisition.id', joinPath(at, 'applications[0].posting'))
    .set('cv.basics.name', joinPath(at, 'name'))
    .set('cv.basics.label', joinPath(at, 'headline'))
    .set('cv.basics.location', joinPath(at, 'location'))

  const links = listAt(opportunity, 'links')
    .map((link, index) => ({ url: asText(link), index }))
    .filter((link): link is { url: string; index: number } => link.url !== undefined)
  links.forEach((link, position) =>
    paths.set(`cv.basics.profiles[${position}]`, joinPath(joinPath(at, 'links'), link.index)),
  )
  const location = textAt(opportunity, 'location')
  const resume = resumeOf(value, wrapped !== undefined)

  const cv: Resume = withoutUndefined({
    basics: compact({
      name: textAt(opportunity, 'name'),
      label: textAt(opportunity, 'headline'),
      location: location === undefined ? undefined : { address: location },
      profiles: nonEmpty(links.map((link) => profileFromLink(link.url))),
    }),
    work: resume ? nonEmpty(positionsOf(resume.parsedData, resume.at, paths)) : undefined,
    education: resume ? nonEmpty(schoolsOf(resume.parsedData, resume.at, paths)) : undefined,
  })
  const contacts: Contacts | undefined = compact({
    emails: nonEmpty(emailsOf(opportunity, at, paths)),
    phones: nonEmpty(phonesOf(opportunity, at, paths)),
  })
  if (resume) paths.set('document.fileName', `${resume.at.replace(/\.parsedData$/, '')}.file.name`)

  const record = withoutUndefined({
    schemaVersion: 1,
    id: opportunityId === undefined ? undefined : `lever:${opportunityId}`,
    submittedAt: createdAt,
    source: withoutUndefined({
      system: 'lever',
      candidateId: textAt(opportunity, 'contact'),
      applicationId,
      channel:
        listAt(opportunity, 'sources')
          .map(asText)
          .find((text) => text !== undefined) ?? textAt(opportunity, 'origin'),
    }),
    requisition: compact({ id: posting }),
    cv,
    contacts,
    document: compact({ fileName: resume?.fileName }),
  })
  return validateMappedRecord(record, paths, issues)
}

type ParsedResume = { readonly parsedData: JsonObject; readonly at: string; readonly fileName?: string }

function resumeOf(value: JsonObject, isWrapped: boolean): ParsedResume | undefined {
  if (!isWrapped) return undefined
  const resumes = listAt(value, 'resumes')
  const index = resumes.findIndex((resume) => isJsonObject(resume) && objectAt(resume, 'parsedData') !== undefined)
  const resume = resumes[index]
  if (!isJsonObject(resume)) return undefined
  const parsedData = objectAt(resume, 'parsedData')
  if (!parsedData) return undefined
  const fileName = textAt(objectAt(resume, 'file'), 'name')
  return withoutUndefined({ parsedData, at: `resumes[${index}].parsedData`, fileName })
}

function emailsOf(opportunity: JsonObject, at: string, paths: SourcePaths): EmailContact[] {
  const emails: EmailContact[] = []
  listAt(opportunity, 'emails').forEach((entry, index) => {
    const value = asText(entry)
    if (value === undefined) return
    paths.set(`contacts.emails[${emails.length}]`, joinPath(joinPath(at, 'emails'), index))
    emails.push({ value })
  })
  return emails
}

function phonesOf(opportunity: JsonObject, at: string, paths: SourcePaths): PhoneContact[] {
  const phones: PhoneContact[] = []
  listAt(opportunity, 'phones').forEach((entry, index) => {
    const raw = isJsonObject(entry) ? entry['value'] : entry
    if (typeof raw !== 'string' || raw.trim() === '') return
    paths.set(`contacts.phones[${phones.length}]`, joinPath(joinPath(at, 'phones'), index))
    const type = isJsonObject(entry) ? phoneTypeOf(textAt(entry, 'type')) : undefined
    phones.push(type === undefined ? { value: raw } : { value: raw, type })
  })
  return phones
}

function positionsOf(parsedData: JsonObject, at: string, paths: SourcePaths): ResumeWork[] {
  const work: ResumeWork[] = []
  listAt(parsedData, 'positions').forEach((entry, index) => {
    if (!isJsonObject(entry)) return
    const from = joinPath(joinPath(at, 'positions'), index)
    const to = `cv.work[${work.length}]`
    paths
      .set(to, from)
      .set(`${to}.name`, joinPath(from, 'org'))
      .set(`${to}.position`, joinPath(from, 'title'))
      .set(`${to}.startDate`, joinPath(from, 'start'))
      .set(`${to}.endDate`, joinPath(from, 'end'))
    work.push(
      withoutUndefined({
        name: textAt(entry, 'org'),
        position: textAt(entry, 'title'),
        location: textAt(entry, 'location'),
        summary: textAt(entry, 'summary'),
        startDate: toYearMonth(entry['start']),
        endDate: toYearMonth(entry['end']),
      }),
    )
  })
  return work
}

function schoolsOf(parsedData: JsonObject, at: string, paths: SourcePaths): ResumeEducation[] {
  const education: ResumeEducation[] = []
  // Lever documents `schools`; some client libraries read `school`.
  const key = Array.isArray(parsedData['schools']) ? 'schools' : 'school'
  listAt(parsedData, key).forEach((entry, index) => {
    if (!isJsonObject(entry)) return
    const from = joinPath(joinPath(at, key), index)
    const to = `cv.education[${education.length}]`
    paths
      .set(to, from)
      .set(`${to}.institution`, joinPath(from, 'org'))
      .set(`${to}.studyType`, joinPath(from, 'degree'))
      .set(`${to}.area`, joinPath(from, 'field'))
      .set(`${to}.startDate`, joinPath(from, 'start'))
      .set(`${to}.endDate`, joinPath(from, 'end'))
    education.push(
      withoutUndefined({
        institution: textAt(entry, 'org'),
        studyType: textAt(entry, 'degree'),
        area: textAt(entry, 'field'),
        startDate: toYearMonth(entry['start']),
        endDate: toYearMonth(entry['end']),
      }),
    )
  })
  return education
}
