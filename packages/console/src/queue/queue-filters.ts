import type { QueryValues } from '../api/api-client'
import { outcomes, type Outcome } from '../api/api-types'

/** `open`: cases awaiting a decision (the review queue); `all`: every screened application, with filters. */
export const queueViews = ['open', 'all'] as const
export type QueueView = (typeof queueViews)[number]

/** What the queue shows. Empty strings mean "any". */
export type QueueFilters = {
  readonly view: QueueView
  readonly outcomes: readonly Outcome[]
  readonly signalCode: string
  readonly clusterId: string
  readonly requisitionId: string
  readonly sourceSystem: string
  /** Calendar dates (YYYY-MM-DD), in the analyst's time zone. */
  readonly submittedFrom: string
  readonly submittedTo: string
  readonly minScore: string
}

/** The queue as it opens: open cases, riskiest first. */
export const defaultFilters: QueueFilters = {
  view: 'open',
  outcomes: ['review', 'hold'],
  signalCode: '',
  clusterId: '',
  requisitionId: '',
  sourceSystem: '',
  submittedFrom: '',
  submittedTo: '',
  minScore: '',
}

/** A filter value that cannot be sent, named by its field, to show beside it. */
export type FilterProblem = { readonly field: keyof QueueFilters; readonly message: string }

/** Checks what the analyst typed before asking the server. */
export function filterProblems(filters: QueueFilters): readonly FilterProblem[] {
  const problems: FilterProblem[] = []
  if (filters.minScore.trim() !== '') {
    const score = Number(filters.minScore)
    if (!Number.isFinite(score) || score < 0 || score > 100) {
      problems.push({ field: 'minScore', message: 'A score is a number from 0 to 100.' })
    }
  }
  if (filters.submittedFrom !== '' && filters.submittedTo !== '' && filters.submittedFrom > filters.submittedTo) {
    problems.push({ field: 'submittedTo', message: 'The end date is before the start date.' })
  }
  if (filters.view === 'all' && filters.outcomes.length === 0) {
    problems.push({ field: 'outcomes', message: 'Choose at least one outcome.' })
  }
  return problems
}

/**
 * The query of `GET /v1/applications` for `filters`: riskiest first, every outcome ticked unless all are (then none
 * is sent). Dates become instants at the analyst's local midnight; the end date is inclusive.
 */
export function applicationQuery(filters: QueueFilters, page: { limit: number; cursor?: string }): QueryValues {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim())
  return {
    order: 'riskiest',
    outcome: filters.outcomes.length === outcomes.length ? undefined : [...filters.outcomes],
    signal: text(filters.signalCode),
    cluster: text(filters.clusterId),
    requisition: text(filters.requisitionId),
    source: text(filters.sourceSystem),
    minScore: text(filters.minScore),
    submittedFrom: filters.submittedFrom === '' ? undefined : localMidnight(filters.submittedFrom, 0),
    submittedBefore: filters.submittedTo === '' ? undefined : localMidnight(filters.submittedTo, 1),
    limit: page.limit,
    cursor: page.cursor,
  }
}

/** The instant of local midnight `days` after the calendar date `date` (YYYY-MM-DD). */
export function localMidnight(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days).toISOString()
}

/** True when any filter beyond the view differs from the default. */
export function isFiltered(filters: QueueFilters): boolean {
  return (Object.keys(defaultFilters) as (keyof QueueFilters)[]).some(
    (key) => key !== 'view' && JSON.stringify(filters[key]) !== JSON.stringify(defaultFilters[key]),
  )
}
