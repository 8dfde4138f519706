import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { loadPackagedIpDatabase } from './packaged-ip-database.js'

const require = createRequire(import.meta.url)
const versionOf = (name: string): unknown =>
  (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: unknown }).version

// Facts stable for years (Google's and Cloudflare's resolvers, North Korea's only block): a data update keeps them.
describe('loadPackagedIpDatabase', () => {
  it.each([
    ['8.8.8.8', { asn: 15169, countryCode: 'US' }],
    ['1.1.1.1', { asn: 13335 }],
    ['2001:4860:4860::8888', { asn: 15169 }],
    ['2606:4700:4700::1111', { asn: 13335 }],
    ['175.45.176.1', { countryCode: 'KP' }],
  ])('%s', (ip, expected) => {
    expect(loadPackagedIpDatabase().lookup(ip)).toMatchObject(expected)
  })

  it('names the organisation of the AS', () => {
    expect(loadPackagedIpDatabase().lookup('8.8.8.8').organisation).toMatch(/google/i)
  })

  it('is loaded once per process', () => {
    expect(loadPackagedIpDatabase()).toBe(loadPackagedIpDatabase())
  })

  it('cites the installed package versions and counts the ASN ranges', () => {
    const [asn, country] = loadPackagedIpDatabase().sources
    expect(asn).toMatchObject({ name: '@ip-location-db/asn', version: versionOf('@ip-location-db/asn') })
    expect(country).toMatchObject({
      name: '@ip-location-db/geo-whois-asn-country-mmdb',
      version: versionOf('@ip-location-db/geo-whois-asn-country-mmdb'),
    })
    expect(asn?.entries).toBeGreaterThan(100_000)
  })
})
