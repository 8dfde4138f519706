import type { Severity } from '@hirewall/core'

/** The kinds of indicator a watchlist can hold. */
export const watchlistIndicatorKinds = ['phone', 'email', 'domain', 'address', 'handle', 'ip', 'cv-sha256'] as const
export type WatchlistIndicatorKind = (typeof watchlistIndicatorKinds)[number]

/** One known-bad indicator of an organisation's watchlist. */
export type WatchlistEntry = {
  readonly kind: WatchlistIndicatorKind
  /** As the list writes it; matching normalises both sides the way the identity index does. */
  readonly value: string
  /** Overrides the signal's default severity (high) for this entry. */
  readonly severity?: Severity
  readonly note?: string
  readonly list: string
}
