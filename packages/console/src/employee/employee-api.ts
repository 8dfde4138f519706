import { callApi } from '../api/api-client'
import type { CaseView, Outcome, ScoredSignal } from '../api/api-types'

/** An employee's latest assessment, as `GET /v1/employees` lists it. */
export type EmployeeAssessmentSummary = {
  readonly version: number
  readonly score: number
  readonly outcome: Outcome
  readonly holdGate: string
  readonly signalCodes: readonly string[]
  readonly clusterId: string | null
  readonly policyVersion: string
  readonly assessedAt: string
}

export type EmployeeSummary = {
  readonly id: string
  readonly legalName: string | null
  readonly applicationId: string | null
  readonly homeCountry: string | null
  readonly startDate: string | null
  readonly manager: string | null
  readonly latest: EmployeeAssessmentSummary | null
}

export const timelineKinds = [
  'application',
  'screening',
  'hire',
  'start',
  'shipment',
  'device-check-in',
  'sign-ins',
  'payroll-change',
  'assessment',
] as const
export type TimelineKind = (typeof timelineKinds)[number]

export type TimelineEntry = {
  readonly at: string
  readonly kind: TimelineKind
  readonly summary: string
  readonly details: Readonly<Record<string, unknown>>
}

/** `GET /v1/employees/:id`. */
export type EmployeeDetail = EmployeeSummary & {
  readonly applicationRef: string | null
  readonly homeAddress: string | null
  readonly logins: readonly string[]
  readonly signals: readonly ScoredSignal[]
  readonly application: {
    readonly id: string
    readonly candidateName: string | null
    readonly sourceSystem: string
    readonly submittedAt: string
    readonly latestResult: { readonly score: number; readonly outcome: Outcome; readonly version: number } | null
  } | null
  readonly openCase: CaseView | null
  readonly timeline: readonly TimelineEntry[]
}

export function readEmployee(id: string, signal: AbortSignal): Promise<EmployeeDetail> {
  return callApi<EmployeeDetail>('GET', `/v1/employees/${encodeURIComponent(id)}`, { signal })
}

export function listEmployees(
  query: { readonly outcome?: Outcome; readonly after?: string },
  signal: AbortSignal,
): Promise<{ readonly items: readonly EmployeeSummary[]; readonly nextCursor: string | null }> {
  const parameters = new URLSearchParams({ limit: '100' })
  if (query.outcome !== undefined) parameters.set('outcome', query.outcome)
  if (query.after !== undefined) parameters.set('after', query.after)
  return callApi('GET', `/v1/employees?${parameters.toString()}`, { signal })
}
