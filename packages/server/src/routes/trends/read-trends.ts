import type { Store } from '@hirewall/store'
import { sql } from 'kysely'
import { addBuckets, bucketStart, bucketStarts, percentChange, type TrendPeriod } from './trend-periods.js'

/** Counts of one bucket: applications submitted in it, and how many of them screening sent to review or hold. */
export type OutcomeCounts = { readonly applications: number; readonly reviews: number; readonly holds: number }

/** Analysts' verdicts recorded in one bucket. */
export type VerdictCounts = {
  readonly confirmedFraud: number
  readonly cleared: number
  readonly needsVerification: number
}

/** One row of a breakdown: a requisition, a source or a staffing vendor, and its counts. */
export type BreakdownRow = OutcomeCounts & { readonly key: string }

/** How often a signal was right, by the analysts' latest verdict on the applications that carried it. */
export type SignalPrecision = {
  readonly code: string
  readonly confirmedFraud: number
  readonly cleared: number
  /** confirmedFraud / (confirmedFraud + cleared); null before any such verdict. */
  readonly precision: number | null
}

/** Everything the trends dashboard draws, for `[from, to)` in `period` buckets. */
export type Trends = {
  readonly period: TrendPeriod
  readonly from: Date
  readonly to: Date
  readonly buckets: readonly (OutcomeCounts & VerdictCounts & { readonly start: Date; readonly rings: number })[]
  /** The quarter holding the instant before `to`, against the one before it. */
  readonly quarterOverQuarter: {
    readonly current: OutcomeCounts & { readonly start: Date }
    readonly previous: OutcomeCounts & { readonly start: Date }
    /** Percentage changes; null when the previous quarter had none. */
    readonly change: {
      readonly applications: number | null
      readonly reviews: number | null
      readonly holds: number | null
    }
  }
  /** The signals raised most often in the range, each with its count per bucket. */
  readonly topSignals: readonly { readonly code: string; readonly total: number; readonly counts: readonly number[] }[]
  readonly breakdowns: {
    readonly requisition: readonly BreakdownRow[]
    readonly source: readonly BreakdownRow[]
    readonly staffingVendor: readonly BreakdownRow[]
  }
  readonly signalPrecision: readonly SignalPrecision[]
}

/** How many signals, breakdown rows and precision rows a trend lists. */
export const trendListLimits = { topSignals: 8, breakdownRows: 10, signalPrecision: 20 } as const

/**
 * Aggregates the pool for the trends dashboard: per bucket of submission time the applications and their latest
 * outcomes, per bucket the verdicts recorded and the rings found; the quarter-over-quarter change; top signals;
 * breakdowns by requisition, source and staffing vendor; and per-signal precision from the latest verdict on each
 * application (a verdict on a cluster counts for each of its members). Everything is counted in the database.
 */
export async function readTrends(
  store: Pick<Store, 'db'>,
  range: { readonly period: TrendPeriod; readonly from: Date; readonly to: Date },
): Promise<Trends> {
  const { db } = store
  const { period, from, to } = range
  const starts = bucketStarts(from, to, period)
  const rangeFrom = starts[0] ?? bucketStart(from, period)
  const key = (date: Date) => date.getTime()
  const toNumber = (value: unknown) => Number(value ?? 0)

  // The queries are independent: on a server pool they run side by side (PGlite runs them one after another).
  const outcomeQuery = sql<{ start: Date; applications: string; reviews: string; holds: string }>`
    select date_trunc(${period}, a.submitted_at, 'UTC') as start,
           count(*) as applications,
           count(*) filter (where r.outcome = 'review') as reviews,
           count(*) filter (where r.outcome = 'hold') as holds
    from applications a left join screening_results r on r.id = a.latest_result_id
    where a.submitted_at >= ${rangeFrom} and a.submitted_at < ${to}
    group by 1`.execute(db)
  const verdictQuery = sql<{ start: Date; verdict: string; n: string }>`
    select date_trunc(${period}, decided_at, 'UTC') as start, verdict, count(*) as n
    from decisions where decided_at >= ${rangeFrom} and decided_at < ${to}
    group by 1, 2`.execute(db)
  const ringQuery = sql<{ start: Date; n: string }>`
    select date_trunc(${period}, created_at, 'UTC') as start, count(*) as n
    from clusters where is_ring and created_at >= ${rangeFrom} and created_at < ${to}
    group by 1`.execute(db)
  const currentQuarter = bucketStart(new Date(to.getTime() - 1), 'quarter')
  const previousQuarter = addBuckets(currentQuarter, 'quarter', -1)
  const quarterQuery = sql<{ start: Date; applications: string; reviews: string; holds: string }>`
    select date_trunc('quarter', a.submitted_at, 'UTC') as start,
           count(*) as applications,
           count(*) filter (where r.outcome = 'review') as reviews,
           count(*) filter (where r.outcome = 'hold') as holds
    from applications a left join screening_results r on r.id = a.latest_result_id
    where a.submitted_at >= ${previousQuarter} and a.submitted_at < ${to}
    group by 1`.execute(db)
  const signalQuery = sql<{ code: string; start: Date; n: string }>`
    select code, date_trunc(${period}, a.submitted_at, 'UTC') as start, count(*) as n
    from applications a
      join screening_results r on r.id = a.latest_result_id
      cross join lateral unnest(r.signal_codes) as code
    where a.submitted_at >= ${rangeFrom} and a.submitted_at < ${to}
    group by 1, 2`.execute(db)
  const [outcomeRows, verdictRows, ringRows, quarterRows, signalRows] = await Promise.all([
    outcomeQuery,
    verdictQuery,
    ringQuery,
    quarterQuery,
    signalQuery,
  ])

  const outcomesByStart = new Map(outcomeRows.rows.map((row) => [key(new Date(row.start)), row]))
  const ringsByStart = new Map(ringRows.rows.map((row) => [key(new Date(row.start)), toNumber(row.n)]))
  const verdictsByStart = new Map<number, Map<string, number>>()
  for (const row of verdictRows.rows) {
    const bucket = verdictsByStart.get(key(new Date(row.start))) ?? new Map<string, number>()
    bucket.set(row.verdict, toNumber(row.n))
    verdictsByStart.set(key(new Date(row.start)), bucket)
  }
  const buckets = starts.map((start) => {
    const outcomes = outcomesByStart.get(key(start))
    const verdicts = verdictsByStart.get(key(start))
    return {
      start,
      applications: toNumber(outcomes?.applications),
      reviews: toNumber(outcomes?.reviews),
      holds: toNumber(outcomes?.holds),
      confirmedFraud: verdicts?.get('confirmed-fraud') ?? 0,
      cleared: verdicts?.get('cleared') ?? 0,
      needsVerification: verdicts?.get('needs-verification') ?? 0,
      rings: ringsByStart.get(key(start)) ?? 0,
    }
  })

  const quarter = (start: Date) => {
    const row = quarterRows.rows.find((candidate) => key(new Date(candidate.start)) === key(start))
    return {
      start,
      applications: toNumber(row?.applications),
      reviews: toNumber(row?.reviews),
      holds: toNumber(row?.holds),
    }
  }
  const current = quarter(currentQuarter)
  const previous = quarter(previousQuarter)

  const signalCounts = new Map<string, Map<number, number>>()
  for (const row of signalRows.rows) {
    const counts = signalCounts.get(row.code) ?? new Map<number, number>()
    counts.set(key(new Date(row.start)), toNumber(row.n))
    signalCounts.set(row.code, counts)
  }
  const topSignals = [...signalCounts]
    .map(([code, counts]) => ({
      code,
      total: [...counts.values()].reduce((sum, count) => sum + count, 0),
      counts: starts.map((start) => counts.get(key(start)) ?? 0),
    }))
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code))
    .slice(0, trendListLimits.topSignals)

  const breakdown = async (column: ReturnType<typeof sql<string | null>>): Promise<BreakdownRow[]> => {
    const rows = await sql<{ key: string | null; applications: string; reviews: string; holds: string }>`
      select ${column} as key,
             count(*) as applications,
             count(*) filter (where r.outcome = 'review') as reviews,
             count(*) filter (where r.outcome = 'hold') as holds
      from applications a left join screening_results r on r.id = a.latest_result_id
      where a.submitted_at >= ${rangeFrom} and a.submitted_at < ${to}
      group by 1
      order by 4 desc, 3 desc, 2 desc, 1
      limit ${trendListLimits.breakdownRows}`.execute(db)
    return rows.rows.map((row) => ({
      key: row.key ?? '(none)',
      applications: toNumber(row.applications),
      reviews: toNumber(row.reviews),
      holds: toNumber(row.holds),
    }))
  }
  const precisionQuery = sql<{ code: string; confirmed: string; cleared: string }>`
    with verdicts as (
      select d.id, d.subject_id as application_id, d.verdict
      from decisions d where d.subject_kind = 'application'
      union all
      select d.id, m.application_id, d.verdict
      from decisions d join cluster_members m on m.cluster_id = d.subject_id
      where d.subject_kind = 'cluster'
    ),
    latest as (
      select distinct on (application_id) application_id, verdict
      from verdicts order by application_id, id desc
    )
    select code,
           count(*) filter (where l.verdict = 'confirmed-fraud') as confirmed,
           count(*) filter (where l.verdict = 'cleared') as cleared
    from latest l
      join applications a on a.id = l.application_id
      join screening_results r on r.id = a.latest_result_id
      cross join lateral unnest(r.signal_codes) as code
    where l.verdict in ('confirmed-fraud', 'cleared')
    group by 1
    order by count(*) desc, 1
    limit ${trendListLimits.signalPrecision}`.execute(db)
  // Only vendor-placed applications are read, through the vendor-name index (migration 007): grouping every record's
  // JSON by vendor would read every CV in the range. The applications without a vendor are the rest of the range.
  const vendorQuery = sql<{
    key: string
    applications: string
    reviews: string
    holds: string
    all_applications: string
    all_reviews: string
    all_holds: string
  }>`
    select min(btrim(a.record -> 'staffingVendor' ->> 'name')) as key,
           count(*) as applications,
           count(*) filter (where r.outcome = 'review') as reviews,
           count(*) filter (where r.outcome = 'hold') as holds,
           sum(count(*)) over () as all_applications,
           sum(count(*) filter (where r.outcome = 'review')) over () as all_reviews,
           sum(count(*) filter (where r.outcome = 'hold')) over () as all_holds
    from applications a left join screening_results r on r.id = a.latest_result_id
    where lower(btrim(a.record -> 'staffingVendor' ->> 'name')) is not null
      and a.submitted_at >= ${rangeFrom} and a.submitted_at < ${to}
    group by lower(btrim(a.record -> 'staffingVendor' ->> 'name'))
    order by 4 desc, 3 desc, 2 desc, 1
    limit ${trendListLimits.breakdownRows}`.execute(db)
  const [requisition, source, vendorRows, precisionRows] = await Promise.all([
    breakdown(sql<string | null>`a.requisition_id`),
    breakdown(sql<string | null>`a.source_system`),
    vendorQuery,
    precisionQuery,
  ])
  const withoutVendor = (field: 'applications' | 'reviews' | 'holds', vendorTotal: string | undefined) =>
    buckets.reduce((sum, bucket) => sum + bucket[field], 0) - toNumber(vendorTotal)
  const firstVendorRow = vendorRows.rows[0]
  const noVendor: BreakdownRow = {
    key: '(none)',
    applications: withoutVendor('applications', firstVendorRow?.all_applications),
    reviews: withoutVendor('reviews', firstVendorRow?.all_reviews),
    holds: withoutVendor('holds', firstVendorRow?.all_holds),
  }
  const staffingVendor = [
    ...vendorRows.rows.map((row) => ({
      key: row.key,
      applications: toNumber(row.applications),
      reviews: toNumber(row.reviews),
      holds: toNumber(row.holds),
    })),
    ...(noVendor.applications > 0 ? [noVendor] : []),
  ]
    .sort((a, b) => b.holds - a.holds || b.reviews - a.reviews || b.applications - a.applications)
    .slice(0, trendListLimits.breakdownRows)
  const signalPrecision = precisionRows.rows.map((row) => {
    const confirmedFraud = toNumber(row.confirmed)
    const cleared = toNumber(row.cleared)
    return {
      code: row.code,
      confirmedFraud,
      cleared,
      precision:
        confirmedFraud + cleared === 0 ? null : Math.round((confirmedFraud / (confirmedFraud + cleared)) * 1000) / 1000,
    }
  })

  return {
    period,
    from: rangeFrom,
    to,
    buckets,
    quarterOverQuarter: {
      current,
      previous,
      change: {
        applications: percentChange(previous.applications, current.applications),
        reviews: percentChange(previous.reviews, current.reviews),
        holds: percentChange(previous.holds, current.holds),
      },
    },
    topSignals,
    breakdowns: { requisition, source, staffingVendor },
    signalPrecision,
  }
}
