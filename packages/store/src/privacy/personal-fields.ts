import type { ApplicationRecord, Identifier } from '@hirewall/core'
import { isSealed, type PersonalDataCipher } from './personal-data-cipher.js'

/**
 * The parts of an application record that hold personal data, each encrypted as one value: every key of `cv.basics`
 * (name, email, phone, location, profiles...), every other key of `cv` (work, education: the CV), and these envelope
 * keys. What stays readable is what queries and aggregates use and is not about the person: `id`, `source`,
 * `requisition`, `submittedAt`, `staffingVendor`, `label`, `schemaVersion`.
 */
export const personalRecordKeys = [
  'person',
  'contacts',
  'claimed',
  'profiles',
  'document',
  'submission',
  'interview',
  'referrer',
  'enrichment',
] as const

/** The record with `change` applied to each personal value (see `personalRecordKeys`); the rest as it is. */
export function mapPersonalFields(record: unknown, change: (value: unknown) => unknown): unknown {
  if (!isObject(record)) return record
  const mapped: Record<string, unknown> = { ...record }
  for (const key of personalRecordKeys) {
    if (mapped[key] !== undefined) mapped[key] = change(mapped[key])
  }
  const cv = record.cv
  if (isObject(cv)) {
    const mappedCv: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(cv)) {
      mappedCv[key] =
        key === 'basics' && isObject(value)
          ? Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, change(inner)]))
          : change(value)
    }
    mapped.cv = mappedCv
  }
  return mapped
}

/** The values `mapPersonalFields` would change, for checks (rotation, tests). */
export function personalValuesOf(record: unknown): readonly unknown[] {
  const values: unknown[] = []
  mapPersonalFields(record, (value) => {
    values.push(value)
    return value
  })
  return values
}

/**
 * A whole document as stored (the raw payload, normalised facts, a staged import row): `{ "sealed": envelope }`, an
 * object so the columns' `jsonb_typeof(...) = 'object'` checks hold. Unchanged when not encrypting.
 */
export function sealDocument(document: unknown, cipher: PersonalDataCipher): unknown {
  return cipher.isEncrypting ? { [sealedKey]: cipher.seal(document) } : document
}

/** The document a stored value holds: opened when `sealDocument` sealed it, else as it is. */
export function openDocument(stored: unknown, cipher: PersonalDataCipher): unknown {
  const envelope = sealedEnvelopeOf(stored)
  return envelope === undefined ? stored : cipher.open(envelope)
}

/** The envelope of a sealed document, else undefined. */
export function sealedEnvelopeOf(stored: unknown): string | undefined {
  if (!isObject(stored)) return undefined
  const keys = Object.keys(stored)
  const envelope = stored[sealedKey]
  return keys.length === 1 && isSealed(envelope) ? envelope : undefined
}

const sealedKey = 'sealed'

/** The record as stored: its personal fields sealed. */
export function sealRecord(record: ApplicationRecord, cipher: PersonalDataCipher): unknown {
  return cipher.isEncrypting ? mapPersonalFields(record, (value) => cipher.seal(value)) : record
}

/** The record as it was submitted, from its stored form (plaintext fields written before encryption pass through). */
export function openRecord(stored: unknown, cipher: PersonalDataCipher): ApplicationRecord {
  return mapPersonalFields(stored, (value) => cipher.open(value)) as ApplicationRecord
}

/** An identifier as stored: its value as a keyed hash (for matching), its value and display sealed together. */
export function sealIdentifier(
  identifier: Identifier,
  cipher: PersonalDataCipher,
): { kind: string; value: string; display: string } {
  if (!cipher.isEncrypting) return { kind: identifier.kind, value: identifier.value, display: identifier.display }
  return {
    kind: identifier.kind,
    value: cipher.hashIdentifier(identifier.kind, identifier.value),
    display: cipher.seal({ value: identifier.value, display: identifier.display }) as string,
  }
}

/** The normalised value and display of a stored identifier row. */
export function openIdentifier(
  row: { readonly value: string; readonly display: string },
  cipher: PersonalDataCipher,
): { value: string; display: string } {
  if (!isSealed(row.display)) return { value: row.value, display: row.display }
  const opened = cipher.open(row.display) as { value: string; display: string }
  return { value: opened.value, display: opened.display }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
