import { asText, isJsonObject } from './json-value.js'

// Vendors write dates in their own ways; these turn them into the record's forms. A value that does not fit is
// passed through as it was, so validation reports it at its source path instead of it vanishing.

const usDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const isoDateTimePrefix = /^(\d{4}-\d{2}-\d{2})T/

/** A calendar date: `MM/DD/YYYY` (Greenhouse webhooks) or an ISO date-time (Harvest) becomes `YYYY-MM-DD`. */
export function toCalendarDate(value: unknown): string | undefined {
  const text = asText(value)
  if (text === undefined) return undefined
  const us = usDate.exec(text)
  if (us) return `${us[3]}-${pad(us[1])}-${pad(us[2])}`
  const dateTime = isoDateTimePrefix.exec(text)
  if (dateTime) return dateTime[1]
  return text
}

/** Lever's parsed-resume dates, `{ year, month }`, become `YYYY-MM` (or `YYYY` without a month). */
export function toYearMonth(value: unknown): string | undefined {
  if (!isJsonObject(value)) return asText(value)
  const year = asText(value['year'])
  if (year === undefined) return undefined
  const month = asText(value['month'])
  return month === undefined ? year : `${year}-${pad(month)}`
}

/** Epoch milliseconds (Lever's `createdAt`) become an ISO date-time in UTC; a string is passed through. */
export function epochMsToDateTime(value: unknown): string | undefined {
  if (typeof value === 'number') {
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString()
  }
  return asText(value)
}

const dateTimeWithoutZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/

/** JSON Resume's `meta.lastModified` is `YYYY-MM-DDThh:mm:ss` without a zone: it is read as UTC. */
export function resumeLastModified(value: unknown): string | undefined {
  const text = asText(value)
  if (text === undefined) return undefined
  if (!dateTimeWithoutZone.test(text)) return text
  return /T\d{2}:\d{2}$/.test(text) ? `${text}:00Z` : `${text}Z`
}

function pad(part: string | undefined): string {
  return (part ?? '').padStart(2, '0')
}
