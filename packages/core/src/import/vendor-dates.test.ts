import { describe, expect, it } from 'vitest'
import { epochMsToDateTime, resumeLastModified, toCalendarDate, toYearMonth } from './vendor-dates.js'

describe('vendor dates', () => {
  it.each([
    ['09/15/2007', '2007-09-15'],
    ['9/5/2007', '2007-09-05'],
    ['2012-08-01T00:00:00.000Z', '2012-08-01'],
    ['2012-08-01', '2012-08-01'],
    ['Fall 2012', 'Fall 2012'],
    [null, undefined],
    ['', undefined],
  ])('toCalendarDate(%j) is %j', (value, expected) => {
    expect(toCalendarDate(value)).toBe(expected)
  })

  it.each([
    [{ year: 2019, month: 3 }, '2019-03'],
    [{ year: 2019, month: 12 }, '2019-12'],
    [{ year: 2019 }, '2019'],
    [{ month: 3 }, undefined],
    [{ year: 2019, month: 13 }, '2019-13'],
    ['2019-05', '2019-05'],
  ])('toYearMonth(%j) is %j', (value, expected) => {
    expect(toYearMonth(value)).toBe(expected)
  })

  it.each([
    [1772384645000, '2026-03-01T17:04:05.000Z'],
    ['2026-03-01T17:04:05Z', '2026-03-01T17:04:05Z'],
    [Number.MAX_VALUE, String(Number.MAX_VALUE)],
    [undefined, undefined],
  ])('epochMsToDateTime(%j) is %j', (value, expected) => {
    expect(epochMsToDateTime(value)).toBe(expected)
  })

  it.each([
    ['2017-12-24T15:53:00', '2017-12-24T15:53:00Z'],
    ['2017-12-24T15:53', '2017-12-24T15:53:00Z'],
    ['2017-12-24T15:53:00+02:00', '2017-12-24T15:53:00+02:00'],
    ['yesterday', 'yesterday'],
  ])('resumeLastModified(%j) is %j', (value, expected) => {
    expect(resumeLastModified(value)).toBe(expected)
  })
})
