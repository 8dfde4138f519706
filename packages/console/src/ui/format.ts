import type { Outcome } from '../api/api-types'

/** A score as analysts read it: a whole number out of 100. */
export function formatScore(score: number | null): string {
  return score === null ? '–' : String(Math.round(score))
}

/** A date and time in the analyst's locale, or a dash when missing or unreadable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '–'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return '–'
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

/** A calendar date in the analyst's locale. */
export function formatDate(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '–'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '–' : date.toLocaleDateString(undefined, { dateStyle: 'medium' })
}

/** How an outcome reads in a sentence. */
export const outcomeLabels: Record<Outcome, string> = {
  clear: 'Clear',
  review: 'Review',
  hold: 'Hold',
}
