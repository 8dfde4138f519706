import { readFileSync } from 'node:fs'
import { ipNumber, type IpNumber } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import { ipBlockBetween, ipv6Value, ipv6Words, parseIpBlock, type IpBlock } from './ip-block.js'
import { createIpRangeSet, type IpRangeEntry } from './ip-range-set.js'

const sharedData = (file: string): string =>
  readFileSync(new URL(`../../../../../shared/data/network/${file}`, import.meta.url), 'utf8')

function entry(text: string, item: string): IpRangeEntry<string> {
  const [first, last] = text.split(' - ')
  const block = last ? ipBlockBetween(first ?? '', last) : parseIpBlock(text)
  if (!block) throw new Error(`bad fixture ${text}`)
  return { block, item }
}

function address(text: string): IpNumber {
  const parsed = ipNumber(text)
  if (!parsed) throw new Error(`bad fixture ${text}`)
  return parsed
}

describe('createIpRangeSet', () => {
  const set = createIpRangeSet([
    entry('10.0.0.0/8', 'wide'),
    entry('10.1.0.0/16', 'mid'),
    entry('10.1.2.3', 'single'),
    entry('10.200.0.0 - 10.201.0.255', 'odd range'),
    entry('10.201.0.0/24', 'inside the odd range'),
    entry('10.201.0.128 - 10.202.0.0', 'straddling'),
    entry('0.0.0.0/0', 'everything v4'),
    entry('2001:db8::/32', 'doc v6'),
    entry('2001:db8:1::/48', 'narrow v6'),
    entry('2001:db8:1::5', 'single v6'),
    entry('255.255.255.255', 'last v4'),
  ])

  it.each([
    ['10.1.2.3', ['single', 'mid', 'wide', 'everything v4']],
    ['10.1.2.4', ['mid', 'wide', 'everything v4']],
    ['10.2.0.0', ['wide', 'everything v4']],
    ['11.0.0.0', ['everything v4']],
    ['10.201.0.127', ['inside the odd range', 'odd range', 'wide', 'everything v4']],
    ['10.201.0.200', ['inside the odd range', 'straddling', 'odd range', 'wide', 'everything v4']],
    ['10.201.1.0', ['straddling', 'wide', 'everything v4']],
    ['10.202.0.1', ['wide', 'everything v4']],
    ['255.255.255.255', ['last v4', 'everything v4']],
    ['::ffff:10.1.2.3', ['single', 'mid', 'wide', 'everything v4']],
    ['2001:db8:1::5', ['single v6', 'narrow v6', 'doc v6']],
    ['2001:db8:1::6', ['narrow v6', 'doc v6']],
    ['2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', ['doc v6']],
    ['2001:db9::', []],
    ['::', []],
  ])('%s is in %j', (text, expected) => {
    expect(set.lookup(address(text))).toEqual(expected)
  })

  it('answers nothing from an empty set', () => {
    const empty = createIpRangeSet<string>([])
    expect(empty.lookup(address('1.2.3.4'))).toEqual([])
    expect(empty.lookup(address('2001:db8::1'))).toEqual([])
  })

  it('agrees with a linear scan over the real X4BNet and ipcat lists, at block edges and at random', () => {
    const entries: IpRangeEntry<number>[] = []
    for (const file of ['x4b_vpn_ipv4.txt', 'x4b_vpn_ipv6.txt', 'x4b_datacenter_ipv4.txt']) {
      for (const line of sharedData(file).split('\n')) {
        const block = parseIpBlock(line.trim())
        if (block) entries.push({ block, item: entries.length })
      }
    }
    for (const line of sharedData('ipcat_datacenters.csv').split('\n')) {
      const [first = '', last = ''] = line.split(',')
      const block = ipBlockBetween(first, last)
      if (block) entries.push({ block, item: entries.length })
    }
    expect(entries.length).toBeGreaterThan(55_000)
    const set = createIpRangeSet(entries)

    let seed = 20_261_123
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed / 2_147_483_648
    }
    const probes: IpNumber[] = []
    const edges = (block: IpBlock): IpNumber[] => {
      if (block.version === 4) {
        return [block.first - 1, block.first, block.last, block.last + 1]
          .filter((value) => value >= 0 && value <= 0xffffffff)
          .map((value) => ({ version: 4, value }))
      }
      return [block.first - 1n, block.first, block.last, block.last + 1n].map((value) => ({
        version: 6,
        words: ipv6Words(value),
      }))
    }
    for (let index = 0; index < 200; index++) {
      const picked = entries[Math.floor(random() * entries.length)]
      if (picked) probes.push(...edges(picked.block))
    }
    for (let index = 0; index < 500; index++) probes.push({ version: 4, value: Math.floor(random() * 0x100000000) })

    // The scan compares plain numbers: IPv4 bounds as numbers, IPv6 bounds as bigints.
    const scan = (probe: IpNumber): number[] => {
      const value = probe.version === 4 ? probe.value : ipv6Value(probe.words)
      const found: number[] = []
      for (const { block, item } of entries) {
        if (block.version === probe.version && block.first <= value && value <= block.last) found.push(item)
      }
      return found
    }
    for (const probe of probes) {
      expect([...set.lookup(probe)].sort((left, right) => left - right)).toEqual(scan(probe))
    }
  })
})

describe('createIpRangeSet: nested watchlist ranges', () => {
  const set = createIpRangeSet(
    ['203.0.113.0/24', '203.0.113.128/25', '203.0.113.7', '198.51.100.9', '2001:db8::/32', '2001:db8:5::/48'].map(
      (text) => entry(text, text),
    ),
  )
  // The watchlist index looks up the text of a record's IP: anything that is not an address finds nothing.
  const find = (text: string): readonly string[] => {
    const parsed = ipNumber(text)
    return parsed === undefined ? [] : set.lookup(parsed)
  }

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
    expect(find(address)).toEqual(expected)
  })

  it('counts what was added', () => {
    expect(set.size).toBe(6)
  })
})
