import type { Detector, ReferenceSource } from '@hirewall/core'
import type { HighRiskInstitution, Institution } from '../institutions/institution.js'
import { createInstitutionDetector } from '../institutions/institution-detector.js'
import type { IpDatabase } from '../network/ip-database.js'
import { createNetworkDetector } from '../network/network-detector.js'
import type { NetworkRange } from '../network/network-range.js'
import { loadPackagedIpDatabase } from '../network/packaged-ip-database.js'
import { loadShippedNetworkClassification } from '../network/shipped-network-classification.js'
import type { SanctionedEntity } from '../sanctions/sanctioned-entity.js'
import { createSanctionsDetector } from '../sanctions/sanctions-detector.js'
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

/** Data that ships in npm packages rather than the cache: the shipped network classification and the IP database. */
export type PackagedIntel =
  | {
      readonly status: 'ok'
      readonly network: readonly LoadedList<NetworkRange>[]
      readonly ipDatabase: IpDatabase
    }
  | { readonly status: 'unavailable'; readonly message: string }

/** Loads what ships in npm packages; the loaders keep it for the rest of the process. */
export function loadPackagedIntel(): PackagedIntel {
  try {
    return { status: 'ok', network: [loadShippedNetworkClassification()], ipDatabase: loadPackagedIpDatabase() }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return {
      status: 'unavailable',
      message: `the network data shipped with HireWall cannot be read (${why}): reinstall it`,
    }
  }
}

/** The sources a detector consults besides its lists (the IP database's packages), for `dataVersions`. */
export function packagedExtraSources(packaged: PackagedIntel | undefined): readonly ReferenceSource[] {
  return packaged?.status === 'ok' ? packaged.ipDatabase.sources : []
}

/** One detector per area that has data, built by that area's builder; `consortiumKey` lets hashed watchlist entries match. */
export function buildIntelDetectors(
  lists: IntelLists,
  ipDatabase: IpDatabase | undefined,
  consortiumKey?: Uint8Array,
): Detector[] {
  const detectors: Detector[] = []
  if (lists.sanctions.length > 0) detectors.push(createSanctionsDetector({ lists: lists.sanctions }))
  if (lists.institutions.length > 0 || lists.highRiskInstitutions.length > 0)
    detectors.push(
      createInstitutionDetector({ institutions: lists.institutions, highRisk: lists.highRiskInstitutions }),
    )
  if (lists.network.length > 0 || ipDatabase)
    detectors.push(createNetworkDetector({ ranges: lists.network, ...(ipDatabase ? { ipDatabase } : {}) }))
  if (lists.watchlists.length > 0) {
    detectors.push(
      createWatchlistDetector({ lists: lists.watchlists, ...(consortiumKey === undefined ? {} : { consortiumKey }) }),
    )
  }
  return detectors
}
