import { memoise } from './memoise.js'

/** A JSON Resume date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or an ISO date-time, as the span of time it names. */
export type PartialDate = {
  readonly text: string
  readonly precision: 'year' | 'month' | 'day' | 'instant'
  /** First millisecond of the span (UTC). */
  readonly startMs: number
  /** Last millisecond of the span (UTC): the end of the year for `2019`, of the month for `2019-05`. */
  readonly endMs: number
}

const partialDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/** Parses a partial date or date-time; returns undefined for anything else (validation reports those). */
export function parsePartialDate(text: string | undefined): PartialDate | undefined {
  return text === undefined ? undefined : parseDateText(text)
}

// CVs name the same few hundred months and years: each is read once.
const parseDateText = memoise((text: string): PartialDate | undefined => {
  const match = partialDatePattern.exec(text)
  if (match) {
    const year = Number(match[1])
    if (match[2] === undefined) {
      return { text, precision: 'year', startMs: Date.UTC(year, 0, 1), endMs: Date.UTC(year + 1, 0, 1) - 1 }
    }
    const month = Number(match[2]) - 1
    if (match[3] === undefined) {
      return { text, precision: 'month', startMs: Date.UTC(year, month, 1), endMs: Date.UTC(year, month + 1, 1) - 1 }
    }
    const day = Number(match[3])
    return { text, precision: 'day', startMs: Date.UTC(year, month, day), endMs: Date.UTC(year, month, day + 1) - 1 }
  }
  const ms = Date.parse(text)
  if (Number.isNaN(ms)) return undefined
  return { text, precision: 'instant', startMs: ms, endMs: ms }
})

export const msPerDay = 86_400_000
export const msPerYear = 365.25 * msPerDay
