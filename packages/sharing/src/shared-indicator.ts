import type { Severity } from '@hirewall/core'
import { watchlistIndicatorKinds, type WatchlistIndicatorKind } from '@hirewall/intel'

/** The kinds of indicator HireWall shares: the kinds a watchlist holds, so that what one side exports the other can load. */
export const sharedIndicatorKinds = watchlistIndicatorKinds
export type SharedIndicatorKind = WatchlistIndicatorKind

/** Traffic Light Protocol 2.0 levels, least to most restricted. `red` never leaves the organisation. */
export const tlpLevels = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const
export type TlpLevel = (typeof tlpLevels)[number]

/** The TLP label as people write it: `TLP:AMBER+STRICT`. */
export function tlpLabel(level: TlpLevel): string {
  return `TLP:${level.toUpperCase()}`
}

/** Reads `amber`, `TLP:AMBER`, `tlp:amber+strict` and TLP 1.0's `white` (now `clear`). */
export function readTlpLevel(text: string): TlpLevel | undefined {
  const name = text
    .trim()
    .toLowerCase()
    .replace(/^tlp\s*:\s*/, '')
    .replace(/\s+/g, '')
  if (name === 'white') return 'clear'
  return tlpLevels.find((level) => level === name)
}

/** The more restricted of two levels. */
export function stricterTlp(a: TlpLevel, b: TlpLevel): TlpLevel {
  return tlpLevels.indexOf(a) >= tlpLevels.indexOf(b) ? a : b
}

/**
 * One confirmed-fraud indicator to share: a value of a watchlist kind, where it came from (an incident, a list), when it
 * was first and last seen, how confident the organisation is (0–100, as STIX counts), its TLP level, and the group it
 * is attributed to when one is.
 */
export type SharedIndicator = {
  readonly kind: SharedIndicatorKind
  /** As written; exports write the normalised form the identity index compares (E.164 phone, canonical email…). */
  readonly value: string
  readonly source: string
  readonly tlp: TlpLevel
  readonly confidence?: number
  /** ISO 8601 timestamps. */
  readonly firstSeen?: string
  readonly lastSeen?: string
  readonly severity?: Severity
  readonly note?: string
  /** The threat actor or intrusion set, by name (`Famous Chollima`). */
  readonly attributedTo?: string
}
