import { readFileSync } from 'node:fs'
import { createEmailDomainReference, normaliseApplication, type ApplicationRecord } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import type { IntelFile, LoadedList } from '../source/intel-source.js'
import { createNetworkDetector, type NetworkDetectorInput } from './network-detector.js'
import type { NetworkRange } from './network-range.js'
import { networkSources } from './network-sources.js'
import { loadPackagedIpDatabase } from './packaged-ip-database.js'
import { parseNetworkClassification } from './parse-network-classification.js'
import { loadShippedNetworkClassification } from './shipped-network-classification.js'

const shared = (file: string): IntelFile => ({
  name: file,
  text: readFileSync(new URL(`../../../../../shared/data/network/${file}`, import.meta.url), 'utf8'),
})

/** A list as the loader hands it over: parsed by the real source definition, named and versioned. */
function loaded(kind: string, version: string, files: readonly IntelFile[]): LoadedList<NetworkRange> {
  const result = networkSources.find((source) => source.kind === kind)?.parse(files)
  if (result?.status !== 'ok' || result.data.area !== 'network') throw new Error(`fixture ${kind} does not parse`)
  return { source: { name: kind, version, entries: result.entries }, items: result.data.ranges }
}

const x4bVpn = loaded('x4b-vpn', '2026-11-01', [
  shared('x4b_vpn_ipv4.txt'),
  shared('x4b_vpn_ipv6.txt'),
  shared('x4b_vpn_ASN.txt'),
])
const torExits = loaded('tor-exits', '2026-11-02', [shared('tor-exit-nodes.lst')])
const shipped = loadShippedNetworkClassification()
const ipDatabase = loadPackagedIpDatabase()
const reference = createEmailDomainReference({ disposable: [], free: [], sources: [] })

function application(ip: string | undefined, claimedCountry?: string): ApplicationRecord {
  return {
    schemaVersion: 1,
    id: 'app-1',
    submittedAt: '2026-03-02T15:04:05Z',
    source: { system: 'json' },
    cv: { basics: { name: 'Jordan Miller' } },
    ...(claimedCountry ? { claimed: { location: { countryCode: claimedCountry } } } : {}),
    ...(ip === undefined ? {} : { submission: { ip } }),
  }
}

function detect(input: NetworkDetectorInput, ip: string | undefined, claimedCountry?: string) {
  const record = application(ip, claimedCountry)
  return createNetworkDetector(input).detect({ record, facts: normaliseApplication(record), reference })
}

const everything: NetworkDetectorInput = { ranges: [x4bVpn, torExits, shipped], ipDatabase }

describe('createNetworkDetector', () => {
  it.each<[string | undefined, string | undefined, readonly string[], string]>([
    [
      '146.70.16.10',
      'US',
      ['network.vpn'],
      'an X4BNet VPN range in M247 (listed as hosting): VPN wins, no mismatch behind it',
    ],
    ['2001:ac8:20::1', 'US', ['network.vpn'], 'an X4BNet IPv6 VPN range'],
    ['2a03:1b20:5:3::140', 'SE', ['network.vpn'], "Mullvad's relay network by its AS"],
    [
      '185.220.101.1',
      'US',
      ['network.vpn', 'network.tor-exit'],
      'a Tor exit on the list, in an AS X4BNet lists as VPN',
    ],
    ['101.99.92.179', 'US', ['network.tor-exit'], 'a Tor exit on the list alone'],
    ['159.65.65.1', 'US', ['network.hosting'], 'DigitalOcean by its AS, in the claimed country'],
    ['159.65.65.1', 'DE', ['network.hosting', 'network.country.mismatch'], 'a data centre abroad'],
    ['73.1.1.1', 'US', [], 'a US home line, claimed US'],
    ['73.1.1.1', 'de', ['network.country.mismatch'], 'a US home line, claimed Germany (lower case)'],
    ['73.1.1.1', undefined, [], 'no claimed country'],
    ['175.45.176.1', 'US', ['network.country.embargoed'], "North Korea's block: embargoed, not also a mismatch"],
    ['175.45.176.1', 'KP', ['network.country.embargoed'], 'embargoed even where claimed'],
    ['10.0.0.1', 'US', [], 'a private address is the context detector’s'],
    ['not an ip', 'US', [], 'an invalid address is the context detector’s'],
    ['', 'US', [], 'an empty address'],
    [undefined, 'US', [], 'no submission context'],
  ])('%s claiming %s → %j (%s)', (ip, claimed, codes) => {
    expect(detect(everything, ip, claimed).map((signal) => signal.code)).toEqual(codes)
  })

  it('cites the IP facts, the matched range and the list version in the evidence', () => {
    const [signal] = detect(everything, '146.70.16.10', 'US')
    expect(signal).toMatchObject({
      code: 'network.vpn',
      severity: 'medium',
      evidence: {
        ip: '146.70.16.10',
        asn: 9009,
        organisation: 'M247 Europe SRL',
        ipCountry: 'RO',
        claimedCountry: 'US',
        matchedBy: 'range',
        range: '146.70.16.0/20',
        listName: 'x4b-vpn',
        source: { name: 'x4b-vpn', version: '2026-11-01' },
      },
    })
    expect(signal?.message).toContain('146.70.16.0/20')
  })

  it('cites the AS and the network name of an AS match', () => {
    const [signal] = detect(everything, '159.65.65.1', 'US')
    expect(signal?.evidence).toMatchObject({
      matchedBy: 'asn',
      range: 'AS14061',
      networkName: 'DigitalOcean',
      listName: 'hirewall network classification',
      source: { name: 'hirewall network classification', version: '2026-11-23' },
    })
  })

  it('raises the embargo signal as high, citing the country data', () => {
    const [signal] = detect(everything, '175.45.176.1', 'US')
    expect(signal).toMatchObject({
      severity: 'high',
      evidence: { ipCountry: 'KP', claimedCountry: 'US', source: { name: ipDatabase.countrySource.name } },
    })
    expect(signal?.message).toContain('North Korea')
  })

  it('prefers a listed range over a listed AS of the same kind', () => {
    const ours = parseNetworkClassification(
      [{ name: 'ours.csv', text: 'network,kind,name\nAS14061,vpn,Whole AS\n159.65.0.0/16,vpn,Exit range\n' }],
      'ours',
    )
    if (ours.status !== 'ok' || ours.data.area !== 'network') throw new Error('fixture')
    const list = { source: { name: 'ours', version: '1', entries: ours.entries }, items: ours.data.ranges }
    const signals = detect({ ranges: [list], ipDatabase }, '159.65.65.1', 'US')
    expect(signals.map((signal) => [signal.code, signal.evidence['range']])).toEqual([['network.vpn', '159.65.0.0/16']])
  })

  it('raises the mismatch behind an anonymiser when asked to', () => {
    const input = { ...everything, options: { isMismatchRaisedBehindAnonymisers: true } }
    expect(detect(input, '146.70.16.10', 'US').map((signal) => signal.code)).toEqual([
      'network.vpn',
      'network.country.mismatch',
    ])
  })

  it('takes its embargoed countries from the options', () => {
    const input = { ...everything, options: { embargoedCountries: ['us'] } }
    expect(detect(input, '73.1.1.1', 'US').map((signal) => signal.code)).toEqual(['network.country.embargoed'])
    expect(detect(input, '175.45.176.1', 'US').map((signal) => signal.code)).toEqual(['network.country.mismatch'])
  })

  it('classifies by range alone without an IP database, and says nothing of countries', () => {
    const input = { ranges: [x4bVpn, shipped] }
    expect(detect(input, '146.70.16.10', 'US').map((signal) => signal.code)).toEqual(['network.vpn'])
    expect(detect(input, '159.65.65.1', 'DE')).toEqual([])
    expect(detect(input, '175.45.176.1', 'US')).toEqual([])
  })

  it('declares the six network signals and gives the same answer twice', () => {
    const detector = createNetworkDetector(everything)
    expect(detector.name).toBe('network')
    expect(detector.signals.map((definition) => definition.code).sort()).toEqual([
      'network.country.embargoed',
      'network.country.mismatch',
      'network.hosting',
      'network.proxy',
      'network.tor-exit',
      'network.vpn',
    ])
    expect(detect(everything, '159.65.65.1', 'DE')).toEqual(detect(everything, '159.65.65.1', 'DE'))
  })
})
