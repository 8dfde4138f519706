import { describe, expect, it } from 'vitest'
import { bucketLabel, changeText, precisionText } from './trends-data'

describe('bucketLabel', () => {
  it.each([
    ['2026-11-23T00:00:00.000Z', 'week', '23 Nov'],
    ['2026-11-01T00:00:00.000Z', 'month', 'Nov 2026'],
    ['2026-10-01T00:00:00.000Z', 'quarter', 'Q4 2026'],
    ['2026-01-01T00:00:00.000Z', 'quarter', 'Q1 2026'],
  ] as const)('names %s as a %s', (start, period, label) => {
    expect(bucketLabel(start, period)).toBe(label)
  })
})

describe('changeText', () => {
  it.each([
    [300, '+300 % on the quarter before'],
    [-12.5, '−12.5 % on the quarter before'],
    [0, 'unchanged'],
    [null, 'no earlier quarter to compare'],
  ])('writes %s as %s', (change, text) => {
    expect(changeText(change)).toBe(text)
  })
})

describe('precisionText', () => {
  it('writes a share as a percentage', () => {
    expect(precisionText(0.667)).toBe('67 %')
    expect(precisionText(null)).toBe('–')
  })
})
