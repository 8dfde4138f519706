/**
 * The facts of an application record an analyst compares across linked applications, read defensively: the record
 * is JSON from the API and any field may be missing.
 */

/** One comparable fact: a label and the values it has in one record (several emails, several degrees). */
export type FactLabel =
  | 'Name'
  | 'Emails'
  | 'Phones'
  | 'Addresses'
  | 'Claimed location'
  | 'Birth date'
  | 'Education'
  | 'Employment'
  | 'Profiles'
  | 'Device'
  | 'IP address'
  | 'CV file'
  | 'Photo'
  | 'Referrer'
  | 'Staffing vendor'
  | 'Requisition'

/** Every fact label in the order the comparison shows them. */
export const factLabels: readonly FactLabel[] = [
  'Name',
  'Emails',
  'Phones',
  'Addresses',
  'Claimed location',
  'Birth date',
  'Education',
  'Employment',
  'Profiles',
  'Device',
  'IP address',
  'CV file',
  'Photo',
  'Referrer',
  'Staffing vendor',
  'Requisition',
]

export type RecordFacts = Readonly<Record<FactLabel, readonly string[]>>

type Json = Readonly<Record<string, unknown>>

const objectAt = (value: unknown, key: string): Json | undefined => {
  if (typeof value !== 'object' || value === null) return undefined
  const inner = (value as Json)[key]
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Json) : undefined
}
const listAt = (value: unknown, key: string): readonly unknown[] => {
  if (typeof value !== 'object' || value === null) return []
  const inner = (value as Json)[key]
  return Array.isArray(inner) ? inner : []
}
const textAt = (value: unknown, key: string): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined
  const inner = (value as Json)[key]
  return typeof inner === 'string' && inner.trim() !== '' ? inner.trim() : undefined
}
const joined = (parts: readonly (string | undefined)[], separator = ', '): string | undefined => {
  const present = parts.filter((part): part is string => part !== undefined)
  return present.length === 0 ? undefined : present.join(separator)
}
const present = (values: readonly (string | undefined)[]): readonly string[] => [
  ...new Set(values.filter((value): value is string => value !== undefined)),
]

/** The comparable facts of one application record. */
export function recordFacts(record: unknown): RecordFacts {
  const cv = objectAt(record, 'cv')
  const basics = objectAt(cv, 'basics')
  const contacts = objectAt(record, 'contacts')
  const submission = objectAt(record, 'submission')
  const document = objectAt(record, 'document')
  const claimed = objectAt(record, 'claimed')
  const place = (value: unknown) =>
    joined([
      textAt(value, 'address') ?? textAt(value, 'value') ?? joined([textAt(value, 'line1'), textAt(value, 'line2')]),
      textAt(value, 'city'),
      textAt(value, 'region'),
      textAt(value, 'postalCode'),
      textAt(value, 'countryCode'),
    ])
  return {
    Name: present([textAt(basics, 'name')]),
    Emails: present([textAt(basics, 'email'), ...listAt(contacts, 'emails').map((email) => textAt(email, 'value'))]),
    Phones: present([textAt(basics, 'phone'), ...listAt(contacts, 'phones').map((phone) => textAt(phone, 'value'))]),
    Addresses: present([place(objectAt(basics, 'location')), ...listAt(contacts, 'addresses').map(place)]),
    'Claimed location': present([
      joined([
        textAt(objectAt(claimed, 'location'), 'city'),
        textAt(objectAt(claimed, 'location'), 'region'),
        textAt(objectAt(claimed, 'location'), 'countryCode'),
      ]),
    ]),
    'Birth date': present([textAt(objectAt(record, 'person'), 'birthDate')]),
    Education: present(
      listAt(cv, 'education').map((school) =>
        joined(
          [
            textAt(school, 'institution'),
            joined([textAt(school, 'studyType'), textAt(school, 'area')], ' in '),
            joined([textAt(school, 'startDate'), textAt(school, 'endDate')], ' to '),
          ],
          ' · ',
        ),
      ),
    ),
    Employment: present(
      listAt(cv, 'work').map((job) =>
        joined(
          [
            textAt(job, 'name'),
            textAt(job, 'position'),
            joined([textAt(job, 'startDate'), textAt(job, 'endDate')], ' to '),
          ],
          ' · ',
        ),
      ),
    ),
    Profiles: present(
      [...listAt(basics, 'profiles'), ...listAt(record, 'profiles')].map((profile) =>
        joined([textAt(profile, 'network'), textAt(profile, 'username') ?? textAt(profile, 'url')], ': '),
      ),
    ),
    Device: present([textAt(submission, 'deviceId')]),
    'IP address': present([textAt(submission, 'ip')]),
    'CV file': present([textAt(document, 'fileSha256')]),
    Photo: present([textAt(document, 'photoPerceptualHash')]),
    Referrer: present([
      joined([textAt(objectAt(record, 'referrer'), 'name'), textAt(objectAt(record, 'referrer'), 'email')]),
    ]),
    'Staffing vendor': present([textAt(objectAt(record, 'staffingVendor'), 'name')]),
    Requisition: present([
      joined([textAt(objectAt(record, 'requisition'), 'id'), textAt(objectAt(record, 'requisition'), 'title')], ' · '),
    ]),
  }
}

/**
 * How two values are compared: case, spacing and phone punctuation do not make a difference. Phones compare by their
 * last ten digits, so "+1 416 219 1437" and "(416) 219-1437" match (the server's own linking uses E.164; this only
 * decides what the comparison highlights).
 */
export function comparisonKey(label: FactLabel, value: string): string {
  if (label === 'Phones') {
    const digits = value.replace(/\D/g, '').replace(/^0+/, '')
    return digits.length > 10 ? digits.slice(-10) : digits
  }
  return value.toLowerCase().replace(/\s+/g, ' ').trim()
}
