import type {
  ApplicationRecord,
  PhoneLineTypeLookup,
  ResumeEducation,
  ResumeWork,
} from '../record/application-record.js'
import { classifyDegree, type DegreeLevel } from './degree-level.js'
import { parseEmail, type ParsedEmail } from './email-address.js'
import { parsePartialDate, type PartialDate } from './partial-date.js'
import { parsePersonName, type PersonName } from './person-name.js'
import { parsePhone, type ParsedPhone } from './phone-number.js'

export type NormalisedPhone = ParsedPhone & {
  /** Where in the record the number was found, e.g. `contacts.phones[0].value` or `cv.basics.phone`. */
  readonly path: string
  /** A carrier lookup from the record's enrichment for this number, when there is one. */
  readonly lookup?: PhoneLineTypeLookup
}

export type NormalisedEmail = ParsedEmail & { readonly path: string }

export type NormalisedEducation = {
  readonly index: number
  readonly entry: ResumeEducation
  readonly level: DegreeLevel
  readonly start?: PartialDate
  readonly end?: PartialDate
}

export type NormalisedWork = {
  readonly index: number
  readonly entry: ResumeWork
  readonly start?: PartialDate
  /** Undefined end with a start means the role is current. */
  readonly end?: PartialDate
  readonly isCurrent: boolean
}

/** Everything detectors share, computed once per record. */
export type NormalisedApplication = {
  readonly name: PersonName
  readonly emails: readonly NormalisedEmail[]
  readonly phones: readonly NormalisedPhone[]
  /** Upper-case ISO country the applicant claims to live in (claimed location, else home address, else CV). */
  readonly claimedCountry?: string
  readonly claimedTimeZone?: string
  readonly submittedAtMs: number
  readonly birth?: PartialDate
  readonly education: readonly NormalisedEducation[]
  readonly work: readonly NormalisedWork[]
}

export function normaliseApplication(record: ApplicationRecord): NormalisedApplication {
  const claimedCountry = findClaimedCountry(record)
  const lookups = record.enrichment?.phoneLineTypes ?? []
  const phones: NormalisedPhone[] = []
  const seenPhones = new Set<string>()
  const addPhone = (raw: string, path: string): void => {
    const key = raw.replace(/[^\d+]/g, '')
    if (seenPhones.has(key)) return
    seenPhones.add(key)
    const parsed = parsePhone(raw, claimedCountry)
    const lookup = lookups.find(
      (candidate) => candidate.phone === raw || (parsed.e164 !== undefined && candidate.phone === parsed.e164),
    )
    // Object.assign rather than `{ ...parsed, path }`, which V8 builds slowly (a new hidden class each time).
    phones.push(Object.assign({}, parsed, lookup ? { path, lookup } : { path }))
  }
  record.contacts?.phones?.forEach((phone, index) => addPhone(phone.value, `contacts.phones[${index}].value`))
  if (record.cv.basics?.phone) addPhone(record.cv.basics.phone, 'cv.basics.phone')

  const emails: NormalisedEmail[] = []
  const seenEmails = new Set<string>()
  const addEmail = (raw: string, path: string): void => {
    const key = raw.trim().toLowerCase()
    if (seenEmails.has(key)) return
    seenEmails.add(key)
    emails.push(Object.assign({}, parseEmail(raw), { path }))
  }
  record.contacts?.emails?.forEach((email, index) => addEmail(email.value, `contacts.emails[${index}].value`))
  if (record.cv.basics?.email) addEmail(record.cv.basics.email, 'cv.basics.email')

  const birth = parsePartialDate(record.person?.birthDate)
  const claimedTimeZone = record.claimed?.timeZone
  return {
    name: parsePersonName(record.cv.basics?.name),
    emails,
    phones,
    ...(claimedCountry ? { claimedCountry } : {}),
    ...(claimedTimeZone ? { claimedTimeZone } : {}),
    submittedAtMs: Date.parse(record.submittedAt),
    ...(birth ? { birth } : {}),
    education: (record.cv.education ?? []).map((entry, index) => {
      const start = parsePartialDate(entry.startDate)
      const end = parsePartialDate(entry.endDate)
      return {
        index,
        entry,
        level: classifyDegree(entry.studyType),
        ...(start ? { start } : {}),
        ...(end ? { end } : {}),
      }
    }),
    work: (record.cv.work ?? []).map((entry, index) => {
      const start = parsePartialDate(entry.startDate)
      const end = parsePartialDate(entry.endDate)
      return {
        index,
        entry,
        ...(start ? { start } : {}),
        ...(end ? { end } : {}),
        isCurrent: start !== undefined && end === undefined,
      }
    }),
  }
}

function findClaimedCountry(record: ApplicationRecord): string | undefined {
  const home = record.contacts?.addresses?.find((address) => address.type === 'home')
  const code =
    record.claimed?.location?.countryCode ?? home?.countryCode ?? record.cv.basics?.location?.countryCode ?? undefined
  return code?.toUpperCase()
}
