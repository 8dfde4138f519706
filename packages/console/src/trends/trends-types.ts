/**
 * The wire shape of `GET /v1/trends` as the console reads it (dates as ISO strings), declared once and named as the
 * server names its parts (see the route's OpenAPI schema at /docs/openapi.json).
 */

export const trendPeriods = ['week', 'month', 'quarter'] as const
export type TrendPeriod = (typeof trendPeriods)[number]

/** Applications submitted in a bucket, and how many of them screening sent to review or hold. */
export type OutcomeCounts = { readonly applications: number; readonly reviews: number; readonly holds: number }

/** Analysts' verdicts recorded in a bucket. */
export type VerdictCounts = {
  readonly confirmedFraud: number
  readonly cleared: number
  readonly needsVerification: number
}

/** One bucket of the range: its counts and the rings found in it. */
export type TrendBucket = OutcomeCounts & VerdictCounts & { readonly start: string; readonly rings: number }

/** One row of a breakdown: a requisition, a source or a staffing vendor, and its counts. */
export type BreakdownRow = OutcomeCounts & { readonly key: string }

/** How often a signal was right, by the analysts' latest verdicts; `precision` is null before any. */
export type SignalPrecision = {
  readonly code: string
  readonly confirmedFraud: number
  readonly cleared: number
  readonly precision: number | null
}

/** Everything the trends dashboard draws. */
export type Trends = {
  readonly period: TrendPeriod
  readonly from: string
  readonly to: string
  readonly buckets: readonly TrendBucket[]
  /** The latest quarter against the one before; each change in percent, null when the earlier quarter had none. */
  readonly quarterOverQuarter: {
    readonly current: OutcomeCounts & { readonly start: string }
    readonly previous: OutcomeCounts & { readonly start: string }
    readonly change: { readonly [Count in keyof OutcomeCounts]: number | null }
  }
  readonly topSignals: readonly { readonly code: string; readonly total: number; readonly counts: readonly number[] }[]
  readonly breakdowns: {
    readonly requisition: readonly BreakdownRow[]
    readonly source: readonly BreakdownRow[]
    readonly staffingVendor: readonly BreakdownRow[]
  }
  readonly signalPrecision: readonly SignalPrecision[]
}
