import { describe, expect, it } from 'vitest'
import { niceScale, position } from './chart-scale'

describe('niceScale', () => {
  it.each([
    [0, 1, [0, 1]],
    [3, 3, [0, 1, 2, 3]],
    [7, 8, [0, 2, 4, 6, 8]],
    [95, 100, [0, 50, 100]],
    [120, 150, [0, 50, 100, 150]],
    [4321, 6000, [0, 2000, 4000, 6000]],
  ])('covers %i with a round maximum %i', (largest, max, ticks) => {
    expect(niceScale(largest)).toEqual({ max, ticks })
  })
  it('survives nonsense', () => {
    expect(niceScale(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] })
  })
})

describe('position', () => {
  it('maps values onto the drawn length, negatives to 0', () => {
    const scale = { max: 100, ticks: [0, 50, 100] }
    expect(position(50, scale, 200)).toBe(100)
    expect(position(-5, scale, 200)).toBe(0)
  })
})
