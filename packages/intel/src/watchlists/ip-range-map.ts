import { addressWidths, ipBits, maskBits, type IpRange } from './ip-range.js'

/**
 * Items keyed by IP range, looked up by address. One hash map per prefix length in use, so a lookup costs one masked
 * hash probe per distinct length (at most 33 for IPv4, 129 for IPv6), however many ranges are stored, and finds every
 * range that contains the address, nested ones included.
 */
export class IpRangeMap<Item> {
  readonly #byLength = { 4: new Map<number, Map<bigint, Item[]>>(), 6: new Map<number, Map<bigint, Item[]>>() }
  // Longest prefix first: the most specific range is reported first.
  readonly #lengths: { readonly 4: number[]; readonly 6: number[] } = { 4: [], 6: [] }
  #size = 0

  add(range: IpRange, item: Item): void {
    const byLength = this.#byLength[range.version]
    let networks = byLength.get(range.prefixLength)
    if (networks === undefined) {
      networks = new Map()
      byLength.set(range.prefixLength, networks)
      this.#lengths[range.version].push(range.prefixLength)
      this.#lengths[range.version].sort((a, b) => b - a)
    }
    const items = networks.get(range.network)
    if (items === undefined) networks.set(range.network, [item])
    else items.push(item)
    this.#size++
  }

  /** Every item whose range contains the address, most specific range first; empty when `address` is not an IP. */
  find(address: string): readonly Item[] {
    const parsed = ipBits(address)
    if (parsed === undefined) return []
    const width = addressWidths[parsed.version]
    const byLength = this.#byLength[parsed.version]
    const found: Item[] = []
    for (const length of this.#lengths[parsed.version]) {
      const items = byLength.get(length)?.get(maskBits(parsed.bits, width, length))
      if (items !== undefined) found.push(...items)
    }
    return found
  }

  /** How many items were added. */
  get size(): number {
    return this.#size
  }
}
