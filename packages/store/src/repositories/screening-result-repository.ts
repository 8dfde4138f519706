import type { DetectorFailure, Outcome, ScoredSignal, ScreeningResult } from '@hirewall/core'
import type { Insertable, Kysely, Selectable } from 'kysely'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { openSignalDetails, sealSignalDetails } from '../privacy/workforce-personal-fields.js'
import type { Database, ScreeningResultsTable } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { toJson } from '../database/json-text.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import { isOneOf, type ScreeningTrigger } from '../store-vocabularies.js'
import { checkedOutcome } from './list-applications.js'
import type { ModelAssessment, ScreenedResult, StoredLinkFacts } from './model-assessment.js'

/** A screening result as stored: the result itself plus its version (1, 2...) for the application. */
export type StoredScreeningResult = ScreeningResult & {
  /** The identity graph's facts at link time (results written before migration 014 have none). */
  readonly linkFacts?: StoredLinkFacts
  /** The risk model's estimate, when a model was active (`modelVersion` names it). */
  readonly model?: ModelAssessment
  readonly id: number
  readonly version: number
  readonly trigger: ScreeningTrigger
  readonly createdAt: Date
}

/** The new result, and what the application's latest result was before it (to report changed outcomes). */
export type AppendedResult = {
  readonly result: StoredScreeningResult
  readonly previous: { readonly version: number; readonly score: number; readonly outcome: Outcome } | undefined
}

export type ScreeningResultRepository = {
  /**
   * Stores `result` as the application's next version (the previous plus one, counted in the same transaction with
   * the application row locked, so concurrent appends get distinct versions). A `not-found` StoreError when the
   * application is not stored.
   */
  append(result: ScreenedResult, trigger?: ScreeningTrigger): Promise<AppendedResult>
  latest(applicationId: string): Promise<StoredScreeningResult | undefined>
  /** Every version, oldest first. */
  history(applicationId: string): Promise<readonly StoredScreeningResult[]>
}

const holdGates = ['met', 'not-met', 'not-reached'] as const

export function createScreeningResultRepository(
  db: Kysely<Database>,
  cipher: PersonalDataCipher = unencrypted,
): ScreeningResultRepository {
  return {
    append: (result, trigger = 'submission') =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          const application = await transaction
            .selectFrom('applications as a')
            .leftJoin('screening_results as r', 'r.id', 'a.latest_result_id')
            .select(['a.latest_version', 'r.score', 'r.outcome'])
            .where('a.id', '=', result.applicationId)
            .forUpdate('a')
            .executeTakeFirst()
          if (!application) {
            throw new StoreError('not-found', `No stored application ${result.applicationId} to add a result to`, {
              target: 'applicationId',
            })
          }
          const version = application.latest_version + 1
          const row = await transaction
            .insertInto('screening_results')
            .values(screeningResultRow(result, version, trigger, undefined, cipher))
            .returningAll()
            .executeTakeFirstOrThrow()
          await transaction
            .updateTable('applications')
            .set({ latest_version: version, latest_result_id: row.id })
            .where('id', '=', result.applicationId)
            .execute()
          const previous =
            application.score === null || application.outcome === null
              ? undefined
              : {
                  version: application.latest_version,
                  score: application.score,
                  outcome: checkedOutcome(application.outcome, result.applicationId),
                }
          return { result: toStoredResult(row, cipher), previous }
        }),
      ),
    latest: async (applicationId) => {
      const row = await db
        .selectFrom('applications as a')
        .innerJoin('screening_results as r', 'r.id', 'a.latest_result_id')
        .selectAll('r')
        .where('a.id', '=', applicationId)
        .executeTakeFirst()
      return row && toStoredResult(row, cipher)
    },
    history: async (applicationId) => {
      const rows = await db
        .selectFrom('screening_results')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('version')
        .execute()
      return rows.map((row) => toStoredResult(row, cipher))
    },
  }
}

/**
 * The `screening_results` row of one result version: the one mapping every writer of results uses. Each signal's
 * `message` and `evidence` are sealed (they quote phones and emails); codes, severities and weights stay readable.
 */
export function screeningResultRow(
  result: ScreenedResult,
  version: number,
  trigger: ScreeningTrigger,
  createdAt?: Date,
  cipher: PersonalDataCipher = unencrypted,
): Insertable<ScreeningResultsTable> {
  return {
    application_id: result.applicationId,
    version,
    trigger,
    score: result.score,
    outcome: result.outcome,
    hold_gate: result.holdGate,
    signals: toJson(sealSignalDetails(result.signals, cipher)),
    signal_codes: [...new Set(result.signals.map((signal) => signal.code))],
    cluster_id: result.clusterId ?? null,
    policy_version: result.policyVersion,
    model_version: result.modelVersion,
    data_versions: toJson(result.dataVersions),
    detector_failures: toJson(result.detectorFailures),
    link_facts: result.linkFacts === undefined ? null : toJson(result.linkFacts),
    model: result.model === undefined ? null : toJson(result.model),
    ...(createdAt === undefined ? {} : { created_at: createdAt }),
  }
}

export function toStoredResult(
  row: Selectable<ScreeningResultsTable>,
  cipher: PersonalDataCipher = unencrypted,
): StoredScreeningResult {
  if (!isOneOf(holdGates, row.hold_gate)) {
    throw new StoreError('invalid-data', `screening_results.hold_gate of result ${row.id} is ${row.hold_gate}`, {
      target: 'screening_results.hold_gate',
    })
  }
  const stored = {
    id: row.id,
    version: row.version,
    trigger: row.trigger,
    createdAt: row.created_at,
    applicationId: row.application_id,
    score: row.score,
    outcome: checkedOutcome(row.outcome, row.application_id),
    signals: openSignalDetails(row.signals, cipher) as readonly ScoredSignal[],
    holdGate: row.hold_gate,
    policyVersion: row.policy_version,
    modelVersion: row.model_version,
    dataVersions: row.data_versions,
    detectorFailures: row.detector_failures as readonly DetectorFailure[],
  }
  return {
    ...stored,
    ...(row.cluster_id === null ? {} : { clusterId: row.cluster_id }),
    ...(row.link_facts === null ? {} : { linkFacts: row.link_facts as StoredLinkFacts }),
    ...(row.model === null ? {} : { model: row.model as ModelAssessment }),
  }
}
