import { ipNumber, type ReferenceSource } from '@hirewall/core'
import { createIpRangeSet, type IpRangeEntry, type IpRangeSet } from '../network/ip-range-set.js'
import type { LoadedList } from '../source/intel-source.js'
import { domainAndParents } from './domain-name.js'
import { keyedIndicatorHash } from './keyed-indicator-hash.js'
import { readEntryIndicator, readListedIndicator } from './listed-indicator.js'
import type { RecordIndicator } from './record-indicators.js'
import type { WatchlistEntry, WatchlistIndicatorKind } from './watchlist-entry.js'

/** One listed entry, with the list it came from. */
export type WatchlistHit = { readonly entry: WatchlistEntry; readonly source: ReferenceSource }

/**
 * Every entry of the loaded watchlists, keyed for lookup: hash maps by kind and normalised value, and IP entries in a
 * range set. Finding an indicator costs a few hash probes or one binary search, never a pass over a list. Entries
 * whose value cannot be read (the parser reports those) are left out; an entry listed twice in one list is kept once.
 */
export class WatchlistIndex {
  readonly #exact = new Map<string, WatchlistHit[]>()
  readonly #ip: IpRangeSet<WatchlistHit>
  readonly #kinds = new Set<WatchlistIndicatorKind>()
  #size = 0
  #hashedEntries = 0

  constructor(lists: readonly LoadedList<WatchlistEntry>[]) {
    const seen = new Set<string>()
    const ipEntries: IpRangeEntry<WatchlistHit>[] = []
    lists.forEach((list, listIndex) => {
      for (const entry of list.items) {
        const listed = readEntryIndicator(entry)
        if (listed.status === 'invalid') continue
        const key = `${entry.kind}\u0000${listed.key}`
        if (seen.has(`${listIndex}\u0000${key}`)) continue
        seen.add(`${listIndex}\u0000${key}`)
        const hit: WatchlistHit = { entry, source: list.source }
        if (listed.block !== undefined) ipEntries.push({ block: listed.block, item: hit })
        else {
          const hits = this.#exact.get(key)
          if (hits === undefined) this.#exact.set(key, [hit])
          else hits.push(hit)
        }
        this.#kinds.add(entry.kind)
        if (listed.isHashed === true) this.#hashedEntries++
        this.#size++
      }
    })
    this.#ip = createIpRangeSet(ipEntries)
  }

  /** How many entries can match. */
  get size(): number {
    return this.#size
  }

  /** Whether any entry is a keyed hash, so that the record's indicators are worth hashing. */
  get hasHashedEntries(): boolean {
    return this.#hashedEntries > 0
  }

  /** The kinds of indicator the lists hold: the only ones worth reading from a record. */
  get kinds(): ReadonlySet<WatchlistIndicatorKind> {
    return this.#kinds
  }

  /** The entries an indicator of the record matches: a domain also matches its parent domains, an IP every range. */
  find(indicator: RecordIndicator): readonly WatchlistHit[] {
    switch (indicator.kind) {
      case 'ip': {
        const address = ipNumber(indicator.key)
        return address === undefined ? [] : this.#ip.lookup(address)
      }
      case 'domain':
        return domainAndParents(indicator.key).flatMap((domain) => this.#exact.get(`domain\u0000${domain}`) ?? [])
      case 'phone':
      case 'email':
      case 'address':
      case 'handle':
      case 'cv-sha256':
        return this.#exact.get(`${indicator.kind}\u0000${indicator.key}`) ?? []
    }
  }

  /**
   * The keyed-hash entries an indicator of the record matches: its comparison key hashed with the consortium key (a
   * domain's parents too). A hashed IP entry names one address, never a range: a range cannot be hashed.
   */
  findHashed(indicator: RecordIndicator, consortiumKey: Uint8Array): readonly WatchlistHit[] {
    const lookup = (key: string): readonly WatchlistHit[] =>
      this.#exact.get(`${indicator.kind}\u0000${keyedIndicatorHash(consortiumKey, indicator.kind, key)}`) ?? []
    switch (indicator.kind) {
      case 'ip': {
        const listed = readListedIndicator('ip', indicator.key)
        return listed.status === 'ok' ? lookup(listed.key) : []
      }
      case 'domain':
        return domainAndParents(indicator.key).flatMap(lookup)
      case 'phone':
      case 'email':
      case 'address':
      case 'handle':
      case 'cv-sha256':
        return lookup(indicator.key)
    }
  }
}
