import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { ipDatabasePackages, loadPackagedIpDatabase } from '../network/packaged-ip-database.js'
import { loadShippedNetworkClassification } from '../network/shipped-network-classification.js'
import type { IntelSourceStatus } from '../source/intel-source.js'
import { packageSourceStatus } from './source-status.js'

// The same relative path from src/cache and dist/cache: the package's data/ folder.
const shippedClassification = new URL('../../data/network-classification.csv', import.meta.url)

/**
 * The intel sources that ship in npm packages, as `intel status` lists them: HireWall's network classification and
 * the offline IP → ASN and IP → country data of the ip-location-db packages (all updated with `npm update`). Reads
 * and hashes their files: for status only, not for screening.
 */
export function packagedIntelStatuses(): readonly IntelSourceStatus[] {
  const sources = loadPackagedIpDatabase().sources
  const entries = (name: string): number => sources.find((source) => source.name === name)?.entries ?? 0
  const classification = loadShippedNetworkClassification().source
  const classificationBytes = readFileSync(shippedClassification)
  return [
    {
      kind: 'package',
      name: classification.name,
      version: classification.version,
      fetchedAt: statSync(shippedClassification).mtime.toISOString(),
      sha256: createHash('sha256').update(classificationBytes).digest('hex'),
      bytes: classificationBytes.byteLength,
      entries: classification.entries,
      origin: 'package',
    },
    packageSourceStatus({
      packageName: ipDatabasePackages.asn,
      dataFiles: ['asn-ipv4-num.csv', 'asn-ipv6.csv'],
      entries: entries(ipDatabasePackages.asn),
    }),
    packageSourceStatus({
      packageName: ipDatabasePackages.country,
      dataFiles: ['geo-whois-asn-country.mmdb'],
      entries: entries(ipDatabasePackages.country),
    }),
  ]
}
