import type { IpNumber, ReferenceSource } from '@hirewall/core'
import type { LoadedList } from '../source/intel-source.js'
import { parseIpBlock } from './ip-block.js'
import { createIpRangeSet, type IpRangeEntry } from './ip-range-set.js'
import type { NetworkRange } from './network-range.js'

/** A classified network that holds an address: the entry, the list it came from, and whether its range or its AS matched. */
export type NetworkMatch = {
  readonly range: NetworkRange
  readonly source: ReferenceSource
  readonly matchedBy: 'range' | 'asn'
}

/** Every loaded network list, indexed by range (a range set) and by AS number (a map). */
export type NetworkIndex = {
  readonly rangeEntries: number
  readonly asnEntries: number
  /**
   * The entries that classify an address: its ranges first (narrowest first), then its AS's entries, each group in
   * list order. `asn` is the address's AS from the IP database, when known.
   */
  readonly match: (address: IpNumber, asn: number | undefined) => readonly NetworkMatch[]
}

/**
 * Indexes network lists. An entry with a CIDR matches by range (its `asn`, if any, is only informative); an entry with
 * only an AS number matches every address of that AS. Entries whose CIDR does not parse are left out (the parsers
 * report them when the list is read).
 */
export function createNetworkIndex(lists: readonly LoadedList<NetworkRange>[]): NetworkIndex {
  const rangeEntries: IpRangeEntry<NetworkMatch>[] = []
  const byAsn = new Map<number, NetworkMatch[]>()
  for (const { source, items } of lists) {
    for (const range of items) {
      if (range.cidr !== undefined) {
        const block = parseIpBlock(range.cidr)
        if (block) rangeEntries.push({ block, item: { range, source, matchedBy: 'range' } })
      } else if (range.asn !== undefined) {
        const matches = byAsn.get(range.asn) ?? []
        matches.push({ range, source, matchedBy: 'asn' })
        byAsn.set(range.asn, matches)
      }
    }
  }
  const ranges = createIpRangeSet(rangeEntries)
  let asnEntries = 0
  for (const matches of byAsn.values()) asnEntries += matches.length
  return {
    rangeEntries: rangeEntries.length,
    asnEntries,
    match(address, asn) {
      const byRange = ranges.lookup(address)
      const byAs = asn === undefined ? undefined : byAsn.get(asn)
      if (!byAs) return byRange
      return byRange.length === 0 ? byAs : [...byRange, ...byAs]
    },
  }
}
