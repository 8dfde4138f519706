import { describe, expect, it } from 'vitest'
import { Random } from './random.js'

describe('Random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number | string): number[] => {
      const random = new Random(seed)
      return Array.from({ length: 8 }, () => random.nextUint32())
    }
    expect(draw(42)).toEqual(draw(42))
    expect(draw('42')).toEqual(draw(42))
    expect(draw(43)).not.toEqual(draw(42))
    expect(new Set(draw(1)).size).toBe(8)
  })

  it.each([
    [0, 0],
    [-3, 3],
    [1, 6],
    [100, 1000],
  ])('draws integers in [%i, %i] and reaches both ends', (min, max) => {
    const random = new Random(`int ${min} ${max}`)
    const seen = new Set<number>()
    for (let draw = 0; draw < 20_000; draw++) {
      const value = random.int(min, max)
      expect(Number.isInteger(value) && value >= min && value <= max).toBe(true)
      seen.add(value)
    }
    expect(seen.has(min) && seen.has(max)).toBe(true)
  })

  it('picks by weight', () => {
    const random = new Random(5)
    const counts = { a: 0, b: 0, c: 0 }
    for (let draw = 0; draw < 30_000; draw++) {
      counts[
        random.weighted([
          ['a', 1],
          ['b', 3],
          ['c', 0],
        ] as const)
      ]++
    }
    expect(counts.c).toBe(0)
    expect(counts.b / counts.a).toBeGreaterThan(2.7)
    expect(counts.b / counts.a).toBeLessThan(3.3)
  })

  it('samples distinct items and hex of the requested length', () => {
    const random = new Random(9)
    const sample = random.sample([1, 2, 3, 4, 5, 6], 4)
    expect(new Set(sample).size).toBe(4)
    expect(random.sample([1, 2], 5).sort()).toEqual([1, 2])
    expect(random.hex(16)).toMatch(/^[0-9a-f]{16}$/)
    expect(random.hex(64)).toMatch(/^[0-9a-f]{64}$/)
  })
})
