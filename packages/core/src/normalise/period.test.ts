import { describe, expect, it } from 'vitest'
import { parsePartialDate, type PartialDate } from './partial-date.js'
import { overlapMs, surePeriod, toMonths, toYears, unionLengthMs, widestPeriod, type Period } from './period.js'

const date = (text: string): PartialDate => {
  const parsed = parsePartialDate(text)
  if (!parsed) throw new Error(`test date ${text} does not parse`)
  return parsed
}
const nowMs = Date.parse('2026-03-02T00:00:00Z')
const sure = (start: string, end?: string): Period => surePeriod(date(start), end ? date(end) : undefined, nowMs)

describe('surePeriod and overlapMs', () => {
  it.each([
    ['year-only dates that touch', sure('2015', '2019'), sure('2019', '2021'), 0],
    ['months that touch', sure('2019-07', '2022-05'), sure('2022-05'), 0],
    ['a clear overlap in months', sure('2019-07', '2022-05'), sure('2021-01', '2022-12'), 15],
    ['an open end running to now', sure('2025-03'), sure('2025-09'), 5],
  ])('%s', (_name, first, second, months) => {
    expect(toMonths(overlapMs(first, second))).toBe(months)
  })
})

describe('widestPeriod', () => {
  it('runs from the first moment of the start to the last of the end', () => {
    const period = widestPeriod(date('2019'), date('2019-06'), nowMs)
    expect(new Date(period.fromMs).toISOString()).toBe('2019-01-01T00:00:00.000Z')
    expect(new Date(period.toMs).toISOString()).toBe('2019-06-30T23:59:59.999Z')
  })
})

describe('unionLengthMs', () => {
  it('counts time covered twice once, and ignores empty periods', () => {
    const a = widestPeriod(date('2019'), date('2020'), nowMs)
    const b = widestPeriod(date('2020'), date('2021'), nowMs)
    const c = widestPeriod(date('2024'), date('2024'), nowMs)
    expect(toYears(unionLengthMs([b, a, c, { fromMs: 10, toMs: 5 }]))).toBe(4)
  })
})
