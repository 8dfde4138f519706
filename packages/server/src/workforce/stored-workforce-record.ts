import { createHash } from 'node:crypto'
import { assertNever } from '@hirewall/core'
import { isOneOf, workforceRecordKinds, type NewWorkforceRecord, type StoredWorkforceRecord } from '@hirewall/store'
import type { WorkforceRecord } from '@hirewall/workforce'

/**
 * A record as the workforce table stores it: the natural key that makes a re-sent event a duplicate (an identity
 * provider's own event id for sign-ins; for every other kind the digest of the normalised record, so the same row sent
 * again is the same record and a changed row is a new one), the key it is looked up by (the employee id, else the
 * sign-in name or device), and its time.
 */
export function toNewWorkforceRecord(record: WorkforceRecord, source: string, receivedBy: string): NewWorkforceRecord {
  return {
    kind: record.kind,
    naturalKey:
      record.kind === 'sign-in'
        ? `${record.provider}:${record.eventId}`
        : createHash('sha256').update(JSON.stringify(record)).digest('base64url'),
    subjectKey: subjectKeyOf(record),
    at: timeOf(record),
    record,
    source,
    receivedBy,
  }
}

function subjectKeyOf(record: WorkforceRecord): string {
  switch (record.kind) {
    case 'hire':
    case 'shipment':
    case 'payroll-change':
      return record.employeeId
    case 'device-check-in':
      return record.employeeId ?? record.user ?? record.device
    case 'endpoint-observation':
      return record.hostIdentifier
    case 'sign-in':
      return record.login
    default:
      return assertNever(record)
  }
}

/** The record's own time: a hire's start date (midnight UTC), a shipment's ship (else delivery) date, and so on. */
export function timeOf(record: WorkforceRecord): Date | undefined {
  switch (record.kind) {
    case 'hire':
      return dateOf(`${record.startDate}T00:00:00Z`)
    case 'shipment':
      return dateOf(record.shippedAt ?? record.deliveredAt)
    case 'device-check-in':
      return new Date(record.firstCheckInAtMs)
    case 'endpoint-observation':
      return new Date(record.observedAtMs)
    case 'sign-in':
      return new Date(record.atMs)
    case 'payroll-change':
      return new Date(record.changedAtMs)
    default:
      return assertNever(record)
  }
}

function dateOf(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text)
  return Number.isNaN(ms) ? undefined : new Date(ms)
}

/**
 * The record a stored row holds. The rows were written by {@link toNewWorkforceRecord} from importer output, so the
 * JSON is a record of its kind; a row whose kind does not agree is refused rather than fed to the evaluator.
 */
export function workforceRecordOf(stored: StoredWorkforceRecord): WorkforceRecord {
  const kind = stored.record['kind']
  if (!isOneOf(workforceRecordKinds, kind) || kind !== stored.kind)
    throw new Error(`workforce_records ${stored.seq}: the record's kind is ${String(kind)}, not ${stored.kind}`)
  return stored.record as unknown as WorkforceRecord
}
