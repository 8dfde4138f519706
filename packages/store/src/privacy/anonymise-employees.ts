import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { toJson } from '../database/json-text.js'
import type { WorkforceRecordKind } from '../store-vocabularies.js'
import { eraseEvidence } from './anonymise-applications.js'
import type { PersonalDataCipher } from './personal-data-cipher.js'
import { openSignalDetails, openWorkforceRecord, sealWorkforceRecord } from './workforce-personal-fields.js'

/** What anonymising employees changed. */
export type EmployeeAnonymisation = {
  readonly employeesAnonymised: number
  readonly workforceRecordsAnonymised: number
  readonly assessmentsRedacted: number
}

/**
 * Removes the personal data of these employees and keeps the employment record's skeleton, which HR must usually keep
 * for years and aggregates count: the employee row (id, application and ATS links, home country, start date), every
 * post-hire record's kind, subject, times, source, asset, serial, outcome, method and institution, every assessment's
 * score, outcome and signal codes, cases and decisions. Erased: the legal name, home address and its key, manager and
 * sign-in names; each record's personal keys (see `personalWorkforceKeys`), a sign-in's account replaced by the
 * employee id; assessment signals' messages and evidence; decisions' notes. Rows already anonymised are left alone, so
 * a second erasure changes nothing. Run it in a transaction: it sets `hirewall.redacting` for that transaction only.
 */
export async function anonymiseEmployees(
  transaction: Kysely<Database>,
  cipher: PersonalDataCipher,
  employeeIds: readonly string[],
  now: Date,
): Promise<EmployeeAnonymisation> {
  if (employeeIds.length === 0) return { employeesAnonymised: 0, workforceRecordsAnonymised: 0, assessmentsRedacted: 0 }
  const ids = [...employeeIds]
  const subjectKeys = await employeeSubjectKeys(transaction, ids)
  const employees = await transaction
    .updateTable('employees')
    .set({
      legal_name: null,
      home_address: null,
      home_address_key: null,
      manager: null,
      logins: [],
      anonymised_at: now,
      updated_at: now,
    })
    .where(sql<boolean>`id = any(${ids}::text[])`)
    .where('anonymised_at', 'is', null)
    .returning('id')
    .execute()

  const records = await transaction
    .selectFrom('workforce_records')
    .select(['seq', 'kind', 'subject_key', 'record'])
    .where(sql<boolean>`subject_key = any(${[...subjectKeys.keys()]}::text[])`)
    .where('anonymised_at', 'is', null)
    .orderBy('seq')
    .forUpdate()
    .execute()
  for (const row of records) {
    const employeeId = subjectKeys.get(row.subject_key) ?? row.subject_key
    const record = anonymisedRecord(row.kind, openWorkforceRecord(row.record, cipher), employeeId, row.seq)
    await transaction
      .updateTable('workforce_records')
      .set({
        record: toJson(sealWorkforceRecord(row.kind, record, cipher)),
        // A sign-in name is the person's account: the record is filed under the employee id instead.
        subject_key: row.kind === 'sign-in' ? employeeId : row.subject_key,
        anonymised_at: now,
      })
      .where('seq', '=', row.seq)
      .execute()
  }

  await sql`select set_config('hirewall.redacting', 'on', true)`.execute(transaction)
  const assessments = await transaction
    .selectFrom('employee_assessments')
    .select(['id', 'signals'])
    .where(sql<boolean>`employee_id = any(${ids}::text[])`)
    .orderBy('id')
    .execute()
  let assessmentsRedacted = 0
  for (const row of assessments) {
    const erased = eraseEvidence(openSignalDetails(row.signals, cipher))
    if (JSON.stringify(erased) === JSON.stringify(row.signals)) continue
    await transaction
      .updateTable('employee_assessments')
      .set({ signals: toJson(erased) })
      .where('id', '=', row.id)
      .execute()
    assessmentsRedacted += 1
  }
  await transaction
    .updateTable('decisions')
    .set({ note: null })
    .where('subject_kind', '=', 'employee')
    .where(sql<boolean>`subject_id = any(${ids}::text[])`)
    .where('note', 'is not', null)
    .execute()
  await sql`select set_config('hirewall.redacting', 'off', true)`.execute(transaction)
  return { employeesAnonymised: employees.length, workforceRecordsAnonymised: records.length, assessmentsRedacted }
}

/**
 * The keys post-hire records about these employees are filed under, each with its employee: the employee id, their
 * sign-in names, and the devices their check-ins name (osquery files a host's observations under its name).
 */
export async function employeeSubjectKeys(
  db: Kysely<Database>,
  employeeIds: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const keys = new Map<string, string>()
  if (employeeIds.length === 0) return keys
  const employees = await db
    .selectFrom('employees')
    .select(['id', 'logins'])
    .where(sql<boolean>`id = any(${[...employeeIds]}::text[])`)
    .execute()
  for (const employee of employees) {
    keys.set(employee.id, employee.id)
    for (const login of employee.logins) keys.set(login, employee.id)
  }
  const devices = await db
    .selectFrom('workforce_records')
    .select(['subject_key', sql<string>`record ->> 'device'`.as('device')])
    .where('kind', '=', 'device-check-in')
    .where(sql<boolean>`subject_key = any(${[...keys.keys()]}::text[])`)
    .execute()
  for (const device of devices) {
    const owner = keys.get(device.subject_key)
    if (owner !== undefined && device.device !== null && !keys.has(device.device)) keys.set(device.device, owner)
  }
  return keys
}

/** The record with its personal keys replaced by values that are valid for its kind and equal to nothing else. */
function anonymisedRecord(
  kind: WorkforceRecordKind,
  record: Readonly<Record<string, unknown>>,
  employeeId: string,
  seq: number,
): Readonly<Record<string, unknown>> {
  const countryOf = (address: unknown) =>
    typeof address === 'object' && address !== null && 'countryCode' in address
      ? { countryCode: address.countryCode }
      : {}
  switch (kind) {
    case 'hire':
      return {
        ...omit(record, ['manager', 'timeZone']),
        legalName: '',
        homeAddress: { text: '', ...countryOf(record.homeAddress) },
        logins: [],
      }
    case 'shipment':
      return { ...omit(record, ['trackingNumber']), shipTo: { text: '', ...countryOf(record.shipTo) } }
    case 'device-check-in':
      return { ...omit(record, ['user']), publicIp: '' }
    case 'endpoint-observation':
      return { ...record, rows: [] }
    case 'sign-in':
      return { ...omit(record, ['ip', 'city', 'region', 'latitude', 'longitude', 'userAgent']), login: employeeId }
    case 'payroll-change':
      // Unique, so erased accounts never look shared between employees.
      return { ...record, holderName: '', accountHash: `erased:${seq}` }
  }
}

function omit(record: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)))
}
