import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../csv/read-csv.js'
import { parseAsnRanges } from './asn-ranges.js'
import { ipv6Words } from './ip-block.js'
import { loadShippedNetworkClassification, shippedNetworkClassificationName } from './shipped-network-classification.js'

const shippedText = readFileSync(new URL('../../data/network-classification.csv', import.meta.url), 'utf8')
const dataRows: { readonly line: number; readonly fields: readonly string[] }[] = []
readCsv(shippedText, (record) => dataRows.push(record), { quotes: 'join', onComment: () => undefined })
const [, ...rows] = dataRows

describe('loadShippedNetworkClassification', () => {
  it('loads the shipped file with its version line, under its own name', () => {
    const loaded = loadShippedNetworkClassification()
    expect(loaded.source).toEqual({
      name: shippedNetworkClassificationName,
      version: '2026-11-23',
      entries: loaded.items.length,
    })
    expect(loaded.items.length).toBe(rows.length)
    expect(loadShippedNetworkClassification()).toBe(loaded)
  })

  it('names cloud providers and consumer VPN operators', () => {
    const byAsn = new Map(loadShippedNetworkClassification().items.map((item) => [item.asn, item]))
    expect(byAsn.get(16509)).toMatchObject({ kind: 'hosting', name: 'Amazon AWS' })
    expect(byAsn.get(14061)).toMatchObject({ kind: 'hosting', name: 'DigitalOcean' })
    expect(byAsn.get(136787)).toMatchObject({ kind: 'vpn' })
    expect(byAsn.get(216025)).toMatchObject({ kind: 'vpn', name: 'Mullvad VPN' })
  })

  it('gives a source in the note of every row', () => {
    for (const row of rows) expect(row.fields[3]?.trim(), `line ${row.line}`).toMatch(/\w{3,}/)
  })

  // The notes say which organisation holds each AS: check them against the RIR data the ASN package carries.
  it('holds only ASNs registered to the organisation its note names', () => {
    const require = createRequire(import.meta.url)
    const organisations = new Map<number, string>()
    for (const [file, version] of [
      ['asn-ipv4-num.csv', 4],
      ['asn-ipv6-num.csv', 6],
    ] as const) {
      const text = readFileSync(require.resolve(`@ip-location-db/asn/${file}`), 'utf8')
      const { ranges } = parseAsnRanges(text, { version, file })
      for (const line of text.split('\n')) {
        const [first] = line.split(',', 1)
        if (!first) continue
        const address = version === 4 ? { version, value: Number(first) } : { version, words: ipv6Words(BigInt(first)) }
        const record = ranges.lookup(address)
        if (record?.organisation) organisations.set(record.asn, record.organisation)
      }
    }
    const squeeze = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '')
    for (const row of rows) {
      const asn = Number(/^AS(\d+)$/.exec(row.fields[0] ?? '')?.[1])
      const registered = /^registry: ([^;]+)/.exec(row.fields[3] ?? '')?.[1]
      if (!registered) continue
      expect(squeeze(organisations.get(asn) ?? 'not in the data'), `line ${row.line}: AS${asn}`).toBe(
        squeeze(registered),
      )
    }
  })
})
