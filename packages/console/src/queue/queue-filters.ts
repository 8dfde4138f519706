import type { QueryValues } from '../api/api-client'
import { outcomes, type Outcome } from '../api/api-types'

/** `open`: cases awaiting a decision (the review queue); `all`: every screened application, with filters. */
export const queueViews = ['open', 'all'] as const
export type QueueView = (typeof queueViews)[number]

/** Whose open cases: anyone's, the signed-in person's, or nobody's yet. */
export const assigneeChoices = ['', 'me', 'none'] as const
export type AssigneeChoice = (typeof assigneeChoices)[number]

/**
 * What the queue shows. Empty strings mean "any". The open-cases view filters by outcome and assignee (what
 * `GET /v1/cases` offers); the all-applications view by everything else too.
 */
export type QueueFilters = {
  readonly view: QueueView
  readonly outcomes: readonly Outcome[]
  readonly assignee: AssigneeChoice
  readonly staffingVendor: string
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
  outcomes: [...outcomes],
  assignee: '',
  staffingVendor: '',
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
  if (filters.outcomes.length === 0) {
    problems.push({ field: 'outcomes', message: 'Choose at least one outcome.' })
  }
  return problems
}

/**
 * The query of `GET /v1/applications` for `filters`: riskiest first, every outcome ticked unless all are (then none
 * is sent). Dates become instants at the analyst's local midnight; the end date is inclusive.
 */
export function applicationQuery(filters: QueueFilters, page: PageRequest): QueryValues {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim())
  return {
    order: 'riskiest',
    outcome: outcomeQuery(filters),
    signal: text(filters.signalCode),
    cluster: text(filters.clusterId),
    requisition: text(filters.requisitionId),
    source: text(filters.sourceSystem),
    staffingVendor: text(filters.staffingVendor),
    minScore: text(filters.minScore),
    submittedFrom: filters.submittedFrom === '' ? undefined : localMidnight(filters.submittedFrom, 0),
    submittedBefore: filters.submittedTo === '' ? undefined : localMidnight(filters.submittedTo, 1),
    limit: page.limit,
    after: page.after,
  }
}

/** The query of `GET /v1/cases` for `filters`: open cases, riskiest first. */
export function caseQuery(filters: QueueFilters, page: PageRequest): QueryValues {
  return {
    status: 'open',
    order: 'riskiest',
    outcome: outcomeQuery(filters),
    assignee: filters.assignee === '' ? undefined : filters.assignee,
    limit: page.limit,
    after: page.after,
  }
}

/** A page of a keyset-paged list: its size and the previous page's `nextCursor`. */
export type PageRequest = { readonly limit: number; readonly after?: string | undefined }

function outcomeQuery(filters: QueueFilters): readonly string[] | undefined {
  return filters.outcomes.length === outcomes.length ? undefined : [...filters.outcomes]
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
