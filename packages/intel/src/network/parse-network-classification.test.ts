import { readFileSync } from 'node:fs'
import { ipNumber } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import type { IntelParseResult } from '../source/intel-source.js'
import { parseIpBlock } from './ip-block.js'
import { createIpRangeSet } from './ip-range-set.js'
import type { NetworkRange } from './network-range.js'
import { parseNetworkClassification } from './parse-network-classification.js'

const parse = (text: string): IntelParseResult =>
  parseNetworkClassification([{ name: 'ours.csv', text }], 'network-classification')

function rangesOf(result: IntelParseResult): readonly NetworkRange[] {
  if (result.status !== 'ok' || result.data.area !== 'network') throw new Error(JSON.stringify(result))
  return result.data.ranges
}

describe('parseNetworkClassification', () => {
  it('reads ASNs, CIDRs and single addresses of each kind, with names, and the version line', () => {
    const result = parse(
      [
        '# Our classification',
        '# version: 2026-11-20',
        'network,kind,name,note',
        'AS9009,hosting,M247,"registry: M247 Europe SRL, hosting"',
        '146.70.0.0/16,vpn,Some VPN,seen in our logs',
        '2001:db8:1::/48,proxy,,',
        '185.220.101.1,tor-exit,Tor,',
        'as14061,Datacenter,DigitalOcean,an alias for hosting',
        'AS9009,hosting,M247 again,a duplicate counted once',
      ].join('\n'),
    )
    expect(result).toMatchObject({ status: 'ok', entries: 5, version: '2026-11-20', skipped: [] })
    expect(rangesOf(result)).toEqual([
      { kind: 'hosting', asn: 9009, name: 'M247', list: 'network-classification' },
      { kind: 'vpn', cidr: '146.70.0.0/16', name: 'Some VPN', list: 'network-classification' },
      { kind: 'proxy', cidr: '2001:db8:1::/48', list: 'network-classification' },
      { kind: 'tor-exit', cidr: '185.220.101.1', name: 'Tor', list: 'network-classification' },
      { kind: 'hosting', asn: 14061, name: 'DigitalOcean', list: 'network-classification' },
    ])
  })

  it('reads the columns in any order, name and note being optional', () => {
    expect(rangesOf(parse('Kind,Network\nvpn,AS209854\n'))).toEqual([
      { kind: 'vpn', asn: 209854, list: 'network-classification' },
    ])
  })

  it('names the file, line and column of every bad row and keeps the good ones', () => {
    const result = parse(
      [
        'network,kind,name,note',
        'AS9009,hosting,M247,',
        'AS9009,vpnn,Typo,',
        '10.0.0.0/33,vpn,Bad prefix,',
        ',vpn,Empty,',
        'AS99999999999,vpn,Too big,',
        'Astrill,vpn,A brand is not a network,',
      ].join('\n'),
    )
    expect(result).toMatchObject({ status: 'ok', entries: 1 })
    expect(result.status === 'ok' ? result.skipped : []).toEqual([
      {
        file: 'ours.csv',
        line: 3,
        column: 2,
        field: 'kind',
        message: '"vpnn" is not a network kind (vpn, hosting, proxy, tor-exit)',
      },
      {
        file: 'ours.csv',
        line: 4,
        column: 1,
        field: 'network',
        message: '"10.0.0.0/33" is not an AS number, CIDR or IP address',
      },
      {
        file: 'ours.csv',
        line: 5,
        column: 1,
        field: 'network',
        message: 'is empty: expected AS1234, a CIDR or an IP address',
      },
      {
        file: 'ours.csv',
        line: 6,
        column: 1,
        field: 'network',
        message: '"AS99999999999" is not an AS number, CIDR or IP address',
      },
      {
        file: 'ours.csv',
        line: 7,
        column: 1,
        field: 'network',
        message: '"Astrill" is not an AS number, CIDR or IP address',
      },
    ])
  })

  it.each([
    ['a file without the kind column', 'network,name\nAS1,x\n', 'has no kind column'],
    ['an empty file', '', 'is empty'],
    ['a file with no valid row', 'network,kind\nnope,vpn\n', 'has no valid network row'],
    ['a broken quote', 'network,kind,name\nAS1,vpn,"unclosed\n', 'never closed'],
  ])('refuses %s', (_, text, message) => {
    const result = parse(text)
    expect(result.status).toBe('invalid')
    expect(result.status === 'invalid' ? result.issues.map((issue) => issue.message).join(' | ') : '').toContain(
      message,
    )
  })

  it('keeps line numbers true past comments holding quotes and commas', () => {
    const result = parse('# a "quoted, comment\nnetwork,kind\n# another, "one\nAS1,vpnx\n')
    expect(result.status === 'invalid' ? result.issues[0] : undefined).toMatchObject({ line: 4, column: 2 })
  })

  it("imports ipcat's real datacenters.csv as hosting CIDRs covering exactly its ranges", () => {
    const text = readFileSync(
      new URL('../../../../../shared/data/network/ipcat_datacenters.csv', import.meta.url),
      'utf8',
    )
    const result = parseNetworkClassification([{ name: 'datacenters.csv', text }], 'network-classification')
    const ranges = rangesOf(result)
    expect(result).toMatchObject({ status: 'ok', skipped: [] })
    expect(ranges.every((range) => range.kind === 'hosting' && range.cidr !== undefined)).toBe(true)
    expect(ranges).toContainEqual({
      kind: 'hosting',
      cidr: '3.0.0.0/15',
      name: 'Amazon AWS',
      list: 'network-classification',
    })
    // Both ends of every ipcat row fall in a CIDR carrying the row's name.
    const set = createIpRangeSet(
      ranges.map((range) => {
        const block = parseIpBlock(range.cidr ?? '')
        if (!block) throw new Error(`unreadable CIDR ${range.cidr}`)
        return { block, item: range.name }
      }),
    )
    const rows = text.split('\n').filter(Boolean)
    expect(rows).toHaveLength(3_429)
    for (const row of rows) {
      const [first = '', last = ''] = row.split(',')
      const name = row.includes('"') ? row.split('"')[1] : row.split(',')[2]
      for (const end of [first, last]) {
        const address = ipNumber(end)
        expect(address && set.lookup(address)).toContain(name)
      }
    }
  })
})
