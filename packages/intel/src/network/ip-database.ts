import { ipNumber, type ReferenceSource } from '@hirewall/core'
import { Reader, type Response } from 'maxmind'
import type { AsnRanges } from './asn-ranges.js'
import { formatIpv4, formatIpv6 } from './ip-block.js'

/** What an offline IP database knows about one address; each part is absent when the data has no answer. */
export type IpFacts = {
  readonly asn?: number
  readonly organisation?: string
  /** ISO 3166-1 alpha-2, upper case. */
  readonly countryCode?: string
}

/** Offline IP → ASN, organisation and country. */
export type IpDatabase = {
  /** The datasets behind the answers, cited by the signals that use them: the ASN data, then the country data. */
  readonly sources: readonly ReferenceSource[]
  readonly asnSource: ReferenceSource
  readonly countrySource: ReferenceSource
  /** The facts about an address (IPv4 or IPv6 text); nothing for text that is not an address. */
  readonly lookup: (ip: string) => IpFacts
}

/** The parts of an IP database; each ASN table is built on first use, so an IPv4-only run never parses the IPv6 one. */
export type IpDatabaseParts = {
  readonly ipv4Asn: () => AsnRanges
  readonly ipv6Asn: () => AsnRanges
  /** An MMDB country database: ip-location-db's `{ country_code }` records or MaxMind's `{ country: { iso_code } }`. */
  readonly countryMmdb: Buffer
  readonly asnSource: ReferenceSource
  readonly countrySource: ReferenceSource
}

/** Builds the lookups over already-read data: no I/O here (the packaged loader reads the files). */
export function createIpDatabase(parts: IpDatabaseParts): IpDatabase {
  // Opening an MMDB only reads its metadata; lookups walk the buffer.
  let ipv4Asn: AsnRanges | undefined
  let ipv6Asn: AsnRanges | undefined
  const countries = new Reader<Response>(parts.countryMmdb)
  return {
    sources: [parts.asnSource, parts.countrySource],
    asnSource: parts.asnSource,
    countrySource: parts.countrySource,
    lookup(ip) {
      const address = ipNumber(ip)
      if (!address) return {}
      const asnRecord =
        address.version === 4
          ? (ipv4Asn ??= parts.ipv4Asn()).lookup(address)
          : (ipv6Asn ??= parts.ipv6Asn()).lookup(address)
      // The MMDB is keyed by canonical text; an IPv4-mapped IPv6 form would miss the IPv4 tree.
      const text = address.version === 4 ? formatIpv4(address.value) : formatIpv6(address.words)
      const code = countryCodeOf(countries.get(text))
      const countryCode = typeof code === 'string' && /^[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : undefined
      const facts: { asn?: number; organisation?: string; countryCode?: string } = {}
      if (asnRecord) {
        facts.asn = asnRecord.asn
        if (asnRecord.organisation) facts.organisation = asnRecord.organisation
      }
      if (countryCode) facts.countryCode = countryCode
      return facts
    },
  }
}

/** ip-location-db's country MMDBs hold `{ country_code }` records, not MaxMind's `{ country: { iso_code } }`. */
function countryCodeOf(record: unknown): unknown {
  if (typeof record !== 'object' || record === null) return undefined
  if ('country_code' in record) return record.country_code
  const country = 'country' in record ? record.country : undefined
  return typeof country === 'object' && country !== null && 'iso_code' in country ? country.iso_code : undefined
}
