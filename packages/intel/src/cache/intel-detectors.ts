import type { Detector, ReferenceSource } from '@hirewall/core'
import type { HighRiskInstitution, Institution } from '../institutions/institution.js'
import type { NetworkRange } from '../network/network-range.js'
import type { SanctionedEntity } from '../sanctions/sanctioned-entity.js'
import type { LoadedList } from '../source/intel-source.js'
import type { WatchlistEntry } from '../watchlists/watchlist-entry.js'
import { createWatchlistDetector } from '../watchlists/watchlist-detector.js'

/** The lists of every area, as the detector builders take them. */
export type IntelLists = {
  readonly sanctions: readonly LoadedList<SanctionedEntity>[]
  readonly institutions: readonly LoadedList<Institution>[]
  readonly highRiskInstitutions: readonly LoadedList<HighRiskInstitution>[]
  readonly network: readonly LoadedList<NetworkRange>[]
  readonly watchlists: readonly LoadedList<WatchlistEntry>[]
}

/** Data that ships in npm packages rather than the cache: the network lists and sources the IP database cites. */
export type PackagedIntel =
  | {
      readonly status: 'ok'
      readonly network: readonly LoadedList<NetworkRange>[]
      /** Sources used by detectors but not held as lists (the IP database's packages). */
      readonly extraSources: readonly ReferenceSource[]
    }
  | { readonly status: 'unavailable'; readonly message: string }

/** Loads what ships in npm packages, once per process (the loaders cache it). */
export function loadPackagedIntel(): PackagedIntel {
  return { status: 'ok', network: [], extraSources: [] }
}

/** One detector per area that has data, built by that area's builder. */
export function buildIntelDetectors(lists: IntelLists, _packaged: PackagedIntel | undefined): Detector[] {
  const detectors: Detector[] = []
  if (lists.watchlists.length > 0) detectors.push(createWatchlistDetector({ lists: lists.watchlists }))
  return detectors
}
