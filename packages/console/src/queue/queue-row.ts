import type { ApplicationSummary, Outcome } from '../api/api-types'

/** One line of the review queue, whichever list it came from. */
export type QueueRow = {
  readonly applicationId: string
  readonly candidateName: string | null
  readonly score: number | null
  readonly outcome: Outcome | null
  readonly signalCodes: readonly string[]
  readonly clusterId: string | null
  readonly requisitionId: string | null
  readonly sourceSystem: string
  readonly submittedAt: string
  /** The open case, in the open-cases view. */
  readonly caseId: string | null
}

/** A row of the applications list as a queue row. */
export function rowOfApplication(summary: ApplicationSummary, caseId: string | null = null): QueueRow {
  return {
    applicationId: summary.id,
    candidateName: summary.candidateName,
    score: summary.latestResult?.score ?? null,
    outcome: summary.latestResult?.outcome ?? null,
    signalCodes: summary.latestResult?.signalCodes ?? [],
    clusterId: summary.latestResult?.clusterId ?? null,
    requisitionId: summary.requisitionId,
    sourceSystem: summary.sourceSystem,
    submittedAt: summary.submittedAt,
    caseId,
  }
}
