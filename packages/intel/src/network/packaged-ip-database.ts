import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Reader, type Response } from 'maxmind'
import { parseAsnRanges, type AsnRanges } from './asn-ranges.js'
import { createIpDatabase, type IpDatabase } from './ip-database.js'

const require = createRequire(import.meta.url)

/** The npm packages the offline IP database comes from (CC BY 4.0 data: see docs/intel/network.md). */
export const ipDatabasePackages = {
  asn: '@ip-location-db/asn',
  country: '@ip-location-db/geo-whois-asn-country-mmdb',
} as const

let loaded: IpDatabase | undefined

/**
 * The IP database from the ip-location-db npm packages installed with HireWall: IP → ASN and organisation from
 * `@ip-location-db/asn` (its numeric CSVs: decimal addresses parse several times faster than IPv6 text) and IP → country from
 * `@ip-location-db/geo-whois-asn-country-mmdb`. Loaded once per process: the files are read on the first call and
 * each ASN table is parsed on the first lookup that needs it, so an IPv4-only run never parses the IPv6 table. The
 * source versions are the package versions; entries are ASN ranges for the ASN data and search-tree nodes for the
 * MMDB (which has no row count). This file is the only one that reads the packages from disk.
 */
export function loadPackagedIpDatabase(): IpDatabase {
  loaded ??= load()
  return loaded
}

function load(): IpDatabase {
  let ipv4Csv: Buffer | undefined = readFileSync(packageFile(ipDatabasePackages.asn, 'asn-ipv4-num.csv'))
  let ipv6Csv: Buffer | undefined = readFileSync(packageFile(ipDatabasePackages.asn, 'asn-ipv6-num.csv'))
  const countryMmdb = readFileSync(packageFile(ipDatabasePackages.country, 'geo-whois-asn-country.mmdb'))
  const asnRanges = countLines(ipv4Csv) + countLines(ipv6Csv)
  return createIpDatabase({
    ipv4Asn: () => {
      const ranges = parseTable(ipv4Csv ?? Buffer.alloc(0), 'asn-ipv4-num.csv', 4)
      ipv4Csv = undefined
      return ranges
    },
    ipv6Asn: () => {
      const ranges = parseTable(ipv6Csv ?? Buffer.alloc(0), 'asn-ipv6-num.csv', 6)
      ipv6Csv = undefined
      return ranges
    },
    countryMmdb,
    asnSource: { name: ipDatabasePackages.asn, version: packageVersion(ipDatabasePackages.asn), entries: asnRanges },
    countrySource: {
      name: ipDatabasePackages.country,
      version: packageVersion(ipDatabasePackages.country),
      entries: mmdbNodeCount(countryMmdb),
    },
  })
}

function packageFile(name: string, file: string): string {
  return require.resolve(`${name}/${file}`)
}

function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(packageFile(name, 'package.json'), 'utf8')) as { version?: unknown }
  return typeof manifest.version === 'string' ? manifest.version : 'unknown'
}

function parseTable(csv: Buffer, file: string, version: 4 | 6): AsnRanges {
  const { ranges, skipped } = parseAsnRanges(csv.toString('utf8'), { version, file })
  // Bad rows in a package file are a packaging bug, not the user's input: the good rows still serve.
  if (skipped.length > 0) process.emitWarning(`${file}: bad rows skipped, the first at line ${skipped[0]?.line}`)
  return ranges
}

function countLines(buffer: Buffer): number {
  let count = 0
  for (let index = buffer.indexOf(10); index !== -1; index = buffer.indexOf(10, index + 1)) count++
  return count
}

function mmdbNodeCount(mmdb: Buffer): number {
  return new Reader<Response>(mmdb).metadata.nodeCount
}
