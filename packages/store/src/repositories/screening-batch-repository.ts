import type { ApplicationRecord, Identifier, NormalisedApplication, Signal } from '@hirewall/core'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { toJson } from '../database/json-text.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { sealDocument, sealIdentifier, sealRecord } from '../privacy/personal-fields.js'
import { sealSignalDetails } from '../privacy/workforce-personal-fields.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import type { ScreeningTrigger } from '../store-vocabularies.js'
import { externalIdOf, type StoredApplication } from './application-repository.js'
import type { NewAuditEntry } from './audit-log-repository.js'
import type { Subject } from './case-repository.js'
import type { ClusterAssignment } from './identity-repository.js'
import { checkedOutcome } from './list-applications.js'
import { screeningResultRow, type AppendedResult, type StoredScreeningResult } from './screening-result-repository.js'
import type { NewOutboxEvent } from './webhook-outbox.js'
import { writeClusterAssignments } from './cluster-assignments.js'
import { readRescreenPage, type RescreenCandidate, type RescreenPageRequest } from './rescreen-candidates.js'
import { chunks } from './chunks.js'
import type { ScreenedResult } from './model-assessment.js'

export type { RescreenCandidate, RescreenPageRequest } from './rescreen-candidates.js'

/** A new application the pipeline linked and screened, written with its first result in one batch. */
export type NewScreenedApplication = {
  readonly record: ApplicationRecord
  /** The payload exactly as the door received it. */
  readonly raw: unknown
  readonly facts: NormalisedApplication
  readonly idempotencyKey: string
  /** Its place in link order (`linking.lastLinkSeq()` plus its position), taken under the linking lock. */
  readonly linkSeq: number
  /** The pool signals its link raised, kept so re-screening need not link it again. */
  readonly identitySignals: readonly Signal[]
  /** Its normalised identifiers, for "who else used this phone" lookups. */
  readonly identifiers: readonly Identifier[]
  /** Its first result (version 1, trigger `submission`), with its link facts and the model's estimate. */
  readonly result: ScreenedResult
}

export type ScreenedApplication = {
  readonly application: StoredApplication
  readonly result: StoredScreeningResult
}

/**
 * Multi-row writes for the screening pipeline: each call is a few statements for a whole batch, never one per
 * application, so a batch of 50 screenings costs about as many round trips as one. Call them inside
 * `store.transaction` so a batch is written whole or not at all.
 */
export type ScreeningBatchRepository = {
  /** Inserts the applications, their identifiers and first results (version 1), in one transaction. */
  insertScreened(items: readonly NewScreenedApplication[], receivedAt: Date): Promise<readonly ScreenedApplication[]>
  /**
   * Appends each result as its application's next version (rows locked, so concurrent appends get distinct
   * versions), in input order; at most one result per application per call. `not-found` when one is not stored.
   */
  appendResults(results: readonly ScreenedResult[], trigger: ScreeningTrigger): Promise<readonly AppendedResult[]>
  /** Writes clusters and moves their members (only those not already in them); deletes clusters left empty. */
  assignClusters(assignments: readonly ClusterAssignment[]): Promise<void>
  /** Opens a case for each subject that has none open; returns how many were opened. */
  openCases(subjects: readonly Subject[], actor: string): Promise<number>
  /** Writes the events and one pending delivery per enabled subscription to each event's type. */
  enqueueEvents(events: readonly NewOutboxEvent[]): Promise<void>
  appendAudit(entries: readonly NewAuditEntry[]): Promise<void>
  /** Screened, linked applications in id order, a page at a time, for re-screening. */
  rescreenPage(request: RescreenPageRequest): Promise<readonly RescreenCandidate[]>
}

export function createScreeningBatchRepository(
  db: Kysely<Database>,
  cipher: PersonalDataCipher = unencrypted,
): ScreeningBatchRepository {
  return {
    insertScreened: (items, receivedAt) =>
      translatingErrors(async () => {
        if (items.length === 0) return []
        return inTransaction(db, async (transaction) => {
          // Chunks keep each statement under PostgreSQL's 65,535 parameters.
          const inserted: { readonly id: number; readonly application_id: string }[] = []
          for (const chunk of chunks(items, 1000)) {
            await transaction
              .insertInto('applications')
              .values(
                chunk.map((item) => {
                  const record = toJson(sealRecord(item.record, cipher))
                  return {
                    id: item.record.id,
                    idempotency_key: item.idempotencyKey,
                    source_system: item.record.source.system,
                    external_id: externalIdOf(item.record),
                    requisition_id: item.record.requisition?.id ?? null,
                    submitted_at: new Date(item.record.submittedAt),
                    received_at: receivedAt,
                    // The API's raw payload is the record itself: kept once, as the record (null reads as it).
                    raw: item.raw === item.record ? null : toJson(sealDocument(item.raw, cipher)),
                    record,
                    facts: toJson(sealDocument(item.facts, cipher)),
                    link_seq: item.linkSeq,
                    identity_signals: toJson(sealSignalDetails(item.identitySignals, cipher)),
                  }
                }),
              )
              .execute()
            const rows = await transaction
              .insertInto('screening_results')
              .values(chunk.map((item) => screeningResultRow(item.result, 1, 'submission', receivedAt, cipher)))
              .returning(['id', 'application_id'])
              .execute()
            inserted.push(...rows)
          }
          const resultIds = new Map(inserted.map((row) => [row.application_id, row.id]))
          const ids = items.map((item) => item.record.id)
          await pointAtLatest(
            transaction,
            ids,
            ids.map((id) => resultIds.get(id) ?? 0),
            ids.map(() => 1),
          )
          const identifiers = items.flatMap((item) =>
            item.identifiers.map((identifier) => ({
              application_id: item.record.id,
              ...sealIdentifier(identifier, cipher),
              created_at: receivedAt,
            })),
          )
          for (const chunk of chunks(identifiers, 2000)) {
            await transaction
              .insertInto('application_identifiers')
              .values(chunk)
              .onConflict((conflict) => conflict.columns(['application_id', 'kind', 'value']).doNothing())
              .execute()
          }
          return items.map((item) => ({
            application: {
              id: item.record.id,
              idempotencyKey: item.idempotencyKey,
              sourceSystem: item.record.source.system,
              externalId: externalIdOf(item.record),
              requisitionId: item.record.requisition?.id ?? null,
              submittedAt: new Date(item.record.submittedAt),
              receivedAt,
              raw: item.raw,
              record: item.record,
              facts: item.facts,
              latestVersion: 1,
            },
            result: {
              ...item.result,
              id: resultIds.get(item.record.id) ?? 0,
              version: 1,
              trigger: 'submission',
              createdAt: receivedAt,
            },
          }))
        })
      }),

    appendResults: (results, trigger) =>
      translatingErrors(async () => {
        if (results.length === 0) return []
        const ids = results.map((result) => result.applicationId)
        if (new Set(ids).size !== ids.length) throw new Error('appendResults takes at most one result per application')
        return inTransaction(db, async (transaction) => {
          const current = await transaction
            .selectFrom('applications as a')
            .leftJoin('screening_results as r', 'r.id', 'a.latest_result_id')
            .select(['a.id', 'a.latest_version', 'r.score', 'r.outcome'])
            .where('a.id', '=', sql<string>`any(${ids}::text[])`)
            .orderBy('a.id')
            .forUpdate('a')
            .execute()
          const byId = new Map(current.map((row) => [row.id, row]))
          const missing = ids.find((id) => !byId.has(id))
          if (missing !== undefined) {
            throw new StoreError('not-found', `No stored application ${missing} to add a result to`, {
              target: 'applicationId',
            })
          }
          const versions = ids.map((id) => (byId.get(id)?.latest_version ?? 0) + 1)
          const inserted = await transaction
            .insertInto('screening_results')
            .values(
              results.map((result, index) =>
                screeningResultRow(result, versions[index] ?? 1, trigger, undefined, cipher),
              ),
            )
            .returning(['id', 'application_id', 'created_at'])
            .execute()
          const rows = new Map(inserted.map((row) => [row.application_id, row]))
          await pointAtLatest(
            transaction,
            ids,
            ids.map((id) => rows.get(id)?.id ?? 0),
            versions,
          )
          return results.map((result, index) => {
            const before = byId.get(result.applicationId)
            const row = rows.get(result.applicationId)
            const stored: StoredScreeningResult = {
              ...result,
              id: row?.id ?? 0,
              version: versions[index] ?? 1,
              trigger,
              createdAt: row?.created_at ?? new Date(),
            }
            const previous =
              before === undefined || before.score === null || before.outcome === null
                ? undefined
                : {
                    version: before.latest_version,
                    score: before.score,
                    outcome: checkedOutcome(before.outcome, result.applicationId),
                  }
            return { result: stored, previous }
          })
        })
      }),

    assignClusters: (assignments) =>
      translatingErrors(async () => {
        if (assignments.length === 0) return
        await inTransaction(db, (transaction) => writeClusterAssignments(transaction, assignments))
      }),

    openCases: (subjects, actor) =>
      translatingErrors(async () => {
        if (subjects.length === 0) return 0
        const unique = [...new Map(subjects.map((subject) => [`${subject.kind}\u0000${subject.id}`, subject])).values()]
        const result = await db
          .insertInto('cases')
          .values(
            unique.map((subject) => ({
              subject_kind: subject.kind,
              subject_id: subject.id,
              status: 'open' as const,
              opened_by: actor,
            })),
          )
          .onConflict((conflict) =>
            conflict.columns(['subject_kind', 'subject_id']).where('status', '=', 'open').doNothing(),
          )
          .executeTakeFirst()
        return Number(result.numInsertedOrUpdatedRows ?? 0)
      }),

    enqueueEvents: (events) =>
      translatingErrors(async () => {
        if (events.length === 0) return
        const ids = events.map((event) => event.id ?? crypto.randomUUID())
        await inTransaction(db, async (transaction) => {
          await transaction
            .insertInto('outbox_events')
            .values(
              events.map((event, index) => ({ id: ids[index], type: event.type, payload: toJson(event.payload) })),
            )
            .execute()
          await sql`insert into webhook_deliveries (event_id, subscription_id, status, next_attempt_at)
            select e.id, s.id, 'pending', now()
            from outbox_events e
            join webhook_subscriptions s
              on s.disabled_at is null and (e.type = any(s.event_types) or '*' = any(s.event_types))
            where e.id = any(${ids}::uuid[])`.execute(transaction)
        })
      }),

    appendAudit: (entries) =>
      translatingErrors(async () => {
        if (entries.length === 0) return
        await db
          .insertInto('audit_log')
          .values(
            entries.map((entry) => ({
              actor: entry.actor,
              action: entry.action,
              target: entry.target ?? null,
              details: toJson(entry.details ?? {}),
            })),
          )
          .execute()
      }),

    rescreenPage: (request) => readRescreenPage(db, request, cipher),
  }
}

/** Moves each application's latest-result pointer: one UPDATE for the whole batch. */
async function pointAtLatest(
  db: Kysely<Database>,
  ids: readonly string[],
  resultIds: readonly number[],
  versions: readonly number[],
): Promise<void> {
  await sql`update applications as a
    set latest_result_id = v.result_id, latest_version = v.version
    from unnest(${[...ids]}::text[], ${[...resultIds]}::bigint[], ${[...versions]}::integer[])
      as v(application_id, result_id, version)
    where a.id = v.application_id`.execute(db)
}
