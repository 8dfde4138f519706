import { describe, expect, it } from 'vitest'
import {
  countriesOfTimeZone,
  countryOffsetsAt,
  formatUtcOffset,
  isPlacelessTimeZone,
  localTimeAt,
  timeZoneOffsetAt,
  timeZonesOfCountry,
} from './time-zones.js'

describe('timeZoneOffsetAt', () => {
  it.each<[string, string, number | undefined]>([
    ['America/New_York', '2026-03-08T06:59:59.999Z', -300],
    ['America/New_York', '2026-03-08T07:00:00Z', -240],
    ['America/New_York', '2026-11-01T05:59:59Z', -240],
    ['America/New_York', '2026-11-01T06:00:00Z', -300],
    ['Europe/London', '2026-03-29T00:59:59Z', 0],
    ['Europe/London', '2026-03-29T01:00:00Z', 60],
    ['America/St_Johns', '2026-03-08T05:29:59Z', -210],
    ['America/St_Johns', '2026-03-08T05:30:00Z', -150],
    // Lord Howe Island moves its clocks by half an hour.
    ['Australia/Lord_Howe', '2026-04-04T14:59:59Z', 660],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z', 630],
    ['Asia/Kathmandu', '2026-06-01T00:00:00Z', 345],
    ['Pacific/Chatham', '2026-01-01T00:00:00Z', 825],
    ['Asia/Calcutta', '2026-01-01T00:00:00Z', 330],
    ['Etc/GMT-9', '2026-01-01T00:00:00Z', 540],
    ['Mars/Olympus_Mons', '2026-01-01T00:00:00Z', undefined],
  ])('%s at %s is %s minutes', (zone, instant, offset) => {
    expect(timeZoneOffsetAt(zone, Date.parse(instant))).toBe(offset)
  })

  it('returns undefined for an invalid instant', () => {
    expect(timeZoneOffsetAt('Europe/Paris', Number.NaN)).toBeUndefined()
  })
})

describe('countryOffsetsAt', () => {
  it.each<[string, string, number[]]>([
    ['US', '2026-01-15T12:00:00Z', [-600, -540, -480, -420, -360, -300]],
    ['US', '2026-07-15T12:00:00Z', [-600, -540, -480, -420, -360, -300, -240]],
    ['AU', '2026-01-15T12:00:00Z', [480, 525, 570, 600, 630, 660]],
    ['JP', '2026-01-15T12:00:00Z', [540]],
    ['DE', '2026-07-15T12:00:00Z', [120]],
    ['ZZ', '2026-07-15T12:00:00Z', []],
  ])('%s at %s', (country, instant, offsets) => {
    expect(countryOffsetsAt(country, Date.parse(instant))).toEqual(offsets)
  })

  it('follows a clock change within the day', () => {
    expect(countryOffsetsAt('GB', Date.parse('2026-03-29T00:59:59Z'))).toEqual([0])
    expect(countryOffsetsAt('GB', Date.parse('2026-03-29T01:00:00Z'))).toEqual([60])
  })
})

describe('country and zone lookups', () => {
  it('leaves out zones that only a handful of residents use', () => {
    expect(timeZonesOfCountry('AU')).not.toContain('Asia/Tokyo')
    expect(timeZonesOfCountry('au')).toContain('Australia/Perth')
    expect(countriesOfTimeZone('Asia/Tokyo')).toEqual(['JP'])
  })

  it.each<[string, string[]]>([
    ['Europe/Zurich', ['CH', 'DE', 'LI']],
    ['America/Indianapolis', ['US']],
    ['Etc/UTC', []],
    ['Nowhere/Land', []],
  ])('%s is used in %j', (zone, countries) => {
    expect(countriesOfTimeZone(zone)).toEqual(countries)
  })

  it.each<[string, boolean]>([
    ['UTC', true],
    ['Etc/GMT+5', true],
    ['GMT', true],
    ['Europe/London', false],
    ['America/Los_Angeles', false],
  ])('%s is placeless: %s', (zone, expected) => {
    expect(isPlacelessTimeZone(zone)).toBe(expected)
  })
})

describe('formatting', () => {
  it.each<[number, string]>([
    [540, 'UTC+09:00'],
    [-210, 'UTC-03:30'],
    [0, 'UTC+00:00'],
    [345, 'UTC+05:45'],
    [-600, 'UTC-10:00'],
  ])('%s minutes is %s', (minutes, text) => {
    expect(formatUtcOffset(minutes)).toBe(text)
  })

  it('gives the wall-clock time for an offset', () => {
    expect(localTimeAt(Date.parse('2026-03-02T10:30:00Z'), -480)).toEqual({ text: '02:30', hour: 2 })
    expect(localTimeAt(Date.parse('2026-03-02T20:15:00Z'), 540)).toEqual({ text: '05:15', hour: 5 })
  })
})
