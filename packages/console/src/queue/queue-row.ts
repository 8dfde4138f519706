import type { ApplicationSummary, Outcome, QueuedCase } from '../api/api-types'
import type { Route } from '../routing/route'

/** One line of the review queue, whichever list it came from. */
export type QueueRow = {
  /** Unique in the page: the case id in the open-cases view, the application id otherwise. */
  readonly key: string
  /** Where opening the row leads: the application, or the cluster of a case about a whole cluster. */
  readonly opens: Route
  /** The application the score is from (a cluster's riskiest member). */
  readonly applicationId: string | null
  readonly candidateName: string | null
  readonly score: number | null
  readonly outcome: Outcome | null
  readonly signalCodes: readonly string[]
  readonly requisitionId: string | null
  readonly sourceSystem: string | null
  readonly submittedAt: string | null
  /** Set in the open-cases view. */
  readonly case: {
    readonly id: string
    readonly subjectKind: 'application' | 'cluster' | 'employee'
    readonly applicationCount: number
    readonly openedAt: string
    readonly assignedTo: string | null
  } | null
}

/** A row of the applications list as a queue row. */
export function rowOfApplication(summary: ApplicationSummary): QueueRow {
  return {
    key: summary.id,
    opens: { page: 'application', id: summary.id },
    applicationId: summary.id,
    candidateName: summary.candidateName,
    score: summary.latestResult?.score ?? null,
    outcome: summary.latestResult?.outcome ?? null,
    signalCodes: summary.latestResult?.signalCodes ?? [],
    requisitionId: summary.requisitionId,
    sourceSystem: summary.sourceSystem,
    submittedAt: summary.submittedAt,
    case: null,
  }
}

/** A row of the open-cases list as a queue row: a cluster's case opens the cluster, an employee's the employee. */
export function rowOfCase(queued: QueuedCase): QueueRow {
  const { subject } = queued.case
  return {
    key: queued.case.id,
    opens:
      subject.kind === 'application'
        ? { page: 'application', id: subject.id }
        : subject.kind === 'employee'
          ? { page: 'employee', id: subject.id }
          : { page: 'cluster', id: subject.id },
    applicationId: subject.kind === 'application' ? subject.id : (queued.risk?.applicationId ?? null),
    candidateName: queued.candidateName,
    score: queued.risk?.score ?? null,
    outcome: queued.risk?.outcome ?? null,
    signalCodes: [],
    requisitionId: null,
    sourceSystem: null,
    submittedAt: null,
    case: {
      id: queued.case.id,
      subjectKind: subject.kind,
      applicationCount: queued.applicationCount,
      openedAt: queued.case.openedAt,
      assignedTo: queued.case.assignedTo,
    },
  }
}
