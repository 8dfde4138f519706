import { normaliseApplication, type ApplicationRecord, type NormalisedApplication } from '@hirewall/core'
import type { Kysely, Selectable } from 'kysely'
import type { ApplicationsTable, Database } from '../database/database-schema.js'
import { toJson } from '../database/json-text.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { openDocument, openRecord, sealDocument, sealRecord } from '../privacy/personal-fields.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import {
  listApplications,
  type ApplicationFilter,
  type ApplicationListRequest,
  type ApplicationSummary,
} from './list-applications.js'
import type { Page } from './page.js'

/** An application as stored: the payload as received, the canonical record and its normalised facts. */
export type StoredApplication = {
  readonly id: string
  readonly idempotencyKey: string
  readonly sourceSystem: string
  /** The application's id in the source system (`source.applicationId`), else the record id. */
  readonly externalId: string | null
  readonly requisitionId: string | null
  readonly submittedAt: Date
  readonly receivedAt: Date
  /** The payload exactly as the door received it (webhook body, CSV row as an object...). */
  readonly raw: unknown
  readonly record: ApplicationRecord
  readonly facts: NormalisedApplication
  /** The version of the latest screening result; 0 before the first. */
  readonly latestVersion: number
}

export type SubmitApplication = {
  readonly record: ApplicationRecord
  readonly raw: unknown
  /** Default: `defaultIdempotencyKey(record)`, the source system and the external id. */
  readonly idempotencyKey?: string
  /** Default: `normaliseApplication(record)`. */
  readonly facts?: NormalisedApplication
}

/** `existing`: an application with this idempotency key was already stored; it is returned unchanged. */
export type SubmitOutcome = {
  readonly status: 'created' | 'existing'
  readonly application: StoredApplication
}

export type ApplicationRepository = {
  /**
   * Stores the application exactly once per idempotency key, also under concurrency: a repeated submission, or one
   * racing it, gets `existing` and the stored application. A different key with an id already stored is a
   * `conflict` StoreError.
   */
  submit(input: SubmitApplication): Promise<SubmitOutcome>
  find(id: string): Promise<StoredApplication | undefined>
  findByIdempotencyKey(idempotencyKey: string): Promise<StoredApplication | undefined>
  /** Applications with their latest result, filtered, newest or riskiest first, a page at a time. */
  list(filter?: ApplicationFilter, request?: ApplicationListRequest): Promise<Page<ApplicationSummary>>
}

/** `source.applicationId` when the door knows it, else the record id. */
export function externalIdOf(record: ApplicationRecord): string {
  return record.source.applicationId ?? record.id
}

/** The default idempotency key: the source system and the external id, `greenhouse:4021`. */
export function defaultIdempotencyKey(record: ApplicationRecord): string {
  return `${record.source.system}:${externalIdOf(record)}`
}

export function createApplicationRepository(
  db: Kysely<Database>,
  cipher: PersonalDataCipher = unencrypted,
): ApplicationRepository {
  const findBy = async (column: 'id' | 'idempotency_key', value: string): Promise<StoredApplication | undefined> => {
    const row = await db.selectFrom('applications').selectAll().where(column, '=', value).executeTakeFirst()
    return row && toStoredApplication(row, cipher)
  }

  return {
    submit: (input) =>
      translatingErrors(async () => {
        const { record } = input
        const idempotencyKey = input.idempotencyKey ?? defaultIdempotencyKey(record)
        const inserted = await db
          .insertInto('applications')
          .values({
            id: record.id,
            idempotency_key: idempotencyKey,
            source_system: record.source.system,
            external_id: externalIdOf(record),
            requisition_id: record.requisition?.id ?? null,
            submitted_at: new Date(record.submittedAt),
            raw: input.raw === record ? null : toJson(sealDocument(input.raw, cipher)),
            record: toJson(sealRecord(record, cipher)),
            facts: toJson(sealDocument(input.facts ?? normaliseApplication(record), cipher)),
          })
          .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
          .returningAll()
          .executeTakeFirst()
        if (inserted) return { status: 'created', application: toStoredApplication(inserted, cipher) }
        // The conflicting row is committed (an insert waits for a racing one to commit): read it back.
        const existing = await findBy('idempotency_key', idempotencyKey)
        if (!existing) {
          throw new StoreError(
            'conflict',
            `Application with idempotency key ${idempotencyKey} vanished while read back`,
          )
        }
        return { status: 'existing', application: existing }
      }),
    find: (id) => findBy('id', id),
    findByIdempotencyKey: (idempotencyKey) => findBy('idempotency_key', idempotencyKey),
    list: (filter = {}, request = {}) => listApplications(db, filter, request, cipher),
  }
}

/** The application a stored row holds, its personal data decrypted. */
export function toStoredApplication(row: Selectable<ApplicationsTable>, cipher: PersonalDataCipher): StoredApplication {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    sourceSystem: row.source_system,
    externalId: row.external_id,
    requisitionId: row.requisition_id,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    ...openRawAndRecord(row, cipher),
    facts: openDocument(row.facts, cipher) as NormalisedApplication,
    latestVersion: row.latest_version,
  }
}

/** The record, and the raw payload: the record itself when the row keeps none of its own (an API submission). */
function openRawAndRecord(
  row: Pick<Selectable<ApplicationsTable>, 'raw' | 'record'>,
  cipher: PersonalDataCipher,
): { readonly raw: unknown; readonly record: ApplicationRecord } {
  const record = openRecord(row.record, cipher)
  return { raw: row.raw === null ? record : openDocument(row.raw, cipher), record }
}
