import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findSourceDefinition } from '../source/source-catalogue.js'
import type { IntelFile, IntelKind, IntelParseResult } from '../source/intel-source.js'
import type { NetworkRange } from './network-range.js'
import { networkSources } from './network-sources.js'

const shared = (file: string, name = file): IntelFile => ({
  name,
  text: readFileSync(new URL(`../../../../../shared/data/network/${file}`, import.meta.url), 'utf8'),
})

function parse(kind: IntelKind, files: readonly IntelFile[]): IntelParseResult {
  const definition = findSourceDefinition(kind)
  if (!definition) throw new Error(`no ${kind} source`)
  return definition.parse(files)
}

function rangesOf(result: IntelParseResult): readonly NetworkRange[] {
  if (result.status !== 'ok' || result.data.area !== 'network') throw new Error(JSON.stringify(result))
  return result.data.ranges
}

describe('networkSources', () => {
  it('defines the four network kinds, downloads from the official addresses', () => {
    expect(networkSources.map((source) => source.kind)).toEqual([
      'x4b-vpn',
      'x4b-datacenter',
      'tor-exits',
      'network-classification',
    ])
    expect(findSourceDefinition('x4b-vpn')?.downloads.map((download) => download.url)).toEqual([
      'https://raw.githubusercontent.com/X4BNet/lists_vpn/main/output/vpn/ipv4.txt',
      'https://raw.githubusercontent.com/X4BNet/lists_vpn/main/output/vpn/ipv6.txt',
      'https://raw.githubusercontent.com/X4BNet/lists_vpn/main/input/vpn/ASN.txt',
    ])
    expect(findSourceDefinition('tor-exits')?.downloads[0]?.url).toBe('https://check.torproject.org/torbulkexitlist')
    expect(findSourceDefinition('network-classification')).toMatchObject({ isNamedList: true, downloads: [] })
  })

  it('reads the real X4BNet VPN files: IPv4 and IPv6 ranges and the ASN list with its operator names', () => {
    const result = parse('x4b-vpn', [
      shared('x4b_vpn_ipv4.txt', 'ipv4.txt'),
      shared('x4b_vpn_ipv6.txt', 'ipv6.txt'),
      shared('x4b_vpn_ASN.txt', 'ASN.txt'),
    ])
    const ranges = rangesOf(result)
    expect(result).toMatchObject({ status: 'ok', entries: 10_862 + 498 + 15, skipped: [] })
    expect(ranges.every((range) => range.kind === 'vpn' && range.list === 'x4b-vpn')).toBe(true)
    expect(ranges).toContainEqual({ kind: 'vpn', asn: 209854, name: 'Surfshark', list: 'x4b-vpn' })
    expect(ranges).toContainEqual({ kind: 'vpn', cidr: '2001:ac8::/32', list: 'x4b-vpn' })
  })

  it('reads the real X4BNet data-centre files as hosting, counting a repeated ASN once', () => {
    const result = parse('x4b-datacenter', [
      shared('x4b_datacenter_ipv4.txt', 'ipv4.txt'),
      shared('x4b_datacenter_ASN.txt', 'ASN.txt'),
    ])
    expect(result).toMatchObject({ status: 'ok', entries: 42_566 + 892, skipped: [] })
    expect(rangesOf(result)).toContainEqual({
      kind: 'hosting',
      asn: 14061,
      name: 'DIGITALOCEAN-ASN - Digital Ocean, Inc., US',
      list: 'x4b-datacenter',
    })
  })

  it('reads the real Tor exit list, IPv6 exits in full form included', () => {
    const ranges = rangesOf(parse('tor-exits', [shared('tor-exit-nodes.lst')]))
    expect(ranges).toHaveLength(1_746)
    expect(ranges).toContainEqual({
      kind: 'tor-exit',
      cidr: '2001:0620:20d0:0000:0000:0000:0000:0019',
      list: 'tor-exits',
    })
  })

  it("reads Tor's exit-addresses records", () => {
    const text = [
      'ExitNode 0011BD2485AD45D984EC4159C88FC066E5E3300E',
      'Published 2026-11-22 20:10:38',
      'LastStatus 2026-11-23 01:00:00',
      'ExitAddress 162.247.74.201 2026-11-23 01:03:05',
    ].join('\n')
    expect(rangesOf(parse('tor-exits', [{ name: 'exit-addresses', text }]))).toEqual([
      { kind: 'tor-exit', cidr: '162.247.74.201', list: 'tor-exits' },
    ])
  })

  it('skips a few bad lines with their line numbers', () => {
    const result = parse('tor-exits', [
      { name: 'torbulkexitlist', text: '162.247.74.201\n# note\nnot-an-ip\n\n185.220.101.1\n' },
    ])
    expect(result).toMatchObject({
      status: 'ok',
      entries: 2,
      skipped: [{ file: 'torbulkexitlist', line: 3, message: '"not-an-ip" is not an IP address, CIDR or AS number' }],
    })
  })

  it.each([
    [
      'an HTML error page',
      '<!DOCTYPE html>\n<html>\n<head><title>503</title></head>\n<body>\n<p>Service Unavailable</p>\n</body>\n</html>\n'.repeat(
        3,
      ),
    ],
    ['an empty file', ''],
  ])('refuses %s, so the cache keeps the previous version', (_, text) => {
    expect(parse('x4b-vpn', [{ name: 'ipv4.txt', text }])).toMatchObject({ status: 'invalid' })
  })
})
