import type { ApplicationRecord, Outcome } from '@hirewall/core'
import type { StoredApplication, StoredScreeningResult } from '@hirewall/store'

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

/** What one re-screening pass changed. */
export type RescreenReport = {
  readonly screened: number
  readonly changed: readonly {
    readonly applicationId: string
    readonly from: { readonly outcome: Outcome; readonly score: number }
    readonly to: { readonly outcome: Outcome; readonly score: number }
  }[]
}

/**
 * The one screening pipeline every door uses: store the application exactly once per idempotency key, screen it
 * (per-record detectors, intelligence, identity linking against the whole stored pool), store the result, open a
 * review case for review and hold outcomes, and enqueue `screening.completed` in the same transaction.
 */
export type ScreeningService = {
  /** Screens one application; a repeated idempotency key returns the stored application and latest result. */
  submit(submission: ScreeningSubmission): Promise<ScreeningOutcome>
  /** Screens several in input order (a bulk import's batch); one outcome per submission, same order. */
  submitMany(submissions: readonly ScreeningSubmission[]): Promise<readonly ScreeningOutcome[]>
  /**
   * Re-screens stored applications with the current policy and reference data, writing a new result version for
   * each and enqueuing `screening.outcome_changed` for those whose outcome changed. Default: every application.
   */
  rescreen(options?: { readonly applicationIds?: readonly string[]; readonly actor?: string }): Promise<RescreenReport>
  /** The policy and data versions new results are written with. */
  readonly versions: () => { readonly policyVersion: string; readonly dataVersions: Readonly<Record<string, string>> }
  /** Waits for screenings in flight, then stops taking new ones. */
  close(): Promise<void>
}
