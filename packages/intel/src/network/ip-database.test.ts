import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { parseAsnRanges } from './asn-ranges.js'
import { createIpDatabase } from './ip-database.js'

const require = createRequire(import.meta.url)
// The real country MMDB of the installed package: the reader under test is the one production uses.
const countryMmdb = readFileSync(
  require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb'),
)

function fixtureDatabase() {
  const built = { ipv4: 0, ipv6: 0 }
  const database = createIpDatabase({
    ipv4Asn: () => {
      built.ipv4++
      return parseAsnRanges('134744064,134744319,15169,Google LLC\n', { version: 4, file: 'v4.csv' }).ranges
    },
    ipv6Asn: () => {
      built.ipv6++
      return parseAsnRanges('2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC\n', {
        version: 6,
        file: 'v6.csv',
      }).ranges
    },
    countryMmdb,
    asnSource: { name: 'asn fixture', version: '1', entries: 2 },
    countrySource: { name: 'country', version: '2', entries: 3 },
  })
  return { database, built }
}

describe('createIpDatabase', () => {
  it.each([
    ['8.8.8.8', { asn: 15169, organisation: 'Google LLC', countryCode: 'US' }],
    [' 8.8.8.8 ', { asn: 15169, organisation: 'Google LLC', countryCode: 'US' }],
    ['::ffff:8.8.8.8', { asn: 15169, organisation: 'Google LLC', countryCode: 'US' }],
    ['2001:4860:4860::8888', { asn: 15169, organisation: 'Google LLC', countryCode: 'US' }],
    ['175.45.176.1', { countryCode: 'KP' }],
    ['10.0.0.1', {}],
    ['not an address', {}],
    ['', {}],
  ])('%s', (ip, expected) => {
    expect(fixtureDatabase().database.lookup(ip)).toEqual(expected)
  })

  it('builds each ASN table once, on the first lookup of its IP version', () => {
    const { database, built } = fixtureDatabase()
    database.lookup('8.8.8.8')
    database.lookup('8.8.4.4')
    expect(built).toEqual({ ipv4: 1, ipv6: 0 })
    database.lookup('2001:4860::1')
    expect(built).toEqual({ ipv4: 1, ipv6: 1 })
  })

  it('cites its datasets, ASN data first', () => {
    const { database } = fixtureDatabase()
    expect(database.sources.map((source) => source.name)).toEqual(['asn fixture', 'country'])
    expect(database.countrySource.version).toBe('2')
  })
})
