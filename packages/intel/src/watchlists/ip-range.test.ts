import { describe, expect, it } from 'vitest'
import { ipBits, parseIpRange } from './ip-range.js'

describe('parseIpRange', () => {
  it.each([
    ['203.0.113.7', 4, 0xcb007107n, 32],
    [' 203.0.113.7 ', 4, 0xcb007107n, 32],
    ['203.0.113.0/24', 4, 0xcb007100n, 24],
    // Host bits are cleared, as a router reads the range.
    ['203.0.113.7/24', 4, 0xcb007100n, 24],
    ['10.0.0.0/8', 4, 0x0a000000n, 8],
    ['::ffff:203.0.113.7', 4, 0xcb007107n, 32],
    ['::ffff:203.0.113.0/120', 4, 0xcb007100n, 24],
    ['2001:db8::1', 6, 0x20010db8000000000000000000000001n, 128],
    ['2001:DB8::/32', 6, 0x20010db8000000000000000000000000n, 32],
    ['2001:db8:1:2:3:4:5:6/64', 6, 0x20010db8000100020000000000000000n, 64],
  ])('%s', (text, version, network, prefixLength) => {
    expect(parseIpRange(text)).toEqual({ status: 'ok', range: { version, network, prefixLength } })
  })

  it.each([
    ['', 'is not an IPv4 or IPv6 address'],
    ['203.0.113', 'is not an IPv4 or IPv6 address'],
    ['203.0.113.256', 'is not an IPv4 or IPv6 address'],
    ['2001:db8::g', 'is not an IPv4 or IPv6 address'],
    ['203.0.113.0/', 'is not a prefix length'],
    ['203.0.113.0/x', 'is not a prefix length'],
    ['203.0.113.0/33', 'is not a prefix length of an IPv4 address'],
    ['2001:db8::/129', 'is not a prefix length of an IPv6 address'],
    ['::ffff:203.0.113.0/64', 'is not a prefix length of an IPv4 address'],
    ['0.0.0.0/0', 'would match every address'],
  ])('refuses %j', (text, message) => {
    const reading = parseIpRange(text)
    expect(reading.status).toBe('invalid')
    expect(reading.status === 'invalid' && reading.message).toContain(message)
  })
})

describe('ipBits', () => {
  it('reads IPv6 compressed and expanded forms as the same number', () => {
    const forms = ['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:DB8:0:0::1']
    expect(new Set(forms.map((form) => ipBits(form)?.bits)).size).toBe(1)
  })
})
