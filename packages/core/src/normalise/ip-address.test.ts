import { describe, expect, it } from 'vitest'
import { ipNumber, parseIp } from './ip-address.js'

describe('parseIp', () => {
  it.each([
    ['8.8.8.8', { kind: 'public', address: '8.8.8.8', version: 4 }],
    [' 73.158.64.20 ', { kind: 'public', address: '73.158.64.20', version: 4 }],
    ['2606:4700:4700:0:0:0:0:1111', { kind: 'public', address: '2606:4700:4700::1111', version: 6 }],
    ['::ffff:8.8.8.8', { kind: 'public', address: '8.8.8.8', version: 4 }],
    ['2002:c000:204::1', { kind: 'public', address: '2002:c000:204::1', version: 6 }],
    ['10.0.0.1', { kind: 'non-public', range: 'private', version: 4 }],
    ['172.31.255.255', { kind: 'non-public', range: 'private' }],
    ['172.32.0.1', { kind: 'public' }],
    ['100.127.255.255', { kind: 'non-public', range: 'carrier-grade-nat' }],
    ['100.128.0.1', { kind: 'public' }],
    ['203.0.113.9', { kind: 'non-public', range: 'documentation' }],
    ['3fff::1', { kind: 'non-public', range: 'documentation' }],
    ['2001:2::1', { kind: 'non-public', range: 'benchmarking' }],
    ['fec0::1', { kind: 'non-public', range: 'unique-local' }],
    ['4000::1', { kind: 'non-public', range: 'reserved' }],
    ['255.255.255.255', { kind: 'non-public', range: 'broadcast' }],
    ['::', { kind: 'non-public', range: 'unspecified' }],
    ['0x7f.1', { kind: 'invalid' }],
    ['1.2.3', { kind: 'invalid' }],
    ['256.1.1.1', { kind: 'invalid' }],
    ['hello', { kind: 'invalid' }],
  ] as const)('%s', (raw, expected) => {
    expect(parseIp(raw)).toMatchObject({ raw, ...expected })
  })
})

describe('parseIp on IPv6 text forms', () => {
  it.each([
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['::', '::'],
    ['::1', '::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
  ])('%s is read as %s', (raw, address) => {
    expect(parseIp(raw)).toMatchObject({ address, version: 6 })
  })

  it.each([
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '12345::1',
    ':::',
    'fe80::1%',
    '::1.2.3.4:5',
    'g::1',
    '1.2.3.4::',
  ])('%s is invalid', (raw) => {
    expect(parseIp(raw)).toEqual({ kind: 'invalid', raw })
  })
})

describe('ipNumber', () => {
  it.each([
    ['0.0.0.0', { version: 4, value: 0 }],
    ['1.2.3.4', { version: 4, value: 0x01020304 }],
    [' 255.255.255.255 ', { version: 4, value: 0xffffffff }],
    ['128.0.0.1', { version: 4, value: 0x80000001 }],
    ['::ffff:8.8.8.8', { version: 4, value: 0x08080808 }],
    ['::ffff:808:808', { version: 4, value: 0x08080808 }],
    ['::', { version: 6, words: [0, 0, 0, 0] }],
    ['2001:db8::1', { version: 6, words: [0x20010db8, 0, 0, 1] }],
    [
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      { version: 6, words: [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff] },
    ],
    ['2a02:6ea0:c020::1:7', { version: 6, words: [0x2a026ea0, 0xc0200000, 0, 0x00010007] }],
    ['::1.2.3.4', { version: 6, words: [0, 0, 0, 0x01020304] }],
  ] as const)('%s', (raw, expected) => {
    expect(ipNumber(raw)).toEqual(expected)
  })

  it.each(['1.2.3', '256.0.0.1', '01.2.3.4', '1::2::3', '', 'hello', '10.0.0.0/8'])('%s is not an address', (raw) => {
    expect(ipNumber(raw)).toBeUndefined()
  })
})
