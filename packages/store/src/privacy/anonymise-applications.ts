import { normaliseApplication, type ApplicationRecord } from '@hirewall/core'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { toJson } from '../database/json-text.js'
import type { PersonalDataCipher } from './personal-data-cipher.js'
import { sealDocument } from './personal-fields.js'

/** What an erased signal's evidence and message become. */
export const erasedMessage = 'Details erased under a retention policy or a data-subject request.'

/**
 * Removes the personal data of these applications and keeps what aggregates count: the application row (source,
 * requisition, staffing vendor, submission and receipt times), every result's score, outcome and signal codes, cases
 * and decisions. The record keeps only its non-personal envelope keys; identifiers are deleted; results' signal
 * evidence and messages and decisions' notes are erased (the one change migration 015 allows on history). Run it in
 * a transaction: it sets `hirewall.redacting` for that transaction only.
 */
export async function anonymiseApplications(
  transaction: Kysely<Database>,
  cipher: PersonalDataCipher,
  applicationIds: readonly string[],
  now: Date,
): Promise<number> {
  if (applicationIds.length === 0) return 0
  const ids = [...applicationIds]
  const rows = await transaction
    .selectFrom('applications')
    .select(['id', 'record', 'identity_signals'])
    .where(sql<boolean>`id = any(${ids}::text[])`)
    .orderBy('id')
    .forUpdate()
    .execute()
  await sql`select set_config('hirewall.redacting', 'on', true)`.execute(transaction)
  for (const row of rows) {
    const record = anonymisedRecord(row.record)
    await transaction
      .updateTable('applications')
      .set({
        raw: toJson(sealDocument({ anonymised: true }, cipher)),
        record: toJson(record),
        facts: toJson(sealDocument(normaliseApplication(record), cipher)),
        anonymised_at: now,
      })
      .where('id', '=', row.id)
      .execute()
    // Kept non-null when set (migration 006 ties it to link_seq); the column takes no writes through the schema type.
    if (row.identity_signals !== null) {
      const signals = toJson(eraseEvidence(row.identity_signals))
      await sql`update applications set identity_signals = ${signals}::jsonb where id = ${row.id}`.execute(transaction)
    }
  }
  await transaction
    .deleteFrom('application_identifiers')
    .where(sql<boolean>`application_id = any(${ids}::text[])`)
    .execute()
  const results = await transaction
    .selectFrom('screening_results')
    .select(['id', 'signals'])
    .where(sql<boolean>`application_id = any(${ids}::text[])`)
    .execute()
  for (const result of results) {
    await transaction
      .updateTable('screening_results')
      .set({ signals: toJson(eraseEvidence(result.signals)) })
      .where('id', '=', result.id)
      .execute()
  }
  await transaction
    .updateTable('decisions')
    .set({ note: null })
    .where('subject_kind', '=', 'application')
    .where(sql<boolean>`subject_id = any(${ids}::text[])`)
    .where('note', 'is not', null)
    .execute()
  await sql`select set_config('hirewall.redacting', 'off', true)`.execute(transaction)
  return rows.length
}

/** The record's non-personal envelope: what trends, lists and filters read. */
export function anonymisedRecord(stored: ApplicationRecord): ApplicationRecord {
  // The candidate's id in the ATS points at the person there: dropped; the application's own id stays.
  const source = Object.fromEntries(
    Object.entries(stored.source).filter(([key]) => key !== 'candidateId'),
  ) as ApplicationRecord['source']
  return {
    schemaVersion: stored.schemaVersion,
    id: stored.id,
    submittedAt: stored.submittedAt,
    source,
    cv: {},
    ...(stored.requisition === undefined ? {} : { requisition: stored.requisition }),
    ...(stored.staffingVendor === undefined ? {} : { staffingVendor: stored.staffingVendor }),
    ...(stored.label === undefined ? {} : { label: stored.label }),
  }
}

/** Signals with every `evidence` emptied and every `message` replaced; codes, severities and contributions kept. */
export function eraseEvidence(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(eraseEvidence)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === 'evidence') return [key, {}]
      if (key === 'message' && typeof inner === 'string') return [key, erasedMessage]
      return [key, eraseEvidence(inner)]
    }),
  )
}
