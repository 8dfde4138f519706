/**
 * Near-match search over 64-bit perceptual hashes by multi-index hashing: the hash is cut into four 16-bit blocks,
 * each block indexes the photos that have that block value. Two hashes within Hamming distance d agree within
 * floor(d / 4) bits on at least one block (pigeonhole), so probing each block's value and its neighbours within that
 * radius finds every match without scanning the pool.
 */
export class PhotoHashIndex {
  private high = new Uint32Array(1024)
  private low = new Uint32Array(1024)
  private count = 0
  private readonly buckets: (number[] | undefined)[] = new Array<number[] | undefined>(4 * 65536)
  private stamps = new Int32Array(1024)
  private stamp = 0
  /** The newest entries of a bucket scanned per probe: a blank or default image must not make lookups slow. */
  private readonly perBucket: number

  constructor(perBucket = 4096) {
    this.perBucket = perBucket
  }

  get size(): number {
    return this.count
  }

  /** Adds a 16-hex-digit hash and returns its entry number (from 0, in insertion order). */
  add(hex: string): number {
    const [high, low] = splitHash(hex)
    const entry = this.count++
    if (entry >= this.high.length) this.grow()
    this.high[entry] = high
    this.low[entry] = low
    blocksOf(high, low).forEach((block, index) => {
      const key = index * 65536 + block
      const bucket = this.buckets[key]
      if (bucket) bucket.push(entry)
      else this.buckets[key] = [entry]
    })
    return entry
  }

  /** Entries within `maxDistance` bits of the hash (at most 15), nearest first then oldest first. */
  near(hex: string, maxDistance: number): readonly { readonly entry: number; readonly distance: number }[] {
    const [high, low] = splitHash(hex)
    const radius = Math.min(3, Math.floor(maxDistance / 4))
    this.stamp++
    const found: { entry: number; distance: number }[] = []
    blocksOf(high, low).forEach((block, index) => {
      for (const probe of neighbours(block, radius)) {
        const bucket = this.buckets[index * 65536 + probe]
        if (!bucket) continue
        for (
          let position = bucket.length - 1;
          position >= 0 && bucket.length - position <= this.perBucket;
          position--
        ) {
          const entry = bucket[position] ?? 0
          if (this.stamps[entry] === this.stamp) continue
          this.stamps[entry] = this.stamp
          const distance = popcount((this.high[entry] ?? 0) ^ high) + popcount((this.low[entry] ?? 0) ^ low)
          if (distance <= maxDistance) found.push({ entry, distance })
        }
      }
    })
    return found.sort((a, b) => a.distance - b.distance || a.entry - b.entry)
  }

  private grow(): void {
    const capacity = this.high.length * 2
    const high = new Uint32Array(capacity)
    const low = new Uint32Array(capacity)
    const stamps = new Int32Array(capacity)
    high.set(this.high)
    low.set(this.low)
    stamps.set(this.stamps)
    this.high = high
    this.low = low
    this.stamps = stamps
  }
}

function splitHash(hex: string): readonly [number, number] {
  return [parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8, 16), 16) >>> 0]
}

function blocksOf(high: number, low: number): readonly number[] {
  return [high >>> 16, high & 0xffff, low >>> 16, low & 0xffff]
}

/** Every 16-bit value within `radius` bits of `block` (radius 0..3). */
function neighbours(block: number, radius: number): readonly number[] {
  const values = [block]
  if (radius >= 1) for (let a = 0; a < 16; a++) values.push(block ^ (1 << a))
  if (radius >= 2)
    for (let a = 0; a < 16; a++) for (let b = a + 1; b < 16; b++) values.push(block ^ (1 << a) ^ (1 << b))
  if (radius >= 3) {
    for (let a = 0; a < 16; a++)
      for (let b = a + 1; b < 16; b++)
        for (let c = b + 1; c < 16; c++) values.push(block ^ (1 << a) ^ (1 << b) ^ (1 << c))
  }
  return values
}

export function popcount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555)
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333)
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}
