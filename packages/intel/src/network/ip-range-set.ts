import type { IpNumber } from '@hirewall/core'
import { ipv6Words, type IpBlock } from './ip-block.js'
import { compareWords, lastAtOrBelow4, lastAtOrBelow6 } from './sorted-ip-search.js'

/** One entry of a range set: a block of addresses and what it stands for. */
export type IpRangeEntry<Item> = { readonly block: IpBlock; readonly item: Item }

/**
 * A set of IPv4 and IPv6 blocks (CIDRs, single addresses, arbitrary ranges) that answers "which entries hold this
 * address" in O(log n). Overlapping and nested blocks are cut into disjoint segments, each knowing every entry that
 * covers it, so a lookup is one binary search over sorted typed arrays.
 */
export type IpRangeSet<Item> = {
  /** Entries the set was built from. */
  readonly size: number
  /** Every entry whose block holds the address, the narrowest block first (ties in the order given). */
  readonly lookup: (address: IpNumber) => readonly Item[]
}

type Span<Key> = { readonly first: Key; readonly last: Key; readonly id: number }
type Segment<Key> = { readonly first: Key; readonly last: Key; readonly ids: readonly number[] }
type KeyOps<Key> = {
  readonly compare: (left: Key, right: Key) => number
  /** The next key, or undefined after the last address. */
  readonly after: (key: Key) => Key | undefined
  readonly before: (key: Key) => Key
  readonly max: Key
}

const ipv4Ops: KeyOps<number> = {
  compare: (left, right) => left - right,
  after: (key) => (key === 0xffffffff ? undefined : key + 1),
  before: (key) => key - 1,
  max: 0xffffffff,
}
const ipv6Ops: KeyOps<bigint> = {
  compare: (left, right) => (left < right ? -1 : left > right ? 1 : 0),
  after: (key) => (key === (1n << 128n) - 1n ? undefined : key + 1n),
  before: (key) => key - 1n,
  max: (1n << 128n) - 1n,
}

/** Cuts spans into disjoint segments by sweeping their boundaries; each segment lists the spans that cover it. */
function segment<Key>(spans: readonly Span<Key>[], ops: KeyOps<Key>): Segment<Key>[] {
  const events: { readonly at: Key; readonly id: number; readonly isStart: boolean }[] = []
  for (const span of spans) {
    events.push({ at: span.first, id: span.id, isStart: true })
    const end = ops.after(span.last)
    if (end !== undefined) events.push({ at: end, id: span.id, isStart: false })
  }
  events.sort((left, right) => ops.compare(left.at, right.at))
  const active = new Set<number>()
  const segments: Segment<Key>[] = []
  let index = 0
  while (index < events.length) {
    const at = (events[index] as (typeof events)[number]).at
    for (; index < events.length && ops.compare((events[index] as (typeof events)[number]).at, at) === 0; index++) {
      const event = events[index] as (typeof events)[number]
      if (event.isStart) active.add(event.id)
      else active.delete(event.id)
    }
    if (active.size === 0) continue
    const next = events[index]
    segments.push({ first: at, last: next ? ops.before(next.at) : ops.max, ids: [...active] })
  }
  return segments
}

/** Interns id lists so segments covered by the same entries share one item array (most are covered by one entry). */
function internItems<Item>(
  segments: readonly Segment<unknown>[],
  items: readonly Item[],
  rank: Int32Array,
): { readonly setOf: Uint32Array; readonly sets: readonly (readonly Item[])[] } {
  const setOf = new Uint32Array(segments.length)
  const sets: (readonly Item[])[] = []
  const known = new Map<string, number>()
  const single = new Map<number, number>()
  segments.forEach((piece, index) => {
    const [only] = piece.ids
    if (piece.ids.length === 1 && only !== undefined) {
      let set = single.get(only)
      if (set === undefined) {
        set = sets.length
        single.set(only, set)
        sets.push(Object.freeze([items[only] as Item]))
      }
      setOf[index] = set
      return
    }
    const ids = [...piece.ids].sort((left, right) => (rank[left] ?? 0) - (rank[right] ?? 0))
    const key = ids.join(',')
    let set = known.get(key)
    if (set === undefined) {
      set = sets.length
      known.set(key, set)
      sets.push(Object.freeze(ids.map((id) => items[id] as Item)))
    }
    setOf[index] = set
  })
  return { setOf, sets }
}

const none: readonly never[] = Object.freeze([])

/** Builds a range set; entries are kept as given (no copy of the items). */
export function createIpRangeSet<Item>(entries: readonly IpRangeEntry<Item>[]): IpRangeSet<Item> {
  const items = entries.map((entry) => entry.item)
  // Narrowest first: a /32 inside a listed /16 is the more telling match. IPv4 sizes fit in numbers.
  const sizeOf = (block: IpBlock): number | bigint =>
    block.version === 4 ? block.last - block.first : block.last - block.first
  const order = entries
    .map((entry, id) => ({ id, size: sizeOf(entry.block) }))
    .sort((left, right) => (left.size < right.size ? -1 : left.size > right.size ? 1 : left.id - right.id))
  const rank = new Int32Array(entries.length)
  order.forEach((entry, position) => (rank[entry.id] = position))

  const v4Spans: Span<number>[] = []
  const v6Spans: Span<bigint>[] = []
  entries.forEach(({ block }, id) => {
    if (block.version === 4) v4Spans.push({ first: block.first, last: block.last, id })
    else v6Spans.push({ first: block.first, last: block.last, id })
  })

  const v4Segments = segment(v4Spans, ipv4Ops)
  const v4 = internItems(v4Segments, items, rank)
  const v4First = Uint32Array.from(v4Segments, (piece) => piece.first)
  const v4Last = Uint32Array.from(v4Segments, (piece) => piece.last)

  const v6Segments = segment(v6Spans, ipv6Ops)
  const v6 = internItems(v6Segments, items, rank)
  // Four 32-bit words per bound, most significant first: comparisons stay in small integers.
  const v6First = new Uint32Array(v6Segments.length * 4)
  const v6Last = new Uint32Array(v6Segments.length * 4)
  v6Segments.forEach((piece, index) => {
    v6First.set(ipv6Words(piece.first), index * 4)
    v6Last.set(ipv6Words(piece.last), index * 4)
  })

  return {
    size: entries.length,
    lookup(address) {
      if (address.version === 4) {
        const index = lastAtOrBelow4(v4First, address.value)
        if (index < 0 || (v4Last[index] ?? 0) < address.value) return none
        return v4.sets[v4.setOf[index] ?? 0] ?? none
      }
      const index = lastAtOrBelow6(v6First, address.words)
      if (index < 0 || compareWords(v6Last, index, address.words) < 0) return none
      return v6.sets[v6.setOf[index] ?? 0] ?? none
    },
  }
}
