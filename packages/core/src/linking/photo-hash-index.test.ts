import { describe, expect, it } from 'vitest'
import { PhotoHashIndex, popcount } from './photo-hash-index.js'

const base = 'c3a5f00e9b127d48'

/** Flips `count` bits spread over the 64, so the distance is exactly `count`. */
function flip(hex: string, count: number): string {
  let value = BigInt(`0x${hex}`)
  for (let bit = 0; bit < count; bit++) value ^= 1n << BigInt((bit * 23) % 64)
  return value.toString(16).padStart(16, '0')
}

describe('PhotoHashIndex', () => {
  const index = new PhotoHashIndex()
  // Noise entries so the lookup has something to skip.
  for (let entry = 0; entry < 500; entry++)
    index.add(((BigInt(entry) * 0x9e3779b97f4a7c15n) % (1n << 64n)).toString(16).padStart(16, '0'))
  const target = index.add(base)

  it.each([0, 1, 2, 3, 4])('finds the photo at Hamming distance %i', (distance) => {
    const found = index.near(flip(base, distance), 4)
    expect(found).toContainEqual({ entry: target, distance })
  })

  it.each([5, 8, 12])('does not match at distance %i with a threshold of 4', (distance) => {
    expect(index.near(flip(base, distance), 4).map((match) => match.entry)).not.toContain(target)
  })

  it('finds every match within a larger threshold, where blocks must be probed with their neighbours', () => {
    expect(index.near(flip(base, 7), 7)).toContainEqual({ entry: target, distance: 7 })
  })

  it('counts bits', () => {
    expect([0, 1, 0xff, 0xffffffff, 0x80000001].map(popcount)).toEqual([0, 1, 8, 32, 2])
  })
})
