import type { WorkforceRecordKind } from '../store-vocabularies.js'
import { isSealed, type PersonalDataCipher } from './personal-data-cipher.js'

/**
 * The keys of each post-hire record kind that hold personal data. They are sealed together as one envelope under
 * `personal`; what stays readable is what queries, ordering and joins use and is not about the person's life: kinds,
 * ids, times, the sign-in name or device a record is keyed by, asset and serial numbers, a sign-in's outcome, event
 * type and country, a payout's method and institution.
 */
export const personalWorkforceKeys: Readonly<Record<WorkforceRecordKind, readonly string[]>> = {
  hire: ['legalName', 'homeAddress', 'manager', 'logins', 'timeZone'],
  shipment: ['shipTo', 'trackingNumber'],
  'device-check-in': ['publicIp'],
  'endpoint-observation': ['rows'],
  'sign-in': ['ip', 'city', 'region', 'latitude', 'longitude', 'userAgent'],
  'payroll-change': ['holderName', 'accountHash'],
}

const personalKey = 'personal'
/** A sealed sign-in's address as a keyed hash: counting distinct addresses needs equality in SQL. */
export const ipKey = 'ipKey'

/** A record as stored: its personal keys sealed under `personal`, a sign-in's address hashed under `ipKey`. */
export function sealWorkforceRecord(
  kind: WorkforceRecordKind,
  record: Readonly<Record<string, unknown>>,
  cipher: PersonalDataCipher,
): Readonly<Record<string, unknown>> {
  if (!cipher.isEncrypting || isSealed(record[personalKey])) return record
  const readable: Record<string, unknown> = {}
  const personal: Record<string, unknown> = {}
  const keys = new Set(personalWorkforceKeys[kind])
  for (const [key, value] of Object.entries(record)) {
    if (key === ipKey) continue
    if (keys.has(key)) personal[key] = value
    else readable[key] = value
  }
  if (Object.keys(personal).length === 0) return readable
  if (typeof personal.ip === 'string') readable[ipKey] = cipher.hashIdentifier('ip', personal.ip)
  readable[personalKey] = cipher.seal(personal)
  return readable
}

/** The record as the feed gave it: sealed parts opened; a record stored before keys were set passes through. */
export function openWorkforceRecord(
  record: Readonly<Record<string, unknown>>,
  cipher: PersonalDataCipher,
): Readonly<Record<string, unknown>> {
  const envelope = record[personalKey]
  if (!isSealed(envelope)) return record
  const readable = Object.entries(record).filter(([key]) => key !== personalKey && key !== ipKey)
  return { ...Object.fromEntries(readable), ...(cipher.open(envelope) as Record<string, unknown>) }
}

/** The envelope of a sealed record, else undefined (a plaintext record, or one with nothing personal). */
export function sealedWorkforceEnvelopeOf(record: Readonly<Record<string, unknown>>): string | undefined {
  const envelope = record[personalKey]
  return isSealed(envelope) ? envelope : undefined
}

/** True when the record holds a personal key in plaintext. */
export function hasPlainPersonalKeys(kind: WorkforceRecordKind, record: Readonly<Record<string, unknown>>): boolean {
  return personalWorkforceKeys[kind].some((key) => record[key] !== undefined)
}

/**
 * Signals as stored: each signal's `message` and `evidence` (they quote addresses, IPs, names) sealed; codes,
 * severities and weights readable. Unchanged when not encrypting.
 */
export function sealSignalDetails(signals: readonly unknown[], cipher: PersonalDataCipher): unknown[] {
  if (!cipher.isEncrypting) return [...signals]
  return signals.map((signal) => mapDetails(signal, (value) => cipher.seal(value)))
}

/** Signals with their sealed `message` and `evidence` opened; plaintext ones as they are. */
export function openSignalDetails(signals: unknown, cipher: PersonalDataCipher): unknown {
  return Array.isArray(signals) ? signals.map((signal) => mapDetails(signal, (value) => cipher.open(value))) : signals
}

/** The sealed values of stored signals (for rotation and checks). */
export function signalDetailValues(signals: unknown): readonly unknown[] {
  if (!Array.isArray(signals)) return []
  return signals.flatMap((signal) =>
    isObject(signal) ? [signal.message, signal.evidence].filter((value) => value !== undefined) : [],
  )
}

function mapDetails(signal: unknown, change: (value: unknown) => unknown): unknown {
  if (!isObject(signal)) return signal
  const mapped: Record<string, unknown> = { ...signal }
  if (mapped.message !== undefined) mapped.message = change(mapped.message)
  if (mapped.evidence !== undefined) mapped.evidence = change(mapped.evidence)
  return mapped
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
