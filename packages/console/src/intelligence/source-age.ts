/**
 * How old a source may grow before the console warns, by kind, in days: sanctions lists and the Tor exit list change
 * daily, network ranges monthly, institution lists yearly; npm-shipped data ages with `npm update`. The
 * organisation's own lists (watchlists, high-risk institutions, network classification) never go stale on a clock.
 */
export const staleAfterDays: Readonly<Record<string, number>> = {
  'ofac-sdn': 7,
  'ofac-consolidated': 7,
  'un-consolidated': 7,
  opensanctions: 7,
  'tor-exits': 7,
  'x4b-vpn': 30,
  'x4b-datacenter': 30,
  'world-universities': 365,
  ipeds: 365,
  package: 180,
}

export type SourceAge = {
  /** Whole days since it was fetched or imported; undefined when the date cannot be read. */
  readonly days: number | undefined
  /** Past its kind's limit: update it (`hirewall intel update`, or `npm update` for a package). */
  readonly isStale: boolean
  readonly limitDays: number | undefined
}

const dayMs = 86_400_000

/** The age of a source at `now` and whether it is past its kind's limit. */
export function sourceAge(source: { readonly kind: string; readonly fetchedAt: string }, now: Date): SourceAge {
  const fetched = Date.parse(source.fetchedAt)
  const limitDays = staleAfterDays[source.kind]
  if (Number.isNaN(fetched)) return { days: undefined, isStale: limitDays !== undefined, limitDays }
  const days = Math.max(0, Math.floor((now.getTime() - fetched) / dayMs))
  return { days, isStale: limitDays !== undefined && days > limitDays, limitDays }
}

/** The age as a person reads it: "today", "1 day", "12 days". */
export function formatAge(days: number | undefined): string {
  if (days === undefined) return 'unknown'
  if (days === 0) return 'today'
  return days === 1 ? '1 day' : `${days} days`
}
