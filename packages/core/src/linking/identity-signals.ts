import { defineSignals } from '../signals/signal-definition.js'
import type { Severity } from '../signals/severity.js'
import type { IdentifierKind } from './identifier-kind.js'

/**
 * The pool signals of the identity index, category `identity-reuse`.
 *
 * Decision: one code per shared identifier kind (`identity.shared.phone`, `identity.shared.address`...) rather than
 * one `identity.shared-identifier` with the kind in its evidence. Analysts filter dashboards and write rules by
 * kind, and the scoring policy weighs signals by code (`signalWeights`), so a team that finds shared addresses
 * noisy can turn them down without touching phones. Profiles, CV texts and photos have their own named codes.
 */
export const identitySignals = defineSignals([
  {
    code: 'identity.shared.phone',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'medium',
    description:
      'The phone number is already on applications of other claimed people: medium for one, high for two or more; family members with the same surname count only as context.',
  },
  {
    code: 'identity.shared.email',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'medium',
    description:
      'The mailbox (after case, +tags and Gmail dots) is already on applications of other claimed people: medium for one, high for two or more.',
  },
  {
    code: 'identity.shared.device',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'medium',
    description:
      'The submitting device fingerprint was already used by other claimed people: medium for one, high for two or more.',
  },
  {
    code: 'identity.shared.cv-file',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'medium',
    description:
      'The byte-identical CV file (same SHA-256) was already submitted under other names: medium for one, high for two or more.',
  },
  {
    code: 'identity.shared.payee',
    category: 'identity-reuse',
    stage: 'onboarding',
    severity: 'medium',
    description:
      'The payee or bank account is already on file for other claimed people: medium for one, high for two or more.',
  },
  {
    code: 'identity.shared.address',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'info',
    description:
      'The postal address is already on applications of other claimed people: context for one or two (roommates, families), low for three or four, medium for five or more.',
  },
  {
    code: 'identity.shared.ip',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'info',
    description:
      'The submitting IP address was used by other claimed people: context for one or two, low for three or more.',
  },
  {
    code: 'identity.shared.ip-prefix',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'info',
    description:
      'Other claimed people submitted from the same /24 (IPv4) or /48 (IPv6) network: context only (campuses, offices, carriers).',
  },
  {
    code: 'identity.shared.referrer',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'info',
    description: 'The same referrer referred other claimed people: context for up to four, low for five or more.',
  },
  {
    code: 'identity.profile-shared',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'medium',
    description:
      'The LinkedIn, GitHub or other profile handle is given by other claimed people too (a rented or hijacked profile): medium for one, high for two or more.',
  },
  {
    code: 'identity.cv-near-duplicate',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'medium',
    description:
      "The CV text is a near-duplicate (estimated Jaccard similarity of word trigrams at least 0.8) of other claimed people's CVs: medium for one, high for two or more.",
  },
  {
    code: 'identity.photo-reused',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'medium',
    description:
      'The photo matches (perceptual hash within a few bits) the photo of other claimed people: medium for one, high for two or more.',
  },
  {
    code: 'identity.history-changed',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'medium',
    description:
      'The same claimed person applied before with a different education or work history; the evidence lists each degree, school, employer or date that changed.',
  },
  {
    code: 'identity.burst',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'low',
    description:
      'Five or more applications from several claimed people came from one IP address or one device within 24 hours: medium for a device used by three or more people, else low.',
  },
  {
    code: 'identity.ring',
    category: 'identity-reuse',
    stage: 'application',
    severity: 'high',
    description:
      'The persona cluster this application joins (applications linked by phones, emails, devices, profiles, CV files or texts, photos) spans three or more surnames, or two joined by three or more kinds of identifier.',
  },
])

export type IdentitySignalCode = (typeof identitySignals)[number]['code']

/** Which code reports sharing of each identifier kind. */
export const sharedIdentifierCodes: Readonly<Record<IdentifierKind, IdentitySignalCode>> = {
  phone: 'identity.shared.phone',
  email: 'identity.shared.email',
  device: 'identity.shared.device',
  'cv-file': 'identity.shared.cv-file',
  payee: 'identity.shared.payee',
  address: 'identity.shared.address',
  ip: 'identity.shared.ip',
  'ip-prefix': 'identity.shared.ip-prefix',
  referrer: 'identity.shared.referrer',
  profile: 'identity.profile-shared',
  'cv-text': 'identity.cv-near-duplicate',
  photo: 'identity.photo-reused',
}

/**
 * How strong the sharing of one identifier is, from the number of other claimed people with a different surname
 * (`strangers`): strong identifiers are medium at one and high at two or more; weak ones stay context or low.
 * Sharing only with people of the applicant's surname (a household) is context.
 */
export function sharedIdentifierSeverity(kind: IdentifierKind, strangers: number): Severity {
  switch (kind) {
    case 'phone':
    case 'email':
    case 'device':
    case 'cv-file':
    case 'payee':
    case 'profile':
    case 'cv-text':
    case 'photo':
      return strangers >= 2 ? 'high' : strangers === 1 ? 'medium' : 'info'
    case 'address':
      return strangers >= 5 ? 'medium' : strangers >= 3 ? 'low' : 'info'
    case 'ip':
      return strangers >= 3 ? 'low' : 'info'
    case 'referrer':
      return strangers >= 5 ? 'low' : 'info'
    case 'ip-prefix':
      return 'info'
  }
}
