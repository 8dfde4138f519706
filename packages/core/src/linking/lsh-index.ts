import { minHashSize } from './min-hash.js'

/**
 * Locality-sensitive hashing over MinHash signatures: `bands` bands of `rows` minima each. Two texts become
 * candidates when any band agrees entirely; with 20 x 5 the probability is 1 - (1 - J^5)^20: 0.9996 at J = 0.8,
 * 0.47 at J = 0.5, 0.05 at J = 0.3, 0.0002 at J = 0.1 (candidates are then checked on the whole signature).
 *
 * Memory: one open-addressing table of 32-bit band keys to the newest document in that bucket, and a `next`
 * array chaining each (document, band) to the previous document of its bucket: about 20 bytes per document and band,
 * no per-bucket objects.
 */
export class LshIndex {
  readonly bands: number
  readonly rows: number
  private keys: Uint32Array
  private heads: Int32Array
  private used = 0
  private next: Int32Array
  private documents = 0

  constructor(bands = 20, rows = 5) {
    if (bands * rows > minHashSize) throw new Error(`LSH needs ${bands * rows} minima, signatures have ${minHashSize}`)
    this.bands = bands
    this.rows = rows
    this.keys = new Uint32Array(1024)
    this.heads = new Int32Array(1024)
    this.next = new Int32Array(1024 * bands)
  }

  get size(): number {
    return this.documents
  }

  /** Adds the next document (numbered from 0 in insertion order) and returns its number. */
  insert(values: Uint32Array): number {
    const document = this.documents++
    if ((document + 1) * this.bands > this.next.length) {
      const grown = new Int32Array(this.next.length * 2)
      grown.set(this.next)
      this.next = grown
    }
    for (let band = 0; band < this.bands; band++) {
      if ((this.used + 1) * 2 > this.keys.length) this.rehash(this.keys.length * 2)
      const key = this.bandKey(values, band)
      const slot = this.findSlot(key)
      if (this.heads[slot] === 0) {
        this.keys[slot] = key
        this.used++
      }
      this.next[document * this.bands + band] = this.heads[slot] ?? 0
      this.heads[slot] = document + 1
    }
    return document
  }

  /**
   * Calls `visit` for documents sharing a band with `values`, newest first, at most `perBand` per band (a template
   * bucket thousands long must not make one lookup slow). A document can be visited once per band it shares.
   */
  forEachCandidate(values: Uint32Array, perBand: number, visit: (document: number) => void): void {
    for (let band = 0; band < this.bands; band++) {
      const slot = this.findSlot(this.bandKey(values, band))
      let entry = this.heads[slot] ?? 0
      for (let seen = 0; entry !== 0 && seen < perBand; seen++) {
        visit(entry - 1)
        entry = this.next[(entry - 1) * this.bands + band] ?? 0
      }
    }
  }

  private bandKey(values: Uint32Array, band: number): number {
    let hash = Math.imul(band + 1, 0x9e3779b1)
    const from = band * this.rows
    for (let row = 0; row < this.rows; row++) {
      hash = Math.imul(hash ^ (values[from + row] ?? 0), 0x01000193)
      hash ^= hash >>> 15
    }
    return hash >>> 0
  }

  private findSlot(key: number): number {
    const mask = this.keys.length - 1
    let slot = Math.imul(key, 0x85ebca6b) >>> 0
    slot &= mask
    while (this.heads[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask
    return slot
  }

  private rehash(capacity: number): void {
    const oldKeys = this.keys
    const oldHeads = this.heads
    this.keys = new Uint32Array(capacity)
    this.heads = new Int32Array(capacity)
    for (let slot = 0; slot < oldKeys.length; slot++) {
      const head = oldHeads[slot] ?? 0
      if (head === 0) continue
      const target = this.findSlot(oldKeys[slot] ?? 0)
      this.keys[target] = oldKeys[slot] ?? 0
      this.heads[target] = head
    }
  }
}
