/**
 * A small seeded pseudo-random generator (sfc32, by Chris Doty-Humphrey) with the helpers the generator needs.
 * The synthetic world never uses Math.random: the same seed always yields the same world.
 */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number | string) {
    const words = seedWords(seed)
    this.a = words[0]
    this.b = words[1]
    this.c = words[2]
    this.d = words[3]
    for (let index = 0; index < 15; index++) this.nextUint32()
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min)
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick needs at least one item')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** Picks by weight; weights need not add up to one. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    // Index loops, not destructuring for-of: this runs dozens of times per record.
    let total = 0
    for (let index = 0; index < entries.length; index++) total += (entries[index] as readonly [T, number])[1]
    let point = this.next() * total
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index] as readonly [T, number]
      point -= entry[1]
      if (point < 0) return entry[0]
    }
    const last = entries[entries.length - 1]
    if (!last) throw new Error('Random.weighted needs at least one entry')
    return last[0]
  }

  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items]
    const size = Math.min(count, copy.length)
    for (let index = 0; index < size; index++) {
      const other = index + Math.floor(this.next() * (copy.length - index))
      const swap = copy[index] as T
      copy[index] = copy[other] as T
      copy[other] = swap
    }
    return copy.slice(0, size)
  }

  /** Lower-case hexadecimal digits. */
  hex(length: number): string {
    let text = ''
    while (text.length < length) text += this.nextUint32().toString(16).padStart(8, '0')
    return text.slice(0, length)
  }

  /** Decimal digits, leading zeros allowed. */
  digits(length: number): string {
    let text = ''
    for (let index = 0; index < length; index++) text += String(this.int(0, 9))
    return text
  }

  /** A new generator whose sequence depends only on this one's next output: for sub-streams such as a CV template. */
  fork(): Random {
    return new Random(this.nextUint32())
  }

  /** An approximately normal value (sum of uniforms), clamped to [min, max]. */
  normal(mean: number, deviation: number, min = -Infinity, max = Infinity): number {
    const value = mean + deviation * (this.next() + this.next() + this.next() + this.next() - 2) * 1.732
    return Math.min(max, Math.max(min, value))
  }
}

function seedWords(seed: number | string): [number, number, number, number] {
  // cyrb128: spreads any string (or number) over four 32-bit words.
  const text = String(seed)
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}
