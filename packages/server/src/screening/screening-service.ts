import type { ApplicationRecord, Outcome } from '@hirewall/core'
import type { StoredApplication, StoredScreeningResult } from '@hirewall/store'
import type { ScreeningConfig } from './screening-config.js'
import type { ScreeningFailureCode } from './screening-error.js'

/** One application handed to the pipeline by a door: the API, an ATS webhook or a bulk import row. */
export type ScreeningSubmission = {
  /** A validated canonical record (the doors validate and map vendor payloads first). */
  readonly record: ApplicationRecord
  /** The payload exactly as the door received it. */
  readonly raw: unknown
  /** Default: the source system and external id (`defaultIdempotencyKey`). */
  readonly idempotencyKey?: string
  /** Who submitted it, as `describePrincipal` or `ats:greenhouse`, `import:<job id>`; written to the audit log. */
  readonly actor: string
}

/** What a submission became: newly stored and screened, or the stored application and result of an earlier one. */
export type ScreeningOutcome = {
  readonly status: 'created' | 'existing'
  readonly application: StoredApplication
  readonly result: StoredScreeningResult
}

/**
 * A submission that was not stored: `invalid` (it holds text PostgreSQL cannot store, U+0000 or a lone surrogate; the message names the
 * field), `conflict` (its record id is stored under another idempotency key),
 * `not-screened` (its key is stored without a screening result), `unavailable` (its batch could not be written; nothing
 * of it was stored, retry with the same key) or `closed` (the service is shutting down).
 */
export type SubmissionFailure = {
  readonly status: 'failed'
  readonly code: ScreeningFailureCode
  readonly message: string
}

/** One submission's result in a batch: `submitMany` never stops on one failure. */
export type SubmissionResult = ScreeningOutcome | SubmissionFailure

/** Why a re-screening ran, as `screening.outcome_changed` reports it. */
export const rescreenReasons = ['policy-changed', 'reference-data-changed', 'requested'] as const
export type RescreenReason = (typeof rescreenReasons)[number]

/** How far a re-screening pass got; `lastApplicationId` is where a resumed pass starts (`after`). */
export type RescreenProgress = {
  readonly screened: number
  readonly changed: number
  readonly lastApplicationId: string | undefined
}

export type RescreenOptions = {
  /** Only these applications; default every screened application. */
  readonly applicationIds?: readonly string[]
  /** Resume after this application id (ids are re-screened in id order). */
  readonly after?: string
  /** Who asked, for the audit log; default `system:rescreen`. */
  readonly actor?: string
  /** Applications read and written per page (one transaction each); default 200. */
  readonly pageSize?: number
  /** Called after each page is committed (a job records its progress here). */
  readonly onProgress?: (progress: RescreenProgress) => void | Promise<void>
  /** Stops after the page in progress when aborted; the report then says `completed: false`. */
  readonly signal?: AbortSignal
}

/** What one re-screening pass changed. */
export type RescreenReport = {
  readonly screened: number
  readonly changed: readonly {
    readonly applicationId: string
    readonly from: { readonly outcome: Outcome; readonly score: number }
    readonly to: { readonly outcome: Outcome; readonly score: number }
  }[]
  /** False when the pass stopped early (aborted, or the service closed); resume with `after: lastApplicationId`. */
  readonly completed: boolean
  readonly lastApplicationId: string | undefined
  /** Of the `applicationIds` asked for, those not stored with a screening result (known once the pass completed). */
  readonly notFound: readonly string[]
}

/**
 * The one screening pipeline every door uses: store the application exactly once per idempotency key, screen it
 * (per-record detectors, intelligence, identity linking against the whole stored pool), store the result, open a
 * review case for review and hold outcomes, and enqueue `screening.completed` in the same transaction.
 */
export type ScreeningService = {
  /**
   * Screens one application; a repeated idempotency key returns the stored application and latest result. A
   * submission that cannot be stored rejects with a `ScreeningError` carrying the failure's code.
   */
  submit(submission: ScreeningSubmission): Promise<ScreeningOutcome>
  /**
   * Screens several in input order (a bulk import's batch); one result per submission, same order. A failed
   * submission gets `status: 'failed'`; the others are still screened. Their own signals are found on the caller's
   * turn of the event loop, about a millisecond each: hand over a few hundred at a time, not a whole file.
   */
  submitMany(submissions: readonly ScreeningSubmission[]): Promise<readonly SubmissionResult[]>
  /**
   * Re-screens stored applications with the current policy and reference data, writing a new result version for
   * each and enqueuing `screening.outcome_changed` for those whose outcome changed. Default: every application,
   * streamed a page at a time. `runRescreen` runs it as a background job would.
   */
  rescreen(options?: RescreenOptions): Promise<RescreenReport>
  /** The policy and data versions new results are written with. */
  readonly versions: () => { readonly policyVersion: string; readonly dataVersions: Readonly<Record<string, string>> }
  /**
   * Screens from now on with another policy, reference data or detectors (in this process; other processes keep
   * theirs until they are reconfigured too). Stored results stay as they are until re-screened.
   */
  reconfigure(changes: Partial<ScreeningConfig>): void
  /** The policy, reference data and detectors new results are screened with (the model gate screens with the same). */
  readonly configuration: () => ScreeningConfig
  /**
   * Calls `listener` with every result written from now on (submissions and re-screenings), after its transaction
   * committed: metrics count screenings here. Returns a function that stops the calls.
   */
  onScreened(listener: (result: StoredScreeningResult) => void): () => void
  /** Waits for screenings in flight, then stops taking new ones. */
  close(): Promise<void>
}
