/**
 * An open-addressing hash table from (kind, normalised value) to one 32-bit number, keyed by a 64-bit hash of the
 * pair held in typed arrays: no strings and no per-entry objects stay on the heap, so a million applications' ten
 * identifiers cost about 12 bytes per slot and the garbage collector has nothing to walk. Two different identifiers
 * share a 64-bit hash with probability about n^2 / 2^65 (3 in a million at 10 million identifiers).
 */
export class IdentifierTable {
  private high = new Uint32Array(1 << 12)
  private low = new Uint32Array(1 << 12)
  /** Stored value + 1; 0 marks an empty slot. */
  private values = new Int32Array(1 << 12)
  private used = 0

  get size(): number {
    return this.used
  }

  /** The number stored for the identifier (a non-negative integer), or undefined. */
  get(kind: number, value: string): number | undefined {
    const [high, low] = hash64(kind, value)
    const stored = this.values[this.find(high, low)] ?? 0
    return stored === 0 ? undefined : stored - 1
  }

  /** Stores a non-negative integer (below 2^31 - 1) for the identifier. */
  set(kind: number, value: string, stored: number): void {
    const [high, low] = hash64(kind, value)
    let slot = this.find(high, low)
    if (this.values[slot] === 0) {
      if ((this.used + 1) * 2 > this.values.length) {
        this.grow()
        slot = this.find(high, low)
      }
      this.used++
      this.high[slot] = high
      this.low[slot] = low
    }
    this.values[slot] = stored + 1
  }

  private find(high: number, low: number): number {
    const mask = this.values.length - 1
    let slot = (low ^ Math.imul(high, 0x9e3779b1)) & mask
    while (this.values[slot] !== 0 && (this.high[slot] !== high || this.low[slot] !== low)) slot = (slot + 1) & mask
    return slot
  }

  private grow(): void {
    const high = this.high
    const low = this.low
    const values = this.values
    this.high = new Uint32Array(high.length * 2)
    this.low = new Uint32Array(high.length * 2)
    this.values = new Int32Array(high.length * 2)
    for (let slot = 0; slot < values.length; slot++) {
      if (values[slot] === 0) continue
      const target = this.find(high[slot] ?? 0, low[slot] ?? 0)
      this.high[target] = high[slot] ?? 0
      this.low[target] = low[slot] ?? 0
      this.values[target] = values[slot] ?? 0
    }
  }
}

/** Two independent 32-bit hashes (FNV-1a and a murmur-style multiply-rotate) of the kind and the value. */
function hash64(kind: number, value: string): readonly [number, number] {
  let first = Math.imul(0x811c9dc5 ^ kind, 0x01000193)
  let second = Math.imul(0x2545f491 ^ kind, 0xcc9e2d51)
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    first = Math.imul(first ^ code, 0x01000193)
    second = Math.imul(((second ^ code) << 15) | ((second ^ code) >>> 17), 0x1b873593) + 0xe6546b64
  }
  return [fmix(first) >>> 0, fmix(second ^ value.length) >>> 0]
}

function fmix(value: number): number {
  let mixed = value ^ (value >>> 16)
  mixed = Math.imul(mixed, 0x85ebca6b)
  mixed ^= mixed >>> 13
  mixed = Math.imul(mixed, 0xc2b2ae35)
  return mixed ^ (mixed >>> 16)
}
