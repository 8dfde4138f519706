import { normaliseAddressText } from '@hirewall/core'
import { sql } from 'kysely'
import { toJson } from '../database/json-text.js'
import { isHashedIdentifier, isSealed, type PersonalDataCipher } from './personal-data-cipher.js'
import type { PersonalDataContext } from './subject-requests.js'
import {
  hasPlainPersonalKeys,
  ipKey,
  openSignalDetails,
  openWorkforceRecord,
  sealedWorkforceEnvelopeOf,
  sealSignalDetails,
  sealWorkforceRecord,
  signalDetailValues,
} from './workforce-personal-fields.js'

/** How many rows of each workforce table rotation rewrote under the current key. */
export type WorkforceRotation = {
  readonly employeesRewritten: number
  readonly workforceRecordsRewritten: number
  readonly assessmentsRewritten: number
}

/**
 * Re-seals the workforce tables under the current key and seals rows written before keys were set: employees (legal
 * name, home address, manager; the address key hashed under the current identifier key), post-hire records (a sign-in's address hash too) and assessment signals. Each table is walked
 * in key order, a page per transaction; rows already under the current key are left alone, so a stopped run is run
 * again.
 */
export async function rotateWorkforceData(context: PersonalDataContext, pageSize: number): Promise<WorkforceRotation> {
  return {
    employeesRewritten: await rotateEmployees(context, pageSize),
    workforceRecordsRewritten: await rotateRecords(context, pageSize),
    assessmentsRewritten: await rotateAssessments(context, pageSize),
  }
}

async function rotateEmployees({ db, cipher }: PersonalDataContext, pageSize: number): Promise<number> {
  const stale = (value: string | null) => value !== null && (!isSealed(value) || cipher.needsResealing(value))
  let after = ''
  let rewritten = 0
  for (;;) {
    const rows = await db.transaction().execute(async (transaction) => {
      const page = await transaction
        .selectFrom('employees')
        .select(['id', 'legal_name', 'home_address', 'home_address_key', 'manager'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .forUpdate()
        .execute()
      for (const row of page) {
        const isAddressKeyStale = row.home_address_key !== null && cipher.needsRehashing(row.home_address_key)
        if (!stale(row.legal_name) && !stale(row.home_address) && !stale(row.manager) && !isAddressKeyStale) continue
        const reseal = (value: string | null) => (value === null ? null : (cipher.seal(cipher.open(value)) as string))
        await transaction
          .updateTable('employees')
          .set({
            legal_name: reseal(row.legal_name),
            home_address: reseal(row.home_address),
            manager: reseal(row.manager),
            home_address_key: isAddressKeyStale ? rehashedAddressKey(row, cipher) : row.home_address_key,
          })
          .where('id', '=', row.id)
          .execute()
        rewritten += 1
      }
      return page
    })
    after = rows.at(-1)?.id ?? after
    if (rows.length < pageSize) return rewritten
  }
}

/**
 * The home address key under the current identifier key: a plaintext key (written before keys were set) is hashed;
 * a hash under an older identifier key is made again from the sealed address, normalised as the workforce service does.
 */
function rehashedAddressKey(
  row: { readonly home_address: string | null; readonly home_address_key: string | null },
  cipher: PersonalDataCipher,
): string | null {
  if (row.home_address_key === null) return null
  if (!isHashedIdentifier(row.home_address_key)) return cipher.hashIdentifier('address', row.home_address_key)
  const address = row.home_address === null ? undefined : cipher.open(row.home_address)
  const normalised = typeof address === 'string' ? normaliseAddressText(address) : undefined
  return normalised === undefined ? null : cipher.hashIdentifier('address', normalised)
}

async function rotateRecords({ db, cipher }: PersonalDataContext, pageSize: number): Promise<number> {
  let after = 0
  let rewritten = 0
  for (;;) {
    const rows = await db.transaction().execute(async (transaction) => {
      const page = await transaction
        .selectFrom('workforce_records')
        .select(['seq', 'kind', 'record'])
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .forUpdate()
        .execute()
      for (const row of page) {
        const envelope = sealedWorkforceEnvelopeOf(row.record)
        const hashedIp = row.record[ipKey]
        const needs =
          envelope === undefined
            ? hasPlainPersonalKeys(row.kind, row.record)
            : cipher.needsResealing(envelope) || (typeof hashedIp === 'string' && cipher.needsRehashing(hashedIp))
        if (!needs) continue
        const record = openWorkforceRecord(row.record, cipher)
        // A new envelope needs the record opened first: sealWorkforceRecord leaves a sealed record as it is.
        await transaction
          .updateTable('workforce_records')
          .set({ record: toJson(sealWorkforceRecord(row.kind, record, cipher)) })
          .where('seq', '=', row.seq)
          .execute()
        rewritten += 1
      }
      return page
    })
    after = rows.at(-1)?.seq ?? after
    if (rows.length < pageSize) return rewritten
  }
}

async function rotateAssessments({ db, cipher }: PersonalDataContext, pageSize: number): Promise<number> {
  let after = 0
  let rewritten = 0
  for (;;) {
    const rows = await db.transaction().execute(async (transaction) => {
      const page = await transaction
        .selectFrom('employee_assessments')
        .select(['id', 'signals'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .forUpdate()
        .execute()
      const stale = page.filter((row) =>
        signalDetailValues(row.signals).some((value) => !isSealed(value) || cipher.needsResealing(value)),
      )
      if (stale.length > 0) await sql`select set_config('hirewall.redacting', 'on', true)`.execute(transaction)
      for (const row of stale) {
        const signals = openSignalDetails(row.signals, cipher) as unknown[]
        await transaction
          .updateTable('employee_assessments')
          .set({ signals: toJson(sealSignalDetails(signals, cipher)) })
          .where('id', '=', row.id)
          .execute()
      }
      rewritten += stale.length
      return page
    })
    after = rows.at(-1)?.id ?? after
    if (rows.length < pageSize) return rewritten
  }
}
