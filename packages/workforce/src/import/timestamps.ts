const dateTime =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|z|[+-]\d{2}:?\d{2}|UTC)$/

/** An instant as a feed writes it: ISO 8601 date and time with `Z` or an offset (a space may stand for the `T`). */
export type Instant = { readonly text: string; readonly ms: number }

/**
 * Reads an ISO 8601 date-time that names its zone. A time without a zone is refused rather than guessed: the same
 * wall-clock time is hours apart in two offices, and hours are what the rhythm and travel detectors compare.
 */
export function readInstant(text: string): Instant | string {
  const value = text.trim()
  const match = dateTime.exec(value)
  if (!match) {
    return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)
      ? 'has no time zone: add Z or an offset, e.g. 2026-03-02T14:05:00Z'
      : 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-02T14:05:00Z'
  }
  const normalised = value.replace(' ', 'T').replace(/\s*UTC$/, 'Z')
  const ms = Date.parse(normalised)
  if (Number.isNaN(ms) || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3])))
    return 'is not a real date and time'
  return { text: value, ms }
}

/** Reads `YYYY-MM-DD` (a calendar date, no time): start dates. */
export function readDate(text: string): string | { readonly problem: string } {
  const value = text.trim()
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return { problem: 'must be a date as YYYY-MM-DD' }
  if (!isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) return { problem: 'is not a real date' }
  return value
}

/** A date (`YYYY-MM-DD`) or a date-time with its zone: shipment dates come either way. */
export function readDateOrInstant(text: string): string | { readonly problem: string } {
  const value = text.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return readDate(value)
  const instant = readInstant(value)
  return typeof instant === 'string' ? { problem: instant } : instant.text
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
