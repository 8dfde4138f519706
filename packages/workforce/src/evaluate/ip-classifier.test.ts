import { describe, expect, it } from 'vitest'
import { testNetwork } from '../testing/test-evaluator.js'
import { createIpClassifier, trustedNetworkProblems } from './ip-classifier.js'

describe('createIpClassifier', () => {
  const classifier = createIpClassifier(testNetwork(), ['52.14.9.8/29', '10.20.0.0/16'])

  it.each([
    ['a home line', '73.42.18.9', { kind: 'public', address: '73.42.18.9', facts: { countryCode: 'US', asn: 7922 } }],
    ['the corporate VPN', '52.14.9.10', { kind: 'trusted', network: '52.14.9.8/29' }],
    ['an office network behind NAT', '10.20.4.4', { kind: 'trusted', network: '10.20.0.0/16' }],
    ['another private address', '192.168.1.4', { kind: 'unusable' }],
    ['not an address', 'localhost', { kind: 'unusable' }],
    ['a hosting network', '159.65.65.10', { kind: 'public', anonymiser: { kind: 'hosting' } }],
    [
      'a VPN exit listed by range, before the hosting AS it sits in',
      '146.70.70.71',
      { kind: 'public', anonymiser: { kind: 'vpn' } },
    ],
    ['a Tor exit', '185.220.101.1', { kind: 'public', anonymiser: { kind: 'tor-exit' } }],
  ])('classifies %s', (_name, ip, expected) => {
    expect(classifier.classify(ip)).toMatchObject(expected)
  })

  it('answers each address once, from its cache the next time', () => {
    const fresh = createIpClassifier(testNetwork())
    const first = fresh.classify('73.42.18.9')
    expect(fresh.classify('73.42.18.9')).toBe(first)
    expect(fresh.size()).toBe(1)
    fresh.classify('68.40.1.1')
    expect(fresh.size()).toBe(2)
  })

  it('works without network intelligence (every public address is a plain one)', () => {
    expect(createIpClassifier(undefined).classify('159.65.65.10')).toEqual({
      kind: 'public',
      address: '159.65.65.10',
      facts: {},
    })
  })

  it('names trusted networks that are not addresses or CIDRs', () => {
    expect(trustedNetworkProblems(['52.14.9.8/29', 'vpn.example.com', '10.0.0.0/33'])).toEqual([
      'trusted network "vpn.example.com": "vpn.example.com" is not an IPv4 or IPv6 address',
      expect.stringContaining('trusted network "10.0.0.0/33"'),
    ])
  })
})
