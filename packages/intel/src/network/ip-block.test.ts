import { ipNumber } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import {
  formatIpv6,
  ipBlockBetween,
  ipBlockContains,
  ipBlockSize,
  ipBlockToCidrs,
  parseIpBlock,
  readIpBlock,
} from './ip-block.js'

describe('parseIpBlock', () => {
  it.each([
    ['203.0.113.0/24', { version: 4, first: 0xcb007100, last: 0xcb0071ff }],
    ['10.1.2.3/8', { version: 4, first: 0x0a000000, last: 0x0affffff }],
    ['198.51.100.7', { version: 4, first: 0xc6336407, last: 0xc6336407 }],
    ['0.0.0.0/0', { version: 4, first: 0, last: 0xffffffff }],
    ['8.8.8.8/32', { version: 4, first: 0x08080808, last: 0x08080808 }],
    ['2001:db8::/32', { version: 6, first: 0x20010db8n << 96n, last: (0x20010db8n << 96n) + (1n << 96n) - 1n }],
    ['2001:db8::1', { version: 6, first: (0x20010db8n << 96n) + 1n, last: (0x20010db8n << 96n) + 1n }],
    ['::ffff:1.2.3.4', { version: 4, first: 0x01020304, last: 0x01020304 }],
    ['2001:0470:0001:0908:0000:0000:0000:9001', { version: 6, first: (0x2001047000010908n << 64n) | 0x9001n }],
  ] as const)('%s', (text, expected) => {
    expect(parseIpBlock(text)).toMatchObject(expected)
  })

  it.each([
    '',
    '10.0.0.0/33',
    '2001:db8::/129',
    '10.0.0.0/',
    '10.0.0.0/8/8',
    '10.0.0/8',
    'AS1234',
    '10.0.0.0/-1',
    '1.2.3.4/ 8x',
  ])('%s is not a block', (text) => {
    expect(parseIpBlock(text)).toBeUndefined()
  })
})

describe('readIpBlock', () => {
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
    const first = version === 4 ? Number(network) : network
    expect(readIpBlock(text)).toMatchObject({ status: 'ok', block: { version, first }, prefixLength })
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
  ])('refuses %j', (text, message) => {
    const reading = readIpBlock(text)
    expect(reading.status).toBe('invalid')
    expect(reading.status === 'invalid' && reading.message).toContain(message)
  })

  it('reads IPv6 compressed and expanded forms as the same number', () => {
    const forms = ['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:DB8:0:0::1']
    expect(new Set(forms.map((form) => parseIpBlock(form)?.first)).size).toBe(1)
  })
})

describe('ipBlockBetween', () => {
  it('reads an inclusive range of one version in order', () => {
    expect(ipBlockBetween('3.0.0.0', '3.1.255.255')).toEqual({ version: 4, first: 0x03000000, last: 0x0301ffff })
    expect(ipBlockBetween('2001:db8::', '2001:db8::ff')).toMatchObject({ version: 6 })
  })

  it.each([
    ['3.1.255.255', '3.0.0.0'],
    ['3.0.0.0', '2001:db8::'],
    ['3.0.0.0', 'x'],
  ])('%s to %s is not a range', (first, last) => {
    expect(ipBlockBetween(first, last)).toBeUndefined()
  })
})

describe('ipBlockToCidrs', () => {
  it.each([
    ['3.0.0.0', '3.1.255.255', ['3.0.0.0/15']],
    ['1.2.3.0', '1.2.4.255', ['1.2.3.0/24', '1.2.4.0/24']],
    ['10.0.0.1', '10.0.0.6', ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32']],
    ['0.0.0.0', '255.255.255.255', ['0.0.0.0/0']],
    ['255.255.255.254', '255.255.255.255', ['255.255.255.254/31']],
    ['2001:db8::', '2001:db8::1:ffff', ['2001:db8::/111']],
    ['2001:db8::1', '2001:db8::2', ['2001:db8::1/128', '2001:db8::2/128']],
  ])('%s to %s', (first, last, cidrs) => {
    const block = ipBlockBetween(first, last)
    if (!block) throw new Error('not a block')
    expect(ipBlockToCidrs(block)).toEqual(cidrs)
    // The CIDRs cover exactly the range: their sizes add up to it and each lies inside it.
    const blocks = cidrs.map((cidr) => parseIpBlock(cidr))
    const total = blocks.reduce((sum, piece) => sum + (piece ? ipBlockSize(piece) : 0n), 0n)
    expect(total).toBe(ipBlockSize(block))
    for (const piece of blocks) {
      expect(piece && piece.first >= block.first && piece.last <= block.last).toBe(true)
    }
  })
})

describe('ipBlockContains', () => {
  const block = parseIpBlock('146.70.0.0/16')
  it.each([
    ['146.70.0.0', true],
    ['146.70.255.255', true],
    ['146.71.0.0', false],
    ['146.69.255.255', false],
    ['::ffff:146.70.1.1', true],
    ['2001:db8::1', false],
  ])('%s → %s', (text, expected) => {
    const address = ipNumber(text)
    if (!block || !address) throw new Error('bad fixture')
    expect(ipBlockContains(block, address)).toBe(expected)
  })
})

describe('formatIpv6', () => {
  it.each([
    [[0x20010db8, 0, 0, 1], '2001:db8::1'],
    [[0, 0, 0, 0], '::'],
    [[0, 0, 0, 1], '::1'],
    [[0x20010db8, 0x00010000, 0x00000001, 0x00000001], '2001:db8:1::1:0:1'],
    [[0x20010db8, 0, 0x00010000, 0], '2001:db8:0:0:1::'],
    [[0x20010000, 0x00000001, 0, 0x00010001], '2001::1:0:0:1:1'],
    [[0x20010db8, 0x00000001, 0x00010001, 0x00010001], '2001:db8:0:1:1:1:1:1'],
  ] as const)('%j → %s', (words, text) => {
    expect(formatIpv6(words)).toBe(text)
  })
})
