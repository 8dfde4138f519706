import {
  intelSignalDefinitions,
  ipNumber,
  parseIp,
  type Detector,
  type IntelSignalCode,
  type Signal,
  type SignalDefinition,
} from '@hirewall/core'
import type { LoadedList } from '../source/intel-source.js'
import type { IpDatabase, IpFacts } from './ip-database.js'
import { createNetworkIndex, type NetworkMatch } from './network-index.js'
import { networkKinds, type NetworkKind, type NetworkRange } from './network-range.js'

export type NetworkSignalCode = Extract<IntelSignalCode, `network.${string}`>

const networkSignals = intelSignalDefinitions.filter((definition): definition is SignalDefinition<NetworkSignalCode> =>
  definition.code.startsWith('network.'),
)

const codeOfKind = {
  vpn: 'network.vpn',
  hosting: 'network.hosting',
  proxy: 'network.proxy',
  'tor-exit': 'network.tor-exit',
} as const satisfies Record<NetworkKind, NetworkSignalCode>

const kindLabels = {
  vpn: 'a VPN service',
  hosting: 'a hosting or data-centre network',
  proxy: 'a proxy service',
  'tor-exit': 'a Tor exit node',
} as const satisfies Record<NetworkKind, string>

/** Countries under comprehensive sanctions (US, UN, EU programmes): North Korea, Iran, Cuba and Syria. */
export const defaultEmbargoedCountries = ['KP', 'IR', 'CU', 'SY'] as const

export type NetworkDetectorOptions = {
  /** ISO 3166-1 alpha-2 countries whose addresses raise `network.country.embargoed`; default KP, IR, CU, SY. */
  readonly embargoedCountries?: readonly string[]
  /**
   * Whether `network.country.mismatch` is raised for a VPN, proxy or Tor exit too, whose country is the service's
   * choice rather than the applicant's; default false (the anonymiser's own signal says enough).
   */
  readonly isMismatchRaisedBehindAnonymisers?: boolean
}

export type NetworkDetectorInput = {
  readonly ranges: readonly LoadedList<NetworkRange>[]
  readonly ipDatabase?: IpDatabase
  readonly options?: NetworkDetectorOptions
}

let regionNames: Intl.DisplayNames | undefined

function countryName(code: string): string {
  regionNames ??= new Intl.DisplayNames('en', { type: 'region', fallback: 'code' })
  try {
    return regionNames.of(code) ?? code
  } catch {
    return code
  }
}

/**
 * The network detector: classifies the submission IP (`record.submission.ip`) with the loaded network lists (by range,
 * or by the AS the IP database places it in) and compares the IP's country with the claimed home. Raises one signal
 * per kind matched (`network.vpn`, `network.hosting`, `network.proxy`, `network.tor-exit`; a VPN, proxy or Tor match
 * makes the hosting one redundant), `network.country.embargoed` for an address in a comprehensively sanctioned
 * country, else `network.country.mismatch` when the address's country is not the claimed one. Invalid and non-public
 * addresses are left to the core context detector. Pure: the lists and the database are loaded by the caller.
 */
export function createNetworkDetector(input: NetworkDetectorInput): Detector<NetworkSignalCode> {
  const index = createNetworkIndex(input.ranges)
  const database = input.ipDatabase
  const embargoed = new Set((input.options?.embargoedCountries ?? defaultEmbargoedCountries).map(upper))
  const isMismatchRaisedBehindAnonymisers = input.options?.isMismatchRaisedBehindAnonymisers ?? false
  return {
    name: 'network',
    signals: networkSignals,
    detect({ record, facts }) {
      const raw = record.submission?.ip
      if (raw === undefined || raw.trim() === '') return []
      const parsed = parseIp(raw)
      if (parsed.kind !== 'public') return []
      const address = ipNumber(parsed.address)
      if (!address) return []
      const ipFacts: IpFacts = database ? database.lookup(parsed.address) : {}
      const context: SignalContext = {
        ip: parsed.address,
        facts: ipFacts,
        ...(facts.claimedCountry ? { claimedCountry: facts.claimedCountry } : {}),
      }
      const found: Signal<NetworkSignalCode>[] = []
      const best = bestMatchPerKind(index.match(address, ipFacts.asn))
      const isAnonymised = best.has('vpn') || best.has('proxy') || best.has('tor-exit')
      for (const kind of networkKinds) {
        const match = best.get(kind)
        if (!match || (kind === 'hosting' && isAnonymised)) continue
        found.push(kindSignal(kind, match, context))
      }
      const country = ipFacts.countryCode
      if (country && database) {
        if (embargoed.has(country)) found.push(countrySignal('network.country.embargoed', context, database))
        else if (context.claimedCountry && country !== context.claimedCountry) {
          if (!isAnonymised || isMismatchRaisedBehindAnonymisers)
            found.push(countrySignal('network.country.mismatch', context, database))
        }
      }
      return found
    },
  }
}

type SignalContext = { readonly ip: string; readonly facts: IpFacts; readonly claimedCountry?: string }

/** The first match of each kind: matches arrive ranges first (narrowest first), then AS entries, in list order. */
function bestMatchPerKind(matches: readonly NetworkMatch[]): Map<NetworkKind, NetworkMatch> {
  const best = new Map<NetworkKind, NetworkMatch>()
  for (const match of matches) if (!best.has(match.range.kind)) best.set(match.range.kind, match)
  return best
}

function severityOf(code: NetworkSignalCode): Signal['severity'] {
  return networkSignals.find((definition) => definition.code === code)?.severity ?? 'medium'
}

function networkEvidence(context: SignalContext): Record<string, unknown> {
  const { facts } = context
  return {
    ip: context.ip,
    ...(facts.asn !== undefined ? { asn: facts.asn } : {}),
    ...(facts.organisation ? { organisation: facts.organisation } : {}),
    ...(facts.countryCode ? { ipCountry: facts.countryCode } : {}),
    ...(context.claimedCountry ? { claimedCountry: context.claimedCountry } : {}),
  }
}

function describeNetwork(context: SignalContext): string {
  const { facts } = context
  const parts = [facts.asn !== undefined ? `AS${facts.asn}` : undefined, facts.organisation, facts.countryCode].filter(
    (part): part is string => part !== undefined,
  )
  return parts.length > 0 ? `${context.ip} (${parts.join(', ')})` : context.ip
}

function kindSignal(kind: NetworkKind, match: NetworkMatch, context: SignalContext): Signal<NetworkSignalCode> {
  const code = codeOfKind[kind]
  const { range, source } = match
  const listed = match.matchedBy === 'range' ? (range.cidr ?? '') : `AS${range.asn}`
  const operator = range.name ? ` ${range.name}` : ''
  return {
    code,
    severity: severityOf(code),
    message: `The application was submitted from ${describeNetwork(context)}, ${kindLabels[kind]}: ${listed}${operator} is listed as ${kind} on ${source.name} (${source.version}).`,
    evidence: Object.assign(networkEvidence(context), {
      matchedBy: match.matchedBy,
      range: listed,
      listName: range.list,
      ...(range.name ? { networkName: range.name } : {}),
      source: { name: source.name, version: source.version },
    }),
  }
}

function countrySignal(
  code: 'network.country.embargoed' | 'network.country.mismatch',
  context: SignalContext,
  database: IpDatabase,
): Signal<NetworkSignalCode> {
  const country = context.facts.countryCode ?? ''
  const where = `${countryName(country)} (${country})`
  const claimed = context.claimedCountry
    ? `the applicant says they live in ${countryName(context.claimedCountry)} (${context.claimedCountry})`
    : 'the applicant states no home country'
  const message =
    code === 'network.country.embargoed'
      ? `The application was submitted from ${describeNetwork(context)}, an address in ${where}, a comprehensively sanctioned country; ${claimed}.`
      : `The application was submitted from ${describeNetwork(context)}, an address in ${where}, but ${claimed}.`
  const source = database.countrySource
  return {
    code,
    severity: severityOf(code),
    message,
    evidence: Object.assign(networkEvidence(context), { source: { name: source.name, version: source.version } }),
  }
}

function upper(code: string): string {
  return code.trim().toUpperCase()
}
