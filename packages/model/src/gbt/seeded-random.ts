/**
 * A small seeded generator (mulberry32, the seed spread by a string hash) for row and column subsampling: training
 * never uses Math.random, so the same data, parameters and seed always grow the same trees.
 */
export class SeededRandom {
  private state: number

  constructor(seed: number | string) {
    const text = String(seed)
    let hash = 2166136261
    for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619)
    this.state = hash >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
