/** A parsed JSON object, read defensively: a signed body is still whatever the vendor sent. */
export type JsonObject = { readonly [key: string]: unknown }

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The object under `key`, or undefined. */
export function objectAt(object: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = object?.[key]
  return isJsonObject(value) ? value : undefined
}

/** A non-blank string or a finite number under `key`, as text (ATS ids are numbers in some vendors' JSON). */
export function textAt(object: JsonObject | undefined, key: string): string | undefined {
  const value = object?.[key]
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** A date-time with a zone (ISO 8601) or epoch milliseconds under `key`, as a Date; undefined when it is neither. */
export function instantAt(object: JsonObject | undefined, key: string): Date | undefined {
  const value = object?.[key]
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return new Date(value)
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) {
    return undefined
  }
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : new Date(time)
}

/** The calendar date (`YYYY-MM-DD`) at the start of a date or date-time under `key`, when it is a real date. */
export function calendarDateAt(object: JsonObject | undefined, key: string): string | undefined {
  const value = object?.[key]
  const date = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(value.trim())?.[1] : undefined
  if (date === undefined) return undefined
  return new Date(`${date}T00:00:00Z`).toISOString().startsWith(date) ? date : undefined
}
