import { describe, expect, it } from 'vitest'
import { packagedIntelStatuses } from './packaged-intel-statuses.js'

describe('packagedIntelStatuses', () => {
  it('lists the shipped network classification with its version, size and checksum', () => {
    const [classification] = packagedIntelStatuses()
    expect(classification).toMatchObject({
      kind: 'package',
      origin: 'package',
      name: 'hirewall network classification',
    })
    expect(classification?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(classification?.entries).toBeGreaterThan(10)
  })

  it('lists the installed ip-location-db packages with their version, size, checksum and entries', () => {
    const statuses = packagedIntelStatuses().slice(1)
    expect(statuses.map((status) => status.name)).toEqual([
      '@ip-location-db/asn',
      '@ip-location-db/geo-whois-asn-country-mmdb',
    ])
    for (const status of statuses) {
      expect(status).toMatchObject({ kind: 'package', origin: 'package' })
      expect(status.version).toMatch(/^\d+\.\d+\.\d{10}$/)
      expect(status.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(status.bytes).toBeGreaterThan(1_000_000)
      expect(status.entries).toBeGreaterThan(100_000)
    }
  })
})
