import { callApi, withQuery } from '../api/api-client'
import type { TrendPeriod, Trends } from './trends-types'

/** `GET /v1/trends` in buckets of `period`. */
export function readTrends(period: TrendPeriod, signal: AbortSignal): Promise<Trends> {
  return callApi<Trends>('GET', withQuery('/v1/trends', { period }), { signal })
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A bucket's name on an axis, in UTC like the buckets: "23 Nov" (week of), "Nov 2026", "Q4 2026". */
export function bucketLabel(start: string, period: TrendPeriod): string {
  const date = new Date(start)
  const month = monthNames[date.getUTCMonth()] ?? ''
  switch (period) {
    case 'week':
      return `${date.getUTCDate()} ${month}`
    case 'month':
      return `${month} ${date.getUTCFullYear()}`
    case 'quarter':
      return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`
  }
}

/** A percentage change as analysts read it: "+12.5 %", "−3 %", or "new" when there was nothing before. */
export function changeText(change: number | null): string {
  if (change === null) return 'no earlier quarter to compare'
  if (change === 0) return 'unchanged'
  return `${change > 0 ? '+' : '−'}${Math.abs(change)} % on the quarter before`
}

/** A precision as a whole percentage, or a dash before any verdict. */
export function precisionText(precision: number | null): string {
  return precision === null ? '–' : `${Math.round(precision * 100)} %`
}
