import { describe, expect, it } from 'vitest'
import { parseIpRange, type IpRange } from './ip-range.js'
import { IpRangeMap } from './ip-range-map.js'

function rangeOf(text: string): IpRange {
  const reading = parseIpRange(text)
  if (reading.status !== 'ok') throw new Error(`bad fixture ${text}`)
  return reading.range
}

describe('IpRangeMap', () => {
  const map = new IpRangeMap<string>()
  for (const text of [
    '203.0.113.0/24',
    '203.0.113.128/25',
    '203.0.113.7',
    '198.51.100.9',
    '2001:db8::/32',
    '2001:db8:5::/48',
  ])
    map.add(rangeOf(text), text)

  it.each([
    ['203.0.113.7', ['203.0.113.7', '203.0.113.0/24']],
    ['203.0.113.200', ['203.0.113.128/25', '203.0.113.0/24']],
    ['203.0.113.1', ['203.0.113.0/24']],
    ['203.0.114.1', []],
    ['198.51.100.9', ['198.51.100.9']],
    ['198.51.100.10', []],
    ['::ffff:198.51.100.9', ['198.51.100.9']],
    ['2001:db8:5:1::9', ['2001:db8:5::/48', '2001:db8::/32']],
    ['2001:db9::1', []],
    // An IPv4 range never matches an IPv6 address with the same leading bits, nor the other way round.
    ['cb00:7107::', []],
    ['not an ip', []],
  ])('%s → %j', (address, expected) => {
    expect(map.find(address)).toEqual(expected)
  })

  it('counts what was added', () => {
    expect(map.size).toBe(6)
  })
})
