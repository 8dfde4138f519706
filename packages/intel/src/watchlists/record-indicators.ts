import {
  normaliseAddress,
  parseEmail,
  profileHandle,
  type AddressContact,
  type ApplicationRecord,
  type NormalisedApplication,
  type ResumeProfile,
} from '@hirewall/core'
import { hostOfUrl } from './domain-name.js'
import { watchlistIndicatorKinds, type WatchlistIndicatorKind } from './watchlist-entry.js'

/**
 * One value of an application that a watchlist can name: its kind, its comparison key (E.164 phone, canonical email,
 * host name, address key, `network:username`, IP as written, lower-case SHA-256), the value as the record writes it,
 * and where (`contacts.phones[0].value`).
 */
export type RecordIndicator = {
  readonly kind: WatchlistIndicatorKind
  readonly key: string
  readonly value: string
  readonly field: string
}

const allKinds: ReadonlySet<WatchlistIndicatorKind> = new Set(watchlistIndicatorKinds)

/**
 * Every indicator of an application, in record order: phones and emails (contacts and CV, as normalised once for all
 * detectors), the referrer's email, the domains of emails and of every website and profile URL (CV, work, education,
 * enrichment), profile handles, addresses (contacts and the CV's location), the submitting IP and the CV file's hash.
 * Only the `kinds` asked for are read: keys no list can match are not worth computing.
 */
export function recordIndicators(
  record: ApplicationRecord,
  facts: NormalisedApplication,
  kinds: ReadonlySet<WatchlistIndicatorKind> = allKinds,
): readonly RecordIndicator[] {
  const found: RecordIndicator[] = []
  const add = (kind: WatchlistIndicatorKind, key: string | undefined, value: string, field: string): void => {
    if (key !== undefined && key !== '' && kinds.has(kind)) found.push({ kind, key, value, field })
  }
  const wantsDomains = kinds.has('domain')
  const addUrl = (url: string | undefined, field: string): void => {
    if (url !== undefined && wantsDomains) add('domain', hostOfUrl(url), url, field)
  }
  for (const phone of facts.phones) add('phone', phone.e164, phone.raw, phone.path)
  for (const email of facts.emails) {
    if (!email.isValid) continue
    add('email', email.canonical, email.raw, email.path)
    add('domain', email.domain, email.raw, email.path)
  }
  const referrerEmail = record.referrer?.email
  if (referrerEmail !== undefined && (kinds.has('email') || kinds.has('domain'))) {
    const email = parseEmail(referrerEmail)
    if (email.isValid) {
      add('email', email.canonical, referrerEmail, 'referrer.email')
      add('domain', email.domain, referrerEmail, 'referrer.email')
    }
  }
  const basics = record.cv.basics
  addUrl(basics?.url, 'cv.basics.url')
  record.cv.work?.forEach((work, index) => addUrl(work.url, `cv.work[${index}].url`))
  record.cv.education?.forEach((school, index) => addUrl(school.url, `cv.education[${index}].url`))
  const addProfile = (profile: ResumeProfile, path: string): void => {
    const handle = kinds.has('handle') ? profileHandle(profile) : undefined
    if (handle !== undefined) {
      const field = profile.username?.trim() ? `${path}.username` : `${path}.url`
      add('handle', `${handle.network}:${handle.username}`, handle.display, field)
    }
    addUrl(profile.url, `${path}.url`)
  }
  basics?.profiles?.forEach((profile, index) => addProfile(profile, `cv.basics.profiles[${index}]`))
  record.profiles?.forEach((profile, index) => addProfile(profile, `profiles[${index}]`))
  if (kinds.has('address')) addAddresses(record, add)
  const ip = record.submission?.ip?.trim()
  if (ip !== undefined) add('ip', ip, ip, 'submission.ip')
  const fileSha256 = record.document?.fileSha256?.trim()
  if (fileSha256 !== undefined) add('cv-sha256', fileSha256.toLowerCase(), fileSha256, 'document.fileSha256')
  return found
}

function addAddresses(
  record: ApplicationRecord,
  add: (kind: WatchlistIndicatorKind, key: string | undefined, value: string, field: string) => void,
): void {
  record.contacts?.addresses?.forEach((address, index) => {
    const path = `contacts.addresses[${index}]`
    add(
      'address',
      normaliseAddress(address),
      addressText(address),
      address.value === undefined ? path : `${path}.value`,
    )
  })
  const location = record.cv.basics?.location
  if (location?.address !== undefined) {
    const address: AddressContact = {
      type: 'home',
      line1: location.address,
      ...(location.city === undefined ? {} : { city: location.city }),
      ...(location.region === undefined ? {} : { region: location.region }),
      ...(location.postalCode === undefined ? {} : { postalCode: location.postalCode }),
    }
    add('address', normaliseAddress(address), addressText(address), 'cv.basics.location.address')
  }
}

function addressText(address: AddressContact): string {
  return (
    address.value ??
    [address.line1, address.line2, address.city, address.region, address.postalCode]
      .filter((part): part is string => part !== undefined && part !== '')
      .join(', ')
  )
}
