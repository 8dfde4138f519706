import { defineSignals } from './signal-definition.js'

/**
 * Signals that need outside facts: sanctions lists, institution lists, network ranges and user watchlists. The
 * definitions live here, in the one registry; the detectors that raise them live in `@hirewall/intel`, which holds
 * the data. Every one of them cites the source it used (`evidence.source: { name, version }`).
 */
export const intelSignals = defineSignals([
  {
    code: 'sanctions.match',
    category: 'sanctions',
    stage: 'application',
    severity: 'critical',
    description:
      'The applicant, a referrer or a staffing vendor matches an entry of a sanctions list: critical (hold) for a strong match, medium (review) for a possible one. Evidence names the list, the entry and how the names matched.',
  },
  {
    code: 'institution.not-found',
    category: 'institution',
    stage: 'application',
    severity: 'low',
    description: 'A school named in the education history matches no institution of the loaded institution lists.',
  },
  {
    code: 'institution.high-risk',
    category: 'institution',
    stage: 'application',
    severity: 'high',
    description:
      'A school named in the education history is on a high-risk or diploma-mill list the organisation imported.',
  },
  {
    code: 'institution.country.mismatch',
    category: 'institution',
    stage: 'application',
    severity: 'medium',
    description:
      'The institution that a school name resolves to is in another country than the application says it studied in.',
  },
  {
    code: 'institution.degree.not-offered',
    category: 'institution',
    stage: 'application',
    severity: 'medium',
    description:
      'The claimed degree is above the highest level the institution awards (a doctorate from a two-year college).',
  },
  {
    code: 'network.vpn',
    category: 'network',
    stage: 'application',
    severity: 'medium',
    description: 'The submitting IP address belongs to a consumer VPN service (Astrill and others).',
  },
  {
    code: 'network.hosting',
    category: 'network',
    stage: 'application',
    severity: 'medium',
    description: 'The submitting IP address is in a hosting or data-centre network, not a home or mobile one.',
  },
  {
    code: 'network.proxy',
    category: 'network',
    stage: 'application',
    severity: 'medium',
    description: 'The submitting IP address is a known open or commercial proxy.',
  },
  {
    code: 'network.tor-exit',
    category: 'network',
    stage: 'application',
    severity: 'medium',
    description: 'The submitting IP address is a Tor exit node.',
  },
  {
    code: 'network.country.mismatch',
    category: 'network',
    stage: 'application',
    severity: 'medium',
    description: 'The submitting IP address is located in another country than the applicant says they live in.',
  },
  {
    code: 'network.country.embargoed',
    category: 'network',
    stage: 'application',
    severity: 'high',
    description:
      'The submitting IP address is located in a comprehensively sanctioned country (North Korea, Iran, Cuba, Syria).',
  },
  {
    code: 'watchlist.match',
    category: 'watchlist',
    stage: 'application',
    severity: 'high',
    description:
      'A phone, email, domain, address, profile handle, IP address or CV file of the application is on a watchlist the organisation imported; evidence names the list and the entry.',
  },
])

export type IntelSignalCode = (typeof intelSignals)[number]['code']
