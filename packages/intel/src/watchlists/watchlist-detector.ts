import { intelSignalDefinitions, type Detector, type SignalDefinition, type Signal } from '@hirewall/core'
import type { LoadedList } from '../source/intel-source.js'
import { readKeyedHash } from './keyed-indicator-hash.js'
import { recordIndicators, type RecordIndicator } from './record-indicators.js'
import type { WatchlistEntry } from './watchlist-entry.js'
import { WatchlistIndex, type WatchlistHit } from './watchlist-index.js'

type WatchlistCode = 'watchlist.match'

export type WatchlistDetectorOptions = {
  readonly lists: readonly LoadedList<WatchlistEntry>[]
  /** The consortium key that partners hashed shared indicators with; without it hashed entries match nothing. */
  readonly consortiumKey?: Uint8Array
}

const watchlistSignals = intelSignalDefinitions.filter(
  (definition): definition is SignalDefinition<WatchlistCode> => definition.code === 'watchlist.match',
)
const defaultSeverity = watchlistSignals[0]?.severity ?? 'high'

const kindLabels: Readonly<Record<WatchlistEntry['kind'], string>> = {
  phone: 'phone',
  email: 'email',
  domain: 'domain',
  address: 'address',
  handle: 'profile',
  ip: 'IP address',
  'cv-sha256': 'CV file',
}

/**
 * The watchlist detector (`name: 'watchlists'`): every phone, email, domain, address, profile, website, submitting IP
 * and CV file hash of the application, normalised the way the identity index normalises them, looked up in the
 * organisation's watchlists. One `watchlist.match` per matched entry, at the entry's severity (high unless the list
 * says otherwise), citing the list's name and version; when several fields of the record match the same entry, the
 * first is `field` and the others are in `alsoMatched`. Entries shared as keyed hashes match when `consortiumKey` is
 * the key they were hashed with. The lists are indexed once, here; detection does no I/O.
 */
export function createWatchlistDetector(options: WatchlistDetectorOptions): Detector<WatchlistCode> {
  const index = new WatchlistIndex(options.lists)
  const consortiumKey = index.hasHashedEntries ? options.consortiumKey : undefined
  return {
    name: 'watchlists',
    signals: watchlistSignals,
    detect({ record, facts }) {
      if (index.size === 0) return []
      const matches = new Map<WatchlistHit, { first: RecordIndicator; also: RecordIndicator[] }>()
      for (const indicator of recordIndicators(record, facts, index.kinds)) {
        const hits = index.find(indicator)
        const hashedHits = consortiumKey === undefined ? [] : index.findHashed(indicator, consortiumKey)
        for (const hit of hashedHits.length === 0 ? hits : [...hits, ...hashedHits]) {
          const match = matches.get(hit)
          if (match === undefined) matches.set(hit, { first: indicator, also: [] })
          else if (
            !match.also.some((other) => other.field === indicator.field) &&
            match.first.field !== indicator.field
          ) {
            match.also.push(indicator)
          }
        }
      }
      return [...matches].map(([hit, match]) => signalOf(hit, match.first, match.also))
    },
  }
}

function signalOf(
  hit: WatchlistHit,
  matched: RecordIndicator,
  also: readonly RecordIndicator[],
): Signal<WatchlistCode> {
  const { entry, source } = hit
  const note = entry.note === undefined ? '' : `: ${entry.note}`
  return {
    code: 'watchlist.match',
    severity: entry.severity ?? defaultSeverity,
    message:
      readKeyedHash(entry.value) === undefined
        ? `${matched.value} (${matched.field}) matches the ${kindLabels[entry.kind]} ${entry.value} on the watchlist "${source.name}"${note}.`
        : `${matched.value} (${matched.field}) matches a ${kindLabels[entry.kind]} shared as a keyed hash on the watchlist "${source.name}"${note}.`,
    evidence: {
      list: source.name,
      kind: entry.kind,
      listedValue: entry.value,
      ...(readKeyedHash(entry.value) === undefined ? {} : { isHashed: true }),
      matchedValue: matched.value,
      field: matched.field,
      ...(entry.note === undefined ? {} : { note: entry.note }),
      source: { name: source.name, version: source.version },
      ...(also.length === 0
        ? {}
        : { alsoMatched: also.map((other) => ({ field: other.field, matchedValue: other.value })) }),
    },
  }
}
