import { severities, type Detector, type ReferenceSource } from '@hirewall/core'
import {
  createWatchlistDetector,
  watchlistIndicatorKinds,
  type LoadedList,
  type WatchlistEntry,
  type WatchlistIndicatorKind,
} from '@hirewall/intel'
import type { Store, StoredWatchlistEntry, WatchlistWithEntries } from '@hirewall/store'
import type { ScreeningConfig } from '../screening/screening-config.js'

/**
 * The watchlists kept in the database, as the screening pipeline uses them: one watchlist detector over every stored
 * list, and one reference source per list (`watchlist:<name>`, version = the list's revision) so that results cite
 * the lists they were screened against.
 */
export type StoredWatchlists = {
  /**
   * Compares the store's watchlist revision with the one the detector was built from (one single-row read) and, when
   * they differ (this process or another changed a list), reads every list again and answers the changes to make to
   * the configuration `current()` gives once the lists are read: the detector and the sources replaced. Undefined
   * when nothing changed. Calls made while a rebuild runs wait for it, then find the revision current.
   */
  readonly refresh: (current: () => ScreeningConfig) => Promise<Partial<ScreeningConfig> | undefined>
  /** The revision the current detector was built from; -1 before the first refresh. */
  readonly revision: () => number
}

export type StoredWatchlistsOptions = {
  /** The consortium key partners hashed shared indicators with; without it hashed entries match nothing. */
  readonly consortiumKey?: Uint8Array | undefined
}

type Built = {
  readonly revision: number
  readonly detector: Detector
  readonly sources: ReadonlySet<ReferenceSource>
}

/** Watchlists read from the store, rebuilt when their revision changes; see {@link StoredWatchlists}. */
export function storedWatchlists(
  store: Pick<Store, 'watchlists'>,
  options: StoredWatchlistsOptions = {},
): StoredWatchlists {
  let built: Built | undefined
  // One refresh at a time: a caller that arrives during a rebuild waits for it, then finds the revision current.
  let queue: Promise<unknown> = Promise.resolve()
  const refreshNow = async (current: () => ScreeningConfig): Promise<Partial<ScreeningConfig> | undefined> => {
    const revision = await store.watchlists.revision()
    if (built?.revision === revision) return undefined
    const snapshot = await store.watchlists.snapshot()
    const lists = snapshot.lists.map(toLoadedList)
    const detector = createWatchlistDetector({
      lists,
      ...(options.consortiumKey === undefined ? {} : { consortiumKey: options.consortiumKey }),
    })
    const previous = built
    built = { revision: snapshot.revision, detector, sources: new Set(lists.map((list) => list.source)) }
    const config = current()
    return {
      intelDetectors: [...config.intelDetectors.filter((item) => item !== previous?.detector), detector],
      reference: {
        ...config.reference,
        sources: [
          ...config.reference.sources.filter((source) => previous?.sources.has(source) !== true),
          ...built.sources,
        ],
      },
    }
  }
  return {
    revision: () => built?.revision ?? -1,
    refresh: (current) => {
      const next = queue.then(() => refreshNow(current))
      queue = next.catch(() => undefined)
      return next
    },
  }
}

/** A stored list as the watchlist detector reads it: entries as written, cited by the list's name and revision. */
function toLoadedList({ watchlist, entries }: WatchlistWithEntries): LoadedList<WatchlistEntry> {
  return {
    source: { name: `watchlist:${watchlist.name}`, version: String(watchlist.revision), entries: entries.length },
    items: entries.flatMap((entry) => toWatchlistEntry(entry, watchlist.name)),
  }
}

function toWatchlistEntry(entry: StoredWatchlistEntry, list: string): WatchlistEntry[] {
  const kind = watchlistIndicatorKinds.find(
    (candidate): candidate is WatchlistIndicatorKind => candidate === entry.kind,
  )
  if (kind === undefined) return []
  const severity = severities.find((name) => name === entry.severity)
  return [
    {
      kind,
      value: entry.value,
      list,
      ...(severity === undefined ? {} : { severity }),
      ...(entry.note === null ? {} : { note: entry.note }),
    },
  ]
}
