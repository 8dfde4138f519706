import { msPerYear, type PartialDate } from './partial-date.js'

/** A stretch of time in UTC milliseconds. Empty when `toMs <= fromMs`. */
export type Period = { readonly fromMs: number; readonly toMs: number }

export const msPerMonth = msPerYear / 12

/**
 * The part of a dated entry that is certain whatever the partial dates mean: from the last moment the start can name
 * to the first moment the end can name (`2019` to `2021` surely covers 2019-12-31 to 2021-01-01). An open end runs to
 * `nowMs`. Overlaps measured on sure periods never blame an applicant for imprecise dates: year-only dates that touch
 * do not overlap.
 */
export function surePeriod(start: PartialDate, end: PartialDate | undefined, nowMs: number): Period {
  return { fromMs: start.endMs, toMs: end ? end.startMs : nowMs }
}

/** The longest reading of a dated entry: the first moment of the start to the last moment of the end (or `nowMs`). */
export function widestPeriod(start: PartialDate, end: PartialDate | undefined, nowMs: number): Period {
  return { fromMs: start.startMs, toMs: end ? end.endMs : nowMs }
}

export function periodLengthMs(period: Period): number {
  return Math.max(0, period.toMs - period.fromMs)
}

export function overlapMs(first: Period, second: Period): number {
  return Math.max(0, Math.min(first.toMs, second.toMs) - Math.max(first.fromMs, second.fromMs))
}

/** The length of the union of the periods: time covered by several of them counts once. */
export function unionLengthMs(periods: readonly Period[]): number {
  const sorted = periods.filter((period) => period.toMs > period.fromMs).sort((a, b) => a.fromMs - b.fromMs)
  let total = 0
  let coveredTo = Number.NEGATIVE_INFINITY
  for (const period of sorted) {
    const fromMs = Math.max(period.fromMs, coveredTo)
    if (period.toMs > fromMs) total += period.toMs - fromMs
    coveredTo = Math.max(coveredTo, period.toMs)
  }
  return total
}

/** Rounds a duration to years with one decimal, for evidence and messages. */
export function toYears(ms: number): number {
  return Math.round((ms / msPerYear) * 10) / 10
}

/** Rounds a duration to whole months, for evidence and messages. */
export function toMonths(ms: number): number {
  return Math.round(ms / msPerMonth)
}
