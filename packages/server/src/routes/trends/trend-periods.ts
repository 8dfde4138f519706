/** The buckets a trend is counted in: ISO weeks (from Monday), calendar months and quarters, all in UTC. */
export const trendPeriods = ['week', 'month', 'quarter'] as const
export type TrendPeriod = (typeof trendPeriods)[number]

/** How many buckets a trend shows when the caller gives no start. */
export const defaultBucketCounts: Readonly<Record<TrendPeriod, number>> = { week: 12, month: 12, quarter: 8 }

/** The start of the bucket holding `instant` (as PostgreSQL's `date_trunc(period, instant, 'UTC')`). */
export function bucketStart(instant: Date, period: TrendPeriod): Date {
  const year = instant.getUTCFullYear()
  const month = instant.getUTCMonth()
  switch (period) {
    case 'week': {
      const day = Date.UTC(year, month, instant.getUTCDate())
      const sinceMonday = (instant.getUTCDay() + 6) % 7
      return new Date(day - sinceMonday * 86_400_000)
    }
    case 'month':
      return new Date(Date.UTC(year, month, 1))
    case 'quarter':
      return new Date(Date.UTC(year, month - (month % 3), 1))
  }
}

/** The start of the bucket `count` buckets after the one starting at `start` (negative counts go back). */
export function addBuckets(start: Date, period: TrendPeriod, count: number): Date {
  switch (period) {
    case 'week':
      return new Date(start.getTime() + count * 7 * 86_400_000)
    case 'month':
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + count, 1))
    case 'quarter':
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3 * count, 1))
  }
}

/** The starts of every bucket from the one holding `from` to the one holding the instant before `to`. */
export function bucketStarts(from: Date, to: Date, period: TrendPeriod): readonly Date[] {
  const starts: Date[] = []
  // Bounded: a route caps the range, and this stops at 1,000 buckets whatever it is given.
  for (
    let start = bucketStart(from, period);
    start < to && starts.length < 1000;
    start = addBuckets(start, period, 1)
  ) {
    starts.push(start)
  }
  return starts
}

/** Percentage change from `previous` to `current`, one decimal; null when there was nothing before. */
export function percentChange(previous: number, current: number): number | null {
  if (previous === 0) return null
  return Math.round(((current - previous) / previous) * 1000) / 10
}
