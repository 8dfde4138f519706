import { describe, expect, it } from 'vitest'
import { addBuckets, bucketStart, bucketStarts, percentChange } from './trend-periods.js'

const utc = (text: string) => new Date(`${text}Z`)

describe('bucketStart', () => {
  it.each([
    ['week', '2026-11-23T15:00:00', '2026-11-23T00:00:00'], // a Monday
    ['week', '2026-11-29T23:59:59', '2026-11-23T00:00:00'], // the Sunday after
    ['week', '2026-01-01T10:00:00', '2025-12-29T00:00:00'], // a week across the new year
    ['month', '2026-02-28T23:00:00', '2026-02-01T00:00:00'],
    ['quarter', '2026-06-30T23:59:59', '2026-04-01T00:00:00'],
    ['quarter', '2026-10-01T00:00:00', '2026-10-01T00:00:00'],
  ] as const)('puts %s of %s at %s', (period, instant, start) => {
    expect(bucketStart(utc(instant), period)).toEqual(utc(start))
  })
})

describe('addBuckets and bucketStarts', () => {
  it('steps over year ends and backwards', () => {
    expect(addBuckets(utc('2026-10-01T00:00:00'), 'quarter', 1)).toEqual(utc('2027-01-01T00:00:00'))
    expect(addBuckets(utc('2026-01-01T00:00:00'), 'month', -1)).toEqual(utc('2025-12-01T00:00:00'))
  })
  it('lists every bucket touching the range', () => {
    expect(bucketStarts(utc('2026-01-15T00:00:00'), utc('2026-04-01T00:00:00'), 'month')).toEqual([
      utc('2026-01-01T00:00:00'),
      utc('2026-02-01T00:00:00'),
      utc('2026-03-01T00:00:00'),
    ])
  })
  it('stops at 1,000 buckets', () => {
    expect(bucketStarts(utc('1900-01-01T00:00:00'), utc('2100-01-01T00:00:00'), 'week')).toHaveLength(1000)
  })
})

describe('percentChange', () => {
  it.each([
    [100, 150, 50],
    [200, 100, -50],
    [3, 4, 33.3],
    [0, 5, null],
  ])('from %i to %i is %s', (previous, current, change) => {
    expect(percentChange(previous, current)).toBe(change)
  })
})
